import type { Selectable } from "kysely";
import type { Db } from "./client";
import type { KioskDevicesTable } from "./schema";

/** A kiosk device outside db/: its columns in camelCase, without the code and token hashes. */
export interface KioskDevice {
  id: string;
  eventId: string;
  label: string;
  /** when a still unused enrolment code lapses (null once enrolled) */
  enrolCodeExpiresAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  enrolledAt: Date | null;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const deviceOf = (d: Selectable<KioskDevicesTable>): KioskDevice => ({
  id: d.id,
  eventId: d.event_id,
  label: d.label,
  enrolCodeExpiresAt: d.enrol_code_hash === null ? null : d.enrol_code_expires_at,
  createdBy: d.created_by,
  createdAt: d.created_at,
  enrolledAt: d.enrolled_at,
  lastSeenAt: d.last_seen_at,
  revokedAt: d.revoked_at,
  revokedBy: d.revoked_by,
});

export async function insertKioskDevice(
  db: Db,
  d: { eventId: string; label: string; codeHash: string; codeExpiresAt: Date; createdBy: string | null },
): Promise<KioskDevice> {
  const row = await db
    .insertInto("kiosk_devices")
    .values({
      event_id: d.eventId,
      label: d.label,
      enrol_code_hash: d.codeHash,
      enrol_code_expires_at: d.codeExpiresAt,
      created_by: d.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return deviceOf(row);
}

export async function listKioskDevices(db: Db, eventId: string): Promise<KioskDevice[]> {
  const rows = await db
    .selectFrom("kiosk_devices")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(deviceOf);
}

/**
 * Spends an enrolment code: the device that holds it, not revoked and not expired at `at`, gets the token hash
 * and loses the code hash, in one statement (two kiosks typing the same code: one wins). Undefined otherwise.
 */
export async function enrolKioskDevice(
  db: Db,
  codeHash: string,
  tokenHash: string,
  at: Date,
): Promise<KioskDevice | undefined> {
  const row = await db
    .updateTable("kiosk_devices")
    .set({ enrol_code_hash: null, enrol_code_expires_at: null, token_hash: tokenHash, enrolled_at: at })
    .where("enrol_code_hash", "=", codeHash)
    .where("enrol_code_expires_at", ">", at)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  return row && deviceOf(row);
}

export async function findKioskDeviceByTokenHash(db: Db, tokenHash: string): Promise<KioskDevice | undefined> {
  const row = await db.selectFrom("kiosk_devices").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  return row && deviceOf(row);
}

/** Marks the device seen, at most once per `everySeconds` (a count per keystroke must not write per keystroke). */
export async function touchKioskDevice(db: Db, id: string, at: Date, everySeconds: number): Promise<void> {
  const before = new Date(at.getTime() - everySeconds * 1000);
  await db
    .updateTable("kiosk_devices")
    .set({ last_seen_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_seen_at", "is", null), eb("last_seen_at", "<", before)]))
    .execute();
}

/** Revokes a device of this event; false when there is none or it is already revoked. */
export async function revokeKioskDevice(
  db: Db,
  eventId: string,
  id: string,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable("kiosk_devices")
    .set({ revoked_at: at, revoked_by: by, enrol_code_hash: null, enrol_code_expires_at: null })
    .where("id", "=", id)
    .where("event_id", "=", eventId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
