import { sql } from "kysely";
import type { Db } from "./client";

// An organisation's in-app notifications (app/services/shortlists/notify.server.ts writes them). Read state is
// per organisation.

export interface NewNotification {
  orgId: string;
  kind: string;
  jobOrderId: string | null;
  entryId: string | null;
  /** the text's parameters, and the path it leads to */
  params: Record<string, string>;
}

export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      rows.map((n) => ({
        org_id: n.orgId,
        kind: n.kind,
        job_order_id: n.jobOrderId,
        entry_id: n.entryId,
        params: JSON.stringify(n.params),
      })),
    )
    .execute();
}

export async function countUnread(db: Db, orgId: string): Promise<number> {
  const r = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("org_id", "=", orgId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return r.n;
}

export interface Notification {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  createdAt: Date;
  readAt: Date | null;
}

/** The organisation's notifications, newest first. */
export async function listNotificationsOf(
  db: Db,
  orgId: string,
  page: { limit: number; offset: number },
): Promise<Notification[]> {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "kind", "params", "created_at", "read_at"])
    .where("org_id", "=", orgId)
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, params: r.params, createdAt: r.created_at, readAt: r.read_at }));
}

/** Marks every unread notification of the organisation read at `at`. */
export async function markAllReadOf(db: Db, orgId: string, at: Date): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("org_id", "=", orgId)
    .where("read_at", "is", null)
    .execute();
}
