import { sql } from "kysely";
import type { Stage } from "~/domain/shortlists/stages";
import type { Db } from "./client";
import type { Insertable } from "kysely";
import type { ShortlistEntriesTable, ShortlistEntry, ShortlistEventsTable } from "./schema";

export async function insertEntries(db: Db, rows: Insertable<ShortlistEntriesTable>[]): Promise<ShortlistEntry[]> {
  if (rows.length === 0) return [];
  return db.insertInto("shortlist_entries").values(rows).onConflict((oc) => oc.columns(["job_order_id", "worker_id"]).where("worker_id", "is not", null).doNothing()).returningAll().execute();
}

export async function insertShortlistEvents(db: Db, rows: Insertable<ShortlistEventsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto("shortlist_events").values(rows).execute();
}

export async function lockEntry(db: Db, id: string): Promise<ShortlistEntry | undefined> {
  return db.selectFrom("shortlist_entries").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function findEntry(db: Db, id: string): Promise<ShortlistEntry | undefined> {
  return db.selectFrom("shortlist_entries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setStage(db: Db, id: string, stage: Stage, reason: string | null, at: Date): Promise<void> {
  await db.updateTable("shortlist_entries").set({ stage, reason, stage_changed_at: at }).where("id", "=", id).execute();
}

/** Entries of one order: an agency's own (agencyId), or every agency's at the given stages. */
export async function listEntries(db: Db, jobOrderId: string, opts: { agencyId?: string; stages?: readonly Stage[] }) {
  let q = db
    .selectFrom("shortlist_entries as s")
    .leftJoin("workers as w", "w.id", "s.worker_id")
    .selectAll("s")
    .select([
      "w.full_name",
      "w.external_ref",
      "w.date_of_birth",
      "w.phone",
      "w.province_code",
      "w.status as worker_status",
      "w.consent_matching",
      "w.archived_at",
      "w.available_from",
      "w.updated_at as worker_updated_at",
      "w.profile",
    ])
    .where("s.job_order_id", "=", jobOrderId);
  if (opts.agencyId) q = q.where("s.agency_org_id", "=", opts.agencyId);
  if (opts.stages) q = q.where("s.stage", "in", [...opts.stages]);
  return q.orderBy("s.created_at").orderBy("s.id").execute();
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export async function hasEntries(db: Db, jobOrderId: string, agencyId: string): Promise<boolean> {
  const r = await db.selectFrom("shortlist_entries").select("id").where("job_order_id", "=", jobOrderId).where("agency_org_id", "=", agencyId).limit(1).executeTakeFirst();
  return r !== undefined;
}

/** How many of the order's candidates hold a position (selected, contract signed, departed). */
export async function countSlotHolders(db: Db, jobOrderId: string): Promise<number> {
  const r = await db
    .selectFrom("shortlist_entries")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("job_order_id", "=", jobOrderId)
    .where("stage", "in", ["selected", "contract_signed", "departed"])
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertNote(db: Db, entryId: string, body: string, author: { userId: string | null; label: string | null }) {
  return db.insertInto("shortlist_notes").values({ entry_id: entryId, body, author_user_id: author.userId, author_label: author.label }).returningAll().executeTakeFirstOrThrow();
}

export async function listNotes(db: Db, entryIds: readonly string[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom("shortlist_notes as n")
    .leftJoin("users as u", "u.id", "n.author_user_id")
    .select(["n.id", "n.entry_id", "n.body", "n.created_at", "n.author_label", "u.name as author_name"])
    .where("n.entry_id", "in", [...entryIds])
    .orderBy("n.id")
    .execute();
}

export async function listShortlistEvents(db: Db, entryIds: readonly string[]) {
  if (entryIds.length === 0) return [];
  return db.selectFrom("shortlist_events").selectAll().where("entry_id", "in", [...entryIds]).orderBy("id").execute();
}

/** Which of these workers are already on the agency's shortlist for the order. */
export async function shortlistedAmong(db: Db, jobOrderId: string, agencyId: string, workerIds: readonly string[]): Promise<string[]> {
  if (workerIds.length === 0) return [];
  const rows = await db.selectFrom("shortlist_entries").select("worker_id").where("job_order_id", "=", jobOrderId).where("agency_org_id", "=", agencyId).where("worker_id", "in", [...workerIds]).execute();
  return rows.map((r) => r.worker_id!);
}

/** How many candidates an order has: one agency's, or at the given stages. */
export async function countCandidates(db: Db, jobOrderId: string, opts: { agencyId?: string; stages?: readonly Stage[] }): Promise<number> {
  let q = db.selectFrom("shortlist_entries").select(sql<number>`count(*)::int`.as("n")).where("job_order_id", "=", jobOrderId);
  if (opts.agencyId) q = q.where("agency_org_id", "=", opts.agencyId);
  if (opts.stages) q = q.where("stage", "in", [...opts.stages]);
  return (await q.executeTakeFirstOrThrow()).n;
}
