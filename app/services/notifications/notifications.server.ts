import type { Actor } from "~/domain/org";
import type { Db } from "~db/client";
import { countUnread, listNotificationsOf, markAllReadOf } from "~db/notifications";
import type { Deps } from "../deps.server";

// The organisation's in-app notifications (written by notify(), app/services/shortlists/notify.server.ts).
// Read state is per organisation: "Mark all as read" marks them read for all its users.

export const NOTIFICATIONS_PAGE = 50;

export async function unreadCount(db: Db, orgId: string): Promise<number> {
  return countUnread(db, orgId);
}

/** A page of the organisation's notifications, newest first (reading them changes nothing: see markAllRead). */
export async function listNotifications(deps: Deps, actor: Actor, page: number) {
  const rows = await listNotificationsOf(deps.db, actor.orgId, {
    limit: NOTIFICATIONS_PAGE + 1,
    offset: (page - 1) * NOTIFICATIONS_PAGE,
  });
  const shown = rows.slice(0, NOTIFICATIONS_PAGE);
  return {
    items: shown.map((r) => ({ id: r.id, kind: r.kind, params: r.params, at: r.createdAt, unread: r.readAt === null })),
    hasMore: rows.length > NOTIFICATIONS_PAGE,
  };
}

/** Marks every notification of the organisation read. */
export async function markAllRead(deps: Deps, actor: Actor): Promise<void> {
  await markAllReadOf(deps.db, actor.orgId, deps.now());
}
