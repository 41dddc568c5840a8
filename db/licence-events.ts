import type { Db } from "./client";

export async function insertLicenceEvent(
  db: Db,
  e: { orgId: string; status: "active" | "suspended" | "revoked"; reason: string; scope: string | null; suspendedUntil: string | null; recordedBy: string | null },
): Promise<void> {
  await db
    .insertInto("licence_events")
    .values({
      org_id: e.orgId,
      status: e.status,
      reason: e.reason,
      scope: e.scope,
      suspended_until: e.suspendedUntil,
      recorded_by: e.recordedBy,
    })
    .execute();
}

export async function listLicenceEvents(db: Db, orgId: string) {
  return db
    .selectFrom("licence_events as e")
    .leftJoin("users as u", "u.id", "e.recorded_by")
    .select(["e.id", "e.status", "e.scope", "e.reason", "e.suspended_until", "e.created_at", "u.name as recorded_by_name"])
    .where("e.org_id", "=", orgId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
}
