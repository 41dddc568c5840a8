import type { Actor } from "~/domain/org";
import { sql } from "kysely";
import type { Db } from "~db/client";
import type { Deps } from "../deps.server";

// The organisation's in-app notifications (written by notify(), app/services/shortlists/notify.server.ts).
// Read state is per organisation: "Mark all as read" marks them read for all its users.

export const NOTIFICATIONS_PAGE = 50;

export async function unreadCount(db: Db, orgId: string): Promise<number> {
  const r = await db.selectFrom("notifications").select(sql<number>`count(*)::int`.as("n")).where("org_id", "=", orgId).where("read_at", "is", null).executeTakeFirstOrThrow();
  return r.n;
}

/** A page of the organisation's notifications, newest first (reading them changes nothing: see markAllRead). */
export async function listNotifications(deps: Deps, actor: Actor, page: number) {
  const rows = await deps.db
    .selectFrom("notifications")
    .select(["id", "kind", "params", "created_at", "read_at"])
    .where("org_id", "=", actor.orgId)
    .orderBy("id", "desc")
    .limit(NOTIFICATIONS_PAGE + 1)
    .offset((page - 1) * NOTIFICATIONS_PAGE)
    .execute();
  const shown = rows.slice(0, NOTIFICATIONS_PAGE);
  return { items: shown.map((r) => ({ id: r.id, kind: r.kind, params: r.params, at: r.created_at, unread: r.read_at === null })), hasMore: rows.length > NOTIFICATIONS_PAGE };
}

/** Marks every notification of the organisation read. */
export async function markAllRead(deps: Deps, actor: Actor): Promise<void> {
  await deps.db.updateTable("notifications").set({ read_at: deps.now() }).where("org_id", "=", actor.orgId).where("read_at", "is", null).execute();
}
