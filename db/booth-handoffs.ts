import type { Selectable } from "kysely";
import type { Vacancy } from "~/domain/booth/vacancy";
import type { Db } from "./client";
import type { BoothHandoffsTable } from "./schema";

/** A kiosk's handoff to a visitor's phone outside db/ (decision 019): camelCase, without the token's hash. */
export interface BoothHandoff {
  id: string;
  eventId: string;
  deviceId: string | null;
  vacancy: Vacancy;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  leadId: string | null;
}

const handoffOf = (r: Selectable<BoothHandoffsTable>): BoothHandoff => ({
  id: r.id,
  eventId: r.event_id,
  deviceId: r.device_id,
  vacancy: r.vacancy as unknown as Vacancy,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  openedAt: r.opened_at,
  leadId: r.lead_id,
});

export async function insertHandoff(
  db: Db,
  h: { eventId: string; deviceId: string; tokenHash: string; vacancy: Vacancy; expiresAt: Date },
  at: Date,
): Promise<BoothHandoff> {
  const row = await db
    .insertInto("booth_handoffs")
    .values({
      event_id: h.eventId,
      device_id: h.deviceId,
      token_hash: h.tokenHash,
      vacancy: JSON.stringify(h.vacancy),
      created_at: at,
      expires_at: h.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return handoffOf(row);
}

export async function findHandoffByTokenHash(db: Db, tokenHash: string): Promise<BoothHandoff | undefined> {
  const row = await db.selectFrom("booth_handoffs").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  return row && handoffOf(row);
}

/** The first view of a live, unspent link is recorded; later views change nothing. */
export async function markHandoffOpened(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable("booth_handoffs")
    .set({ opened_at: at })
    .where("id", "=", id)
    .where("opened_at", "is", null)
    .execute();
}

/**
 * Spends a link for a lead in one conditional UPDATE: only while it is unspent and not expired. Two submits at
 * once: the second waits for the first's row lock, then finds `lead_id` set and spends nothing (answers false).
 */
export async function spendHandoff(db: Db, id: string, leadId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("booth_handoffs")
    .set((eb) => ({ lead_id: leadId, opened_at: eb.fn.coalesce("opened_at", eb.val(at)) }))
    .where("id", "=", id)
    .where("lead_id", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Handoffs whose link lapsed before `before` are deleted (their vacancy went with the lead, if one was left). */
export async function deleteHandoffsExpiredBefore(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom("booth_handoffs").where("expires_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
