import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { WorkerProfileSchema, type WorkerProfileInput } from "~/domain/workers/profile-schema";
import { recordAudit } from "~db/audit";
import type { Db } from "~db/client";
import { enqueueSearchUpdate } from "~db/search-outbox";
import { columnsOf } from "~db/workers";
import type { Deps } from "../deps.server";

export interface ImportRow {
  /** where the row is in the file: CSV line number (header = 1) or JSON array position (1-based) */
  row: number;
  data: unknown;
}

export interface RowIssue {
  row: number;
  field: string;
  /** an i18n key */
  message: string;
}

export interface ImportReport {
  total: number;
  valid: number;
  created: number;
  updated: number;
  imported: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  mode: "valid_only" | "all_or_nothing";
}

export const IMPORT_BATCH = 500;
export const MAX_IMPORT_ROWS = 100_000;

/**
 * Imports profiles for the actor's agency. Every row is validated by the shared schema first; with
 * "all_or_nothing" one bad row stops the whole import before anything is written. Rows are idempotent on the
 * agency's external reference (re-import updates). Each batch writes its rows, consent records and search outbox
 * entries in one transaction.
 */
export async function importWorkers(
  deps: Deps,
  actor: Actor,
  rows: ImportRow[],
  mode: ImportReport["mode"],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  if (actor.orgKind !== "agency") throw new DomainError("not_found", "errors.not_found");
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError("invalid", "errors.import_too_large", {}, { max: MAX_IMPORT_ROWS });
  const report: ImportReport = { total: rows.length, valid: 0, created: 0, updated: 0, imported: 0, errors: [], warnings: [], mode };

  const valid: { row: number; input: WorkerProfileInput }[] = [];
  const refsSeen = new Map<string, number>();
  for (const r of rows) {
    const parsed = WorkerProfileSchema.safeParse(r.data);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".") || "row";
        if (seen.has(field)) continue;
        seen.add(field);
        report.errors.push({ row: r.row, field, message: issue.message });
      }
      continue;
    }
    const ref = parsed.data.externalRef;
    if (ref !== undefined) {
      const first = refsSeen.get(ref);
      if (first !== undefined) {
        report.errors.push({ row: r.row, field: "externalRef", message: `errors.duplicate_in_file?row=${first}` });
        continue;
      }
      refsSeen.set(ref, r.row);
    }
    valid.push({ row: r.row, input: parsed.data });
  }
  report.valid = valid.length;
  if (mode === "all_or_nothing" && report.errors.length > 0) return report;

  const write = async (tx: Db, batch: typeof valid) => {
    const r = await writeBatch(tx, actor, batch, deps.now());
    report.created += r.created;
    report.updated += r.updated;
    report.warnings.push(...r.warnings);
  };
  if (mode === "all_or_nothing") {
    await deps.db.transaction().execute(async (tx) => {
      for (let i = 0; i < valid.length; i += IMPORT_BATCH) {
        await write(tx, valid.slice(i, i + IMPORT_BATCH));
        onProgress?.(Math.min(i + IMPORT_BATCH, valid.length), valid.length);
      }
    });
  } else {
    for (let i = 0; i < valid.length; i += IMPORT_BATCH) {
      await deps.db.transaction().execute((tx) => write(tx, valid.slice(i, i + IMPORT_BATCH)));
      onProgress?.(Math.min(i + IMPORT_BATCH, valid.length), valid.length);
    }
  }
  report.imported = report.created + report.updated;
  await recordAudit(deps.db, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    action: "workers.imported",
    subjectType: "organisation",
    subjectId: actor.orgId,
    details: { total: report.total, created: report.created, updated: report.updated, errors: report.errors.length, mode },
  });
  return report;
}

async function writeBatch(tx: Db, actor: Actor, batch: { row: number; input: WorkerProfileInput }[], now: Date) {
  const refs = batch.map((b) => b.input.externalRef).filter((r): r is string => r !== undefined);
  const existing = refs.length
    ? await tx.selectFrom("workers").select(["id", "external_ref", "consent_matching"]).where("agency_org_id", "=", actor.orgId).where("external_ref", "in", refs).execute()
    : [];
  const byRef = new Map(existing.map((e) => [e.external_ref!, e]));
  const fresh = batch.filter((b) => !b.input.externalRef || !byRef.has(b.input.externalRef));
  const again = batch.filter((b) => b.input.externalRef && byRef.has(b.input.externalRef));

  const ids: { row: number; id: string }[] = [];
  const consents: { worker_id: string; consent: boolean; recorded_by: string | null }[] = [];
  if (fresh.length) {
    const inserted = await tx
      .insertInto("workers")
      .values(fresh.map((b) => ({ agency_org_id: actor.orgId, created_by: actor.userId, ...columnsOf(b.input), consent_recorded_at: b.input.consentToMatching ? now : null, consent_recorded_by: b.input.consentToMatching ? actor.userId : null })))
      .returning("id")
      .execute();
    inserted.forEach((row, i) => {
      const b = fresh[i]!;
      ids.push({ row: b.row, id: row.id });
      if (b.input.consentToMatching) consents.push({ worker_id: row.id, consent: true, recorded_by: actor.userId });
    });
  }
  for (const b of again) {
    const prev = byRef.get(b.input.externalRef!)!;
    const consentChanged = prev.consent_matching !== b.input.consentToMatching;
    await tx
      .updateTable("workers")
      .set({ ...columnsOf(b.input), updated_at: now, archived_at: null, ...(consentChanged ? { consent_recorded_at: now, consent_recorded_by: actor.userId } : {}) })
      .where("id", "=", prev.id)
      .execute();
    if (consentChanged) consents.push({ worker_id: prev.id, consent: b.input.consentToMatching, recorded_by: actor.userId });
    ids.push({ row: b.row, id: prev.id });
  }
  if (consents.length) await tx.insertInto("worker_consent_events").values(consents).execute();
  await enqueueSearchUpdate(tx, "worker", ids.map((i) => i.id));
  return { created: fresh.length, updated: again.length, warnings: await identityWarnings(tx, actor.orgId, batch, ids) };
}

/** The same NIK or passport in another profile of this agency: a warning on the row, not a refusal. */
async function identityWarnings(tx: Db, agencyId: string, batch: { row: number; input: WorkerProfileInput }[], ids: { row: number; id: string }[]): Promise<RowIssue[]> {
  const niks = batch.map((b) => b.input.nik).filter((v): v is string => !!v);
  const passports = batch.map((b) => b.input.passportNumber).filter((v): v is string => !!v);
  if (!niks.length && !passports.length) return [];
  const rows = await tx
    .selectFrom("workers")
    .select(["id", "nik", "passport_number"])
    .where("agency_org_id", "=", agencyId)
    .where("archived_at", "is", null)
    .where((eb) => eb.or([...(niks.length ? [eb("nik", "in", niks)] : []), ...(passports.length ? [eb("passport_number", "in", passports)] : [])]))
    .execute();
  const idOfRow = new Map(ids.map((i) => [i.row, i.id]));
  const warnings: RowIssue[] = [];
  for (const b of batch) {
    const self = idOfRow.get(b.row);
    if (b.input.nik && rows.some((r) => r.id !== self && r.nik === b.input.nik)) warnings.push({ row: b.row, field: "nik", message: "errors.duplicate_nik" });
    if (b.input.passportNumber && rows.some((r) => r.id !== self && r.passport_number === b.input.passportNumber)) warnings.push({ row: b.row, field: "passportNumber", message: "errors.duplicate_passport" });
  }
  return warnings;
}
