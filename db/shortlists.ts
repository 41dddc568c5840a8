import { sql } from "kysely";
import type { Stage } from "~/domain/shortlists/stages";
import type { Db } from "./client";
import type { Insertable } from "kysely";
import type { ShortlistEntriesTable, ShortlistEntry, ShortlistEventsTable } from "./schema";

export async function insertEntries(db: Db, rows: Insertable<ShortlistEntriesTable>[]): Promise<ShortlistEntry[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto("shortlist_entries")
    .values(rows)
    .onConflict((oc) => oc.columns(["job_order_id", "worker_id"]).where("worker_id", "is not", null).doNothing())
    .returningAll()
    .execute();
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

/** Moves several entries to one stage at once (the same reason and time for each). */
export async function setStages(
  db: Db,
  ids: readonly string[],
  stage: Stage,
  reason: string | null,
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("shortlist_entries")
    .set({ stage, reason, stage_changed_at: at })
    .where("id", "in", [...ids])
    .execute();
}

/** The worker's entries on every order, locked in id order for the rest of the transaction. */
export async function lockEntriesOfWorker(db: Db, workerId: string): Promise<{ id: string; stage: Stage }[]> {
  return db
    .selectFrom("shortlist_entries")
    .select(["id", "stage"])
    .where("worker_id", "=", workerId)
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** The worker's entries with the order each is on (reference, title). */
export async function listEntriesOfWorker(db: Db, workerId: string) {
  const rows = await db
    .selectFrom("shortlist_entries as s")
    .innerJoin("job_orders as j", "j.id", "s.job_order_id")
    .select([
      "s.id",
      "j.reference",
      "j.title",
      "s.stage",
      "s.reason",
      "s.created_at",
      "s.stage_changed_at",
      "s.disclosure_consent_at",
    ])
    .where("s.worker_id", "=", workerId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    stage: r.stage,
    reason: r.reason,
    createdAt: r.created_at,
    stageChangedAt: r.stage_changed_at,
    disclosureConsentAt: r.disclosure_consent_at,
  }));
}

/** Records the worker's consent to disclose their identity to the order's employer. */
export async function setDisclosureConsent(db: Db, entryId: string, by: string | null, at: Date): Promise<void> {
  await db
    .updateTable("shortlist_entries")
    .set({ disclosure_consent_at: at, disclosure_consent_by: by })
    .where("id", "=", entryId)
    .execute();
}

/** Forgets every consent to disclosure recorded for the worker's entries. */
export async function clearDisclosureConsents(db: Db, workerId: string): Promise<void> {
  await db
    .updateTable("shortlist_entries")
    .set({ disclosure_consent_at: null, disclosure_consent_by: null })
    .where("worker_id", "=", workerId)
    .execute();
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
  const r = await db
    .selectFrom("shortlist_entries")
    .select("id")
    .where("job_order_id", "=", jobOrderId)
    .where("agency_org_id", "=", agencyId)
    .limit(1)
    .executeTakeFirst();
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

export async function insertNote(
  db: Db,
  entryId: string,
  body: string,
  author: { userId: string | null; label: string | null },
): Promise<{ id: string; entryId: string; body: string; createdAt: Date }> {
  const n = await db
    .insertInto("shortlist_notes")
    .values({ entry_id: entryId, body, author_user_id: author.userId, author_label: author.label })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: n.id, entryId: n.entry_id, body: n.body, createdAt: n.created_at };
}

export interface EntryNote {
  id: string;
  entryId: string;
  body: string;
  createdAt: Date;
  /** the author's name while the user exists, else the label of the key or process that wrote it */
  authorName: string | null;
  authorLabel: string | null;
}

/** The notes on these entries, oldest first. */
export async function listEntryNotes(db: Db, entryIds: readonly string[]): Promise<EntryNote[]> {
  if (entryIds.length === 0) return [];
  const rows = await db
    .selectFrom("shortlist_notes as n")
    .leftJoin("users as u", "u.id", "n.author_user_id")
    .select(["n.id", "n.entry_id", "n.body", "n.created_at", "n.author_label", "u.name as author_name"])
    .where("n.entry_id", "in", [...entryIds])
    .orderBy("n.id")
    .execute();
  return rows.map((n) => ({
    id: n.id,
    entryId: n.entry_id,
    body: n.body,
    createdAt: n.created_at,
    authorName: n.author_name,
    authorLabel: n.author_label,
  }));
}

export async function deleteNotesOfEntries(db: Db, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return;
  await db
    .deleteFrom("shortlist_notes")
    .where("entry_id", "in", [...entryIds])
    .execute();
}

export interface EntryEvent {
  id: string;
  entryId: string;
  action: string;
  fromStage: Stage | null;
  toStage: Stage;
  reason: string | null;
  actorOrgId: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  at: Date;
}

/** The stage history of these entries, oldest first. */
export async function listEntryHistory(db: Db, entryIds: readonly string[]): Promise<EntryEvent[]> {
  if (entryIds.length === 0) return [];
  const rows = await db
    .selectFrom("shortlist_events")
    .selectAll()
    .where("entry_id", "in", [...entryIds])
    .orderBy("id")
    .execute();
  return rows.map((e) => ({
    id: e.id,
    entryId: e.entry_id,
    action: e.action,
    fromStage: e.from_stage,
    toStage: e.to_stage,
    reason: e.reason,
    actorOrgId: e.actor_org_id,
    actorUserId: e.actor_user_id,
    actorLabel: e.actor_label,
    at: e.at,
  }));
}

/** Which of these workers are already on the agency's shortlist for the order. */
export async function shortlistedAmong(
  db: Db,
  jobOrderId: string,
  agencyId: string,
  workerIds: readonly string[],
): Promise<string[]> {
  if (workerIds.length === 0) return [];
  const rows = await db
    .selectFrom("shortlist_entries")
    .select("worker_id")
    .where("job_order_id", "=", jobOrderId)
    .where("agency_org_id", "=", agencyId)
    .where("worker_id", "in", [...workerIds])
    .execute();
  return rows.map((r) => r.worker_id!);
}

/** Every agency with a candidate on the order. */
export async function agenciesOnOrder(db: Db, jobOrderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("shortlist_entries")
    .select("agency_org_id")
    .distinct()
    .where("job_order_id", "=", jobOrderId)
    .execute();
  return rows.map((r) => r.agency_org_id);
}

/** How many candidates an order has: one agency's, or at the given stages. */
export async function countCandidates(
  db: Db,
  jobOrderId: string,
  opts: { agencyId?: string; stages?: readonly Stage[] },
): Promise<number> {
  let q = db
    .selectFrom("shortlist_entries")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("job_order_id", "=", jobOrderId);
  if (opts.agencyId) q = q.where("agency_org_id", "=", opts.agencyId);
  if (opts.stages) q = q.where("stage", "in", [...opts.stages]);
  return (await q.executeTakeFirstOrThrow()).n;
}
