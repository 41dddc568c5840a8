import { sql } from "kysely";
import type { WorkerProfileInput, WorkerStatus } from "~/domain/workers/profile-schema";
import type { Db } from "./client";
import type { Worker } from "./schema";

/** The columns of a profile, from the validated input (the one way in; profileInputOf is the way back). */
export function columnsOf(input: WorkerProfileInput) {
  return {
    external_ref: input.externalRef ?? null,
    full_name: input.fullName,
    date_of_birth: input.dateOfBirth,
    sex: input.sex,
    province_code: input.provinceCode,
    regency: input.regency ?? null,
    phone: input.phone ?? null,
    nik: input.nik ?? null,
    passport_number: input.passportNumber ?? null,
    passport_expiry: input.passportExpiry ?? null,
    profile: JSON.stringify({
      experiences: input.experiences,
      languages: input.languages,
      certificates: input.certificates,
      preferredCountries: input.preferredCountries,
    }),
    available_from: input.availableFrom,
    status: input.status,
    consent_matching: input.consentToMatching,
  };
}

/** The columns of a new profile's row, as `newRows` writes them. */
const NEW_ROW_COLUMNS = [
  "agency_org_id",
  "created_by",
  "external_ref",
  "full_name",
  "date_of_birth",
  "sex",
  "province_code",
  "regency",
  "phone",
  "nik",
  "passport_number",
  "passport_expiry",
  "profile",
  "available_from",
  "status",
  "consent_matching",
  "consent_recorded_at",
  "consent_recorded_by",
] as const;

/**
 * New profiles' rows as one `select … from unnest(…)` over a column array each (14 parameters, not 17 per row):
 * their columns, who created them and, with consent given, when and by whom it was recorded. In the order of
 * `inputs`. A 500-row VALUES list was 8,500 parameters for the client to send and PostgreSQL to parse (decision 024).
 */
function newRows(agencyId: string, by: string | null, inputs: readonly WorkerProfileInput[], at: Date) {
  const cols = inputs.map(columnsOf);
  const col = <K extends keyof ReturnType<typeof columnsOf>>(k: K) => cols.map((c) => c[k]);
  return sql<unknown>`select ${agencyId}::uuid, ${by}::uuid, r.*,
      case when r.consent_matching then ${at}::timestamptz end, case when r.consent_matching then ${by}::uuid end
    from unnest(${col("external_ref")}::text[], ${col("full_name")}::text[], ${col("date_of_birth")}::date[],
      ${col("sex")}::text[], ${col("province_code")}::text[], ${col("regency")}::text[], ${col("phone")}::text[],
      ${col("nik")}::text[], ${col("passport_number")}::text[], ${col("passport_expiry")}::date[],
      ${col("profile")}::jsonb[], ${col("available_from")}::date[], ${col("status")}::text[],
      ${col("consent_matching")}::boolean[])
    as r(external_ref, full_name, date_of_birth, sex, province_code, regency, phone, nik, passport_number,
      passport_expiry, profile, available_from, status, consent_matching)`;
}

/** A stored profile as the input that would write it again (the form's values): columnsOf the other way round. */
export function profileInputOf(w: Worker): WorkerProfileInput {
  return {
    externalRef: w.external_ref ?? undefined,
    fullName: w.full_name,
    dateOfBirth: w.date_of_birth,
    sex: w.sex,
    provinceCode: w.province_code,
    regency: w.regency ?? undefined,
    phone: w.phone ?? undefined,
    nik: w.nik ?? undefined,
    passportNumber: w.passport_number ?? undefined,
    passportExpiry: w.passport_expiry ?? undefined,
    ...w.profile,
    availableFrom: w.available_from,
    status: w.status,
    consentToMatching: w.consent_matching,
  };
}

/** One of an agency's profiles outside db/: the input that wrote it, and what was recorded about it. */
export interface WorkerRecord {
  id: string;
  agencyOrgId: string;
  input: WorkerProfileInput;
  consentRecordedAt: Date | null;
  consentRecordedBy: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function recordOf(w: Worker): WorkerRecord {
  return {
    id: w.id,
    agencyOrgId: w.agency_org_id,
    input: profileInputOf(w),
    consentRecordedAt: w.consent_recorded_at,
    consentRecordedBy: w.consent_recorded_by,
    archivedAt: w.archived_at,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
}

export async function insertWorker(
  db: Db,
  agencyId: string,
  input: WorkerProfileInput,
  by: string | null,
  at: Date,
): Promise<WorkerRecord> {
  const row = await db
    .insertInto("workers")
    .columns(NEW_ROW_COLUMNS)
    .expression(newRows(agencyId, by, [input], at))
    .returningAll()
    .executeTakeFirstOrThrow();
  return recordOf(row);
}

/** New profiles without an agency reference, in one statement; their ids in the order of `inputs`. */
export async function insertWorkers(
  db: Db,
  agencyId: string,
  by: string | null,
  inputs: readonly WorkerProfileInput[],
  at: Date,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = await db
    .insertInto("workers")
    .columns(NEW_ROW_COLUMNS)
    .expression(newRows(agencyId, by, inputs, at))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function updateWorker(
  db: Db,
  id: string,
  input: WorkerProfileInput,
  at: Date,
  consentChangedBy?: string | null,
): Promise<void> {
  await db
    .updateTable("workers")
    .set({
      ...columnsOf(input),
      updated_at: at,
      ...(consentChangedBy !== undefined ? { consent_recorded_at: at, consent_recorded_by: consentChangedBy } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function findWorkerOfAgency(db: Db, agencyId: string, id: string): Promise<WorkerRecord | undefined> {
  const row = await db
    .selectFrom("workers")
    .selectAll()
    .where("id", "=", id)
    .where("agency_org_id", "=", agencyId)
    .executeTakeFirst();
  return row && recordOf(row);
}

export async function findWorkerByRef(
  db: Db,
  agencyId: string,
  externalRef: string,
): Promise<WorkerRecord | undefined> {
  const row = await db
    .selectFrom("workers")
    .selectAll()
    .where("agency_org_id", "=", agencyId)
    .where("external_ref", "=", externalRef)
    .executeTakeFirst();
  return row && recordOf(row);
}

export interface IdentityHolder {
  id: string;
  fullName: string;
  externalRef: string | null;
  nik: string | null;
  passportNumber: string | null;
}

/** Other profiles of the same agency with the same NIK or passport number: flagged at entry. */
export async function findDuplicateIdentity(
  db: Db,
  agencyId: string,
  w: { id?: string; nik?: string | null; passportNumber?: string | null },
): Promise<IdentityHolder[]> {
  if (!w.nik && !w.passportNumber) return [];
  let q = db
    .selectFrom("workers")
    .select(["id", "full_name", "external_ref", "nik", "passport_number"])
    .where("agency_org_id", "=", agencyId)
    .where("archived_at", "is", null);
  if (w.id) q = q.where("id", "<>", w.id);
  q = q.where((eb) =>
    eb.or([
      ...(w.nik ? [eb("nik", "=", w.nik)] : []),
      ...(w.passportNumber ? [eb("passport_number", "=", w.passportNumber)] : []),
    ]),
  );
  const rows = await q.limit(5).execute();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    externalRef: r.external_ref,
    nik: r.nik,
    passportNumber: r.passport_number,
  }));
}

/**
 * The agency's live profiles holding any of these NIKs or passport numbers (an import's duplicate check).
 *
 * One index probe per value (a LATERAL subquery behind `offset 0`, which the planner cannot flatten): during a
 * large import the table's statistics lag far behind its size, and an `in (…)` list of 500 values was then planned
 * as a scan of every profile of the agency, batch after batch (4.3 s of a 100,000-row import; decision 024).
 */
export async function findIdentityHolders(
  db: Db,
  agencyId: string,
  ids: { niks: readonly string[]; passportNumbers: readonly string[] },
): Promise<Pick<IdentityHolder, "id" | "nik" | "passportNumber">[]> {
  if (!ids.niks.length && !ids.passportNumbers.length) return [];
  const { rows } = await sql<{ id: string; nik: string | null; passport_number: string | null }>`
    select w.id, w.nik, w.passport_number
      from unnest(${[...ids.niks]}::text[]) as v(nik)
      cross join lateral (
        select id, nik, passport_number from workers
         where agency_org_id = ${agencyId} and nik = v.nik and archived_at is null offset 0
      ) w
    union
    select w.id, w.nik, w.passport_number
      from unnest(${[...ids.passportNumbers]}::text[]) as v(passport_number)
      cross join lateral (
        select id, nik, passport_number from workers
         where agency_org_id = ${agencyId} and passport_number = v.passport_number and archived_at is null offset 0
      ) w`.execute(db);
  return rows.map((r) => ({ id: r.id, nik: r.nik, passportNumber: r.passport_number }));
}

/** Archives (or, with `archived` false, restores) a profile; `now` is the caller's clock (the profile's age counts from it). */
export async function setArchived(
  db: Db,
  agencyId: string,
  id: string,
  archived: boolean,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable("workers")
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where("id", "=", id)
    .where("agency_org_id", "=", agencyId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Locks the profile for the rest of the transaction; false when it is gone. */
export async function lockWorker(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom("workers").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Deletes the profile; its consent events and disclosure log go with it (ON DELETE CASCADE), entries lose it. */
export async function deleteWorker(db: Db, id: string): Promise<void> {
  await db.deleteFrom("workers").where("id", "=", id).execute();
}

export async function insertConsentEvent(db: Db, workerId: string, consent: boolean, by: string | null): Promise<void> {
  await insertConsentEvents(db, [{ workerId, consent, recordedBy: by }]);
}

export async function insertConsentEvents(
  db: Db,
  events: readonly { workerId: string; consent: boolean; recordedBy: string | null }[],
): Promise<void> {
  if (events.length === 0) return;
  // one array per column (3 parameters, not 3 per event: decision 024)
  await db
    .insertInto("worker_consent_events")
    .columns(["worker_id", "consent", "recorded_by"])
    .expression(
      sql<unknown>`select * from unnest(${events.map((e) => e.workerId)}::uuid[], ${events.map((e) => e.consent)}::boolean[], ${events.map((e) => e.recordedBy)}::uuid[])`,
    )
    .execute();
}

/** The profiles, share-locked for the rest of the transaction (an erasure meanwhile waits, or went first). */
export async function lockWorkersForShare(db: Db, ids: readonly string[]): Promise<Worker[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("workers")
    .selectAll()
    .where("id", "in", [...ids])
    .forShare()
    .execute();
}

/** The worker's availability as the shortlist moves it (in process, placed, available again). */
export async function setWorkerStatus(db: Db, id: string, status: WorkerStatus, at: Date): Promise<void> {
  await db.updateTable("workers").set({ status, updated_at: at }).where("id", "=", id).execute();
}

/** Every change of the worker's consent to matching, oldest first. */
export async function listConsentEvents(db: Db, workerId: string): Promise<{ consent: boolean; recordedAt: Date }[]> {
  const rows = await db
    .selectFrom("worker_consent_events")
    .select(["consent", "recorded_at"])
    .where("worker_id", "=", workerId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ consent: r.consent, recordedAt: r.recorded_at }));
}

export async function loadWorkers(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  // one array parameter: the outbox loads thousands of profiles at a time
  return db
    .selectFrom("workers")
    .selectAll()
    .where("id", "=", sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** All workers in id order, a page at a time (for a reindex from PostgreSQL). */
export async function* allWorkers(db: Db, pageSize: number) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .selectFrom("workers")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** The agency's profiles from PostgreSQL (all of them: also without consent, or archived), newest change first. */
export async function listAgencyWorkers(
  db: Db,
  agencyId: string,
  opts: { archived: boolean; limit: number; offset: number },
) {
  const base = db
    .selectFrom("workers")
    .where("agency_org_id", "=", agencyId)
    .where("archived_at", opts.archived ? "is not" : "is", null);
  const [rows, total] = await Promise.all([
    base
      .select(["id", "full_name", "external_ref", "status", "consent_matching", "available_from", "updated_at"])
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      externalRef: r.external_ref,
      status: r.status,
      consentToMatching: r.consent_matching,
      availableFrom: r.available_from,
      updatedAt: r.updated_at,
    })),
    total: Number(total.n),
  };
}

/**
 * Inserts or updates profiles by the agency's own reference in one statement (INSERT … ON CONFLICT on
 * `workers_agency_ref_key`): two imports of the same new references at the same moment never collide, the second
 * one updates. Re-importing un-archives. A changed consent is re-recorded (by whom, when). `inputs` must carry
 * an externalRef each, none twice; they are written in reference order, so concurrent imports lock rows in the same
 * order and never deadlock.
 */
export async function upsertWorkersByRef(
  db: Db,
  agencyId: string,
  by: string | null,
  inputs: WorkerProfileInput[],
  at: Date,
) {
  if (inputs.length === 0) return [];
  const sorted = [...inputs].sort((a, b) =>
    a.externalRef! < b.externalRef! ? -1 : a.externalRef! > b.externalRef! ? 1 : 0,
  );
  const changed = sql<boolean>`workers.consent_matching is distinct from excluded.consent_matching`;
  const rows = await db
    .insertInto("workers")
    .columns(NEW_ROW_COLUMNS)
    .expression(newRows(agencyId, by, sorted, at))
    .onConflict((oc) =>
      oc
        .columns(["agency_org_id", "external_ref"])
        .where("external_ref", "is not", null)
        .doUpdateSet((eb) => ({
          full_name: eb.ref("excluded.full_name"),
          date_of_birth: eb.ref("excluded.date_of_birth"),
          sex: eb.ref("excluded.sex"),
          province_code: eb.ref("excluded.province_code"),
          regency: eb.ref("excluded.regency"),
          phone: eb.ref("excluded.phone"),
          nik: eb.ref("excluded.nik"),
          passport_number: eb.ref("excluded.passport_number"),
          passport_expiry: eb.ref("excluded.passport_expiry"),
          profile: eb.ref("excluded.profile"),
          available_from: eb.ref("excluded.available_from"),
          status: eb.ref("excluded.status"),
          consent_matching: eb.ref("excluded.consent_matching"),
          consent_recorded_at: sql<Date | null>`case when ${changed} then ${at}::timestamptz else workers.consent_recorded_at end`,
          consent_recorded_by: sql<
            string | null
          >`case when ${changed} then ${by}::uuid else workers.consent_recorded_by end`,
          updated_at: at,
          archived_at: null,
        })),
    )
    .returning(["id", "external_ref", "consent_matching", "consent_recorded_at", sql<boolean>`xmax = 0`.as("inserted")])
    .execute();
  // consent_recorded_at is exactly `at` only where this statement (re)recorded the consent
  return rows.map((r) => ({
    id: r.id,
    externalRef: r.external_ref!,
    inserted: r.inserted,
    consent: r.consent_matching,
    consentRecorded: r.consent_recorded_at?.getTime() === at.getTime(),
  }));
}
