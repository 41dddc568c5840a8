import type { LicenceStatus } from "~/domain/org";
import type { Db } from "./client";

export async function insertLicenceEvent(
  db: Db,
  e: {
    orgId: string;
    status: "active" | "suspended" | "revoked";
    reason: string;
    scope: string | null;
    suspendedUntil: string | null;
    recordedBy: string | null;
  },
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

export interface LicenceEventRecord {
  id: string;
  status: LicenceStatus;
  scope: string | null;
  /** an i18n key (licence.initial) or the ministry's own words */
  reason: string;
  suspendedUntil: string | null;
  createdAt: Date;
  recordedByName: string | null;
}

/** The agency's licence history, newest first. */
export async function listLicenceEvents(db: Db, orgId: string): Promise<LicenceEventRecord[]> {
  const rows = await db
    .selectFrom("licence_events as e")
    .leftJoin("users as u", "u.id", "e.recorded_by")
    .select([
      "e.id",
      "e.status",
      "e.scope",
      "e.reason",
      "e.suspended_until",
      "e.created_at",
      "u.name as recorded_by_name",
    ])
    .where("e.org_id", "=", orgId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
  return rows.map((e) => ({
    id: e.id,
    status: e.status,
    scope: e.scope,
    reason: e.reason,
    suspendedUntil: e.suspended_until,
    createdAt: e.created_at,
    recordedByName: e.recorded_by_name,
  }));
}
