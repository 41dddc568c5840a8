import { setImmediate as nextTurn } from "node:timers/promises";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { importFileRows } from "~/domain/workers/import-format";
import {
  importRowChecker,
  MAX_IMPORT_ROWS,
  rowsWithIssues,
  type ImportRow,
  type RowIssue,
  type ValidRow,
} from "~/domain/workers/import-rows";
import { recordAudit } from "~db/audit";
import type { Db } from "~db/client";
import type { ImportStatus } from "~db/schema";
import { enqueueSearchUpdate } from "~db/search-outbox";
import { createImportRecord, finishImport, recordImportBatch, touchImport } from "~db/worker-imports";
import { releaseSavepoint, rollbackToSavepoint, savepoint } from "~db/savepoints";
import { findIdentityHolders, insertConsentEvents, insertWorkers, upsertWorkersByRef } from "~db/workers";
import { isoDay } from "~/domain/dates";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";
import { keepFailedRows } from "./import-failed-rows.server";
import { parseInWorker, type CheckedFile as CheckedRows, type ParseOutcome } from "./import-parse-pool.server";

export type { ImportRow, RowIssue } from "~/domain/workers/import-rows";
export { MAX_IMPORT_ROWS } from "~/domain/workers/import-rows";

export interface ImportReport {
  /** the import's record in worker_imports */
  importId: string;
  status: ImportStatus;
  total: number;
  valid: number;
  created: number;
  updated: number;
  imported: number;
  errors: RowIssue[];
  /** rows imported with something to check (an occupation outside its sector, a NIK already used): never rejected */
  warnings: RowIssue[];
  /** how many rows have at least one warning */
  warned: number;
  /** the rejected rows of a CSV file are kept (72 hours) for the "download the rows that failed" CSV */
  failedRows: boolean;
  mode: "valid_only" | "all_or_nothing";
}

export type ImportMode = ImportReport["mode"];
export const IMPORT_BATCH = 500;
/** How often a running import proves it is alive, besides after each batch. */
const HEARTBEAT_MS = 10_000;

/**
 * Reads an uploaded file (its text, or its UTF-8 bytes) and checks every row against the shared schema in a
 * worker thread (import-parse-pool.server.ts), so /healthz and other requests are answered during a 100,000-row
 * file: this thread only receives the checked rows, a chunk at a time. Null when the file is neither a JSON array
 * nor CSV with the documented columns.
 */
export async function readImportFile(deps: Pick<Deps, "now">, file: string | Uint8Array): Promise<CheckedRows | null> {
  const today = isoDay(deps.now());
  let outcome: ParseOutcome;
  try {
    outcome = await parseInWorker(file, IMPORT_BATCH, today);
  } catch (e) {
    console.error(
      `[import] the parse worker failed (${e instanceof Error ? e.message : String(e)}); checking the file in this thread`,
    );
    outcome = await checkInThread(typeof file === "string" ? file : new TextDecoder().decode(file), today);
  }
  if (outcome === "too_large")
    throw new DomainError("invalid", "errors.import_too_large", {}, { max: MAX_IMPORT_ROWS });
  return outcome === "unreadable" ? null : outcome;
}

/** The same as the worker, in this thread (giving way every IMPORT_BATCH rows): the fallback if a worker fails. */
async function checkInThread(text: string, today: string): Promise<ParseOutcome> {
  const rows = importFileRows(text);
  if (!rows) return "unreadable";
  const out: ImportRow[] = [];
  try {
    for (const r of rows) {
      out.push(r);
      if (out.length % IMPORT_BATCH === 0) await nextTurn();
      if (out.length > MAX_IMPORT_ROWS) return "too_large";
    }
  } catch (e) {
    if (e instanceof SyntaxError) return "unreadable";
    throw e;
  }
  return checkRows(out, today);
}

class RollBack extends Error {}

/**
 * Imports profiles for the actor's agency, with a record in worker_imports from the first moment.
 *
 * Every row is validated by the shared schema first (in chunks, giving way to the event loop between them). Rows
 * are upserted on the agency's external reference (re-import updates; concurrent imports of the same references
 * update each other, never fail). Each batch writes its rows, consent records, search outbox entries, an audit
 * event and the record's counts in one transaction. A row the database refuses is isolated (the batch is retried
 * in halves under savepoints) and reported; the rest of its batch is kept.
 *
 * "valid_only": every valid row is stored, batch by batch. "all_or_nothing": nothing is stored unless every row
 * is valid and stored: validation errors stop it before any write, and a refused row rolls back the one
 * transaction that holds every batch.
 */
export async function importWorkers(
  deps: Deps,
  actor: Actor,
  rows: ImportRow[] | CheckedRows,
  mode: ImportMode,
  onProgress?: (done: number, total: number) => void,
  opts: { source?: "api" | "page" | "cli"; file?: string | Uint8Array } = {},
): Promise<ImportReport> {
  requireAgency(actor);
  if (Array.isArray(rows) && rows.length > MAX_IMPORT_ROWS)
    throw new DomainError("invalid", "errors.import_too_large", {}, { max: MAX_IMPORT_ROWS });
  const total = Array.isArray(rows) ? rows.length : rows.total;
  const importId = await createImportRecord(deps.db, {
    agencyId: actor.orgId,
    createdBy: actor.userId,
    actorLabel: actor.label ?? null,
    source: opts.source ?? (actor.role === "api" ? "api" : actor.userId ? "page" : "cli"),
    mode,
    totalRows: total,
  });
  const heartbeat = setInterval(() => void touchImport(deps.db, importId).catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  const report: ImportReport = {
    importId,
    status: "running",
    total,
    valid: 0,
    created: 0,
    updated: 0,
    imported: 0,
    errors: [],
    warnings: [],
    warned: 0,
    failedRows: false,
    mode,
  };
  try {
    const checked = Array.isArray(rows) ? await checkRows(rows, isoDay(deps.now())) : rows;
    report.errors.push(...checked.errors);
    const valid = checked.valid;
    report.valid = valid.length;
    for (const v of valid) if (v.warnings) report.warnings.push(...v.warnings);
    if (mode === "all_or_nothing" && report.errors.length > 0) {
      report.status = "refused";
    } else if (mode === "all_or_nothing") {
      await writeAllOrNothing(deps, actor, importId, valid, report, onProgress);
    } else {
      await writeValidRows(deps, actor, importId, valid, report, onProgress);
    }
    report.errors.sort((a, b) => a.row - b.row);
    // a row the database refused is rejected: its warnings would only repeat it
    const rejected = new Set(report.errors.map((e) => e.row));
    report.warnings = report.warnings.filter((w) => !rejected.has(w.row)).sort((a, b) => a.row - b.row);
    report.warned = rowsWithIssues(report.warnings);
    report.imported = report.created + report.updated;
    await finishImport(deps.db, importId, {
      status: report.status === "refused" ? "refused" : "completed",
      created: report.created,
      updated: report.updated,
      errors: rowsWithIssues(report.errors),
    });
  } catch (e) {
    await finishImport(deps.db, importId, {
      status: "failed",
      errors: rowsWithIssues(report.errors),
      failure: causeOf(e),
    }).catch(() => undefined);
    throw e;
  } finally {
    clearInterval(heartbeat);
  }
  await recordAudit(deps.db, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    action: "workers.imported",
    subjectType: "organisation",
    subjectId: actor.orgId,
    details: {
      importId,
      status: report.status === "refused" ? "refused" : "completed",
      total: report.total,
      created: report.created,
      updated: report.updated,
      errors: rowsWithIssues(report.errors),
      mode,
    },
  });
  if (report.status === "running") report.status = "completed";
  if (opts.file !== undefined)
    report.failedRows = await keepFailedRows(
      deps,
      { importId, agencyId: actor.orgId, errors: report.errors },
      opts.file,
    )
      // the import itself is done: a download that cannot be offered is no reason to answer an error
      .catch((e: unknown) => {
        console.error(`[import] the failed rows of import ${importId} could not be kept (${codeOf(e)})`);
        return false;
      });
  return report;
}

type Valid = ValidRow;

/** Rows handed over in code (the CLI, seeds, benchmarks), checked in this thread, giving way between chunks. */
async function checkRows(rows: ImportRow[], today: string): Promise<CheckedRows> {
  const check = importRowChecker(today);
  const out: CheckedRows = { total: rows.length, valid: [], errors: [] };
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % IMPORT_BATCH === 0) await nextTurn();
    const result = check(rows[i]!);
    if (Array.isArray(result)) out.errors.push(...result);
    else out.valid.push(result);
  }
  return out;
}

function batchAudit(actor: Actor, importId: string, n: number, batch: Valid[], r: BatchResult) {
  return {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    action: "workers.import_batch",
    subjectType: "worker_import",
    subjectId: importId,
    details: {
      importId,
      batch: n,
      firstRow: batch[0]?.row ?? null,
      lastRow: batch.at(-1)?.row ?? null,
      rows: batch.length,
      created: r.created,
      updated: r.updated,
      refused: r.refused.length,
    },
  };
}

/** Batch by batch, each in its own transaction: what committed stays, with its audit event and counts. */
async function writeValidRows(
  deps: Deps,
  actor: Actor,
  importId: string,
  valid: Valid[],
  report: ImportReport,
  onProgress?: (done: number, total: number) => void,
) {
  for (let i = 0, n = 1; i < valid.length; i += IMPORT_BATCH, n++) {
    const batch = valid.slice(i, i + IMPORT_BATCH);
    const r = await deps.db.transaction().execute(async (tx) => {
      const r = await writeIsolating(tx, actor, batch, deps.now());
      await recordAudit(tx, batchAudit(actor, importId, n, batch, r));
      await recordImportBatch(tx, importId, { created: r.created, updated: r.updated, errors: r.refused.length });
      return r;
    });
    add(report, r);
    onProgress?.(Math.min(i + IMPORT_BATCH, valid.length), valid.length);
  }
}

/** Every batch in one transaction (in reference order, so concurrent imports never deadlock); any refusal rolls it all back. */
async function writeAllOrNothing(
  deps: Deps,
  actor: Actor,
  importId: string,
  valid: Valid[],
  report: ImportReport,
  onProgress?: (done: number, total: number) => void,
) {
  const ordered = [...valid].sort((a, b) => cmp(a.input.externalRef ?? "", b.input.externalRef ?? ""));
  const results: BatchResult[] = [];
  try {
    await deps.db.transaction().execute(async (tx) => {
      for (let i = 0, n = 1; i < ordered.length; i += IMPORT_BATCH, n++) {
        const batch = ordered.slice(i, i + IMPORT_BATCH);
        const r = await writeIsolating(tx, actor, batch, deps.now());
        results.push(r);
        await recordAudit(tx, batchAudit(actor, importId, n, batch, r));
        onProgress?.(Math.min(i + IMPORT_BATCH, ordered.length), ordered.length);
      }
      if (results.some((r) => r.refused.length > 0)) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
    for (const r of results) report.errors.push(...r.refused);
    report.status = "refused";
    return;
  }
  for (const r of results) add(report, r);
}

interface BatchResult {
  created: number;
  updated: number;
  warnings: RowIssue[];
  refused: RowIssue[];
}

function add(report: ImportReport, r: BatchResult) {
  report.created += r.created;
  report.updated += r.updated;
  report.warnings.push(...r.warnings);
  report.errors.push(...r.refused);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Errors that say nothing about a row (the connection, the server, a deadlock): they fail the batch, never a row. */
function isRowError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string" || code.length !== 5) return false;
  return !/^(08|40|53|57|58|XX)/.test(code);
}

/** The database's error code only: its message may quote a row's values (personal data). */
const codeOf = (e: unknown) => String((e as { code?: unknown }).code ?? (e instanceof Error ? e.name : "error"));

function causeOf(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  return (typeof code === "string" ? `${code}: ${message}` : message).slice(0, 500);
}

/**
 * Writes a batch under a savepoint; if the database refuses it, rolls the batch back to the savepoint and writes
 * each half again the same way, down to single rows: the refused rows are reported, every other row is written.
 */
async function writeIsolating(tx: Db, actor: Actor, batch: Valid[], now: Date, depth = 0): Promise<BatchResult> {
  const sp = `jmb_import_${depth}`;
  await savepoint(tx, sp);
  try {
    const r = await writeBatch(tx, actor, batch, now);
    await releaseSavepoint(tx, sp);
    return { ...r, refused: [] };
  } catch (e) {
    if (!isRowError(e)) throw e;
    await rollbackToSavepoint(tx, sp);
    await releaseSavepoint(tx, sp);
    if (batch.length === 1) {
      console.warn(`[import] row ${batch[0]!.row} refused by the database: ${causeOf(e)}`);
      return {
        created: 0,
        updated: 0,
        warnings: [],
        refused: [{ row: batch[0]!.row, field: "row", message: "errors.import_row_refused" }],
      };
    }
    const mid = batch.length >> 1;
    const a = await writeIsolating(tx, actor, batch.slice(0, mid), now, depth + 1);
    const b = await writeIsolating(tx, actor, batch.slice(mid), now, depth + 1);
    return {
      created: a.created + b.created,
      updated: a.updated + b.updated,
      warnings: [...a.warnings, ...b.warnings],
      refused: [...a.refused, ...b.refused],
    };
  }
}

async function writeBatch(tx: Db, actor: Actor, batch: Valid[], now: Date) {
  const withRef = batch.filter((b) => b.input.externalRef !== undefined);
  const withoutRef = batch.filter((b) => b.input.externalRef === undefined);
  const ids: { row: number; id: string }[] = [];
  const consents: { workerId: string; consent: boolean; recordedBy: string | null }[] = [];
  let created = 0;
  let updated = 0;
  if (withoutRef.length) {
    const inserted = await insertWorkers(
      tx,
      actor.orgId,
      actor.userId,
      withoutRef.map((b) => b.input),
      now,
    );
    inserted.forEach((id, i) => {
      const b = withoutRef[i]!;
      ids.push({ row: b.row, id });
      if (b.input.consentToMatching) consents.push({ workerId: id, consent: true, recordedBy: actor.userId });
    });
    created += inserted.length;
  }
  if (withRef.length) {
    const rowOfRef = new Map(withRef.map((b) => [b.input.externalRef!, b.row]));
    for (const u of await upsertWorkersByRef(
      tx,
      actor.orgId,
      actor.userId,
      withRef.map((b) => b.input),
      now,
    )) {
      ids.push({ row: rowOfRef.get(u.externalRef)!, id: u.id });
      if (u.inserted) created++;
      else updated++;
      if (u.consentRecorded) consents.push({ workerId: u.id, consent: u.consent, recordedBy: actor.userId });
    }
  }
  await insertConsentEvents(tx, consents);
  await enqueueSearchUpdate(
    tx,
    "worker",
    ids.map((i) => i.id),
  );
  return { created, updated, warnings: await identityWarnings(tx, actor.orgId, batch, ids) };
}

/** The same NIK or passport in another profile of this agency: a warning on the row, not a refusal. */
async function identityWarnings(
  tx: Db,
  agencyId: string,
  batch: Valid[],
  ids: { row: number; id: string }[],
): Promise<RowIssue[]> {
  const niks = batch.map((b) => b.input.nik).filter((v): v is string => !!v);
  const passports = batch.map((b) => b.input.passportNumber).filter((v): v is string => !!v);
  if (!niks.length && !passports.length) return [];
  const rows = await findIdentityHolders(tx, agencyId, { niks, passportNumbers: passports });
  const idOfRow = new Map(ids.map((i) => [i.row, i.id]));
  // the holders of each NIK and passport number, so each row is checked in constant time (not against every holder)
  const holders = (key: "nik" | "passportNumber") => {
    const m = new Map<string, string[]>();
    for (const r of rows) {
      const v = r[key];
      if (v) m.set(v, [...(m.get(v) ?? []), r.id]);
    }
    return m;
  };
  const byNik = holders("nik");
  const byPassport = holders("passportNumber");
  const other = (m: Map<string, string[]>, v: string, self: string | undefined) =>
    (m.get(v) ?? []).some((id) => id !== self);
  const warnings: RowIssue[] = [];
  for (const b of batch) {
    const self = idOfRow.get(b.row);
    if (b.input.nik && other(byNik, b.input.nik, self))
      warnings.push({ row: b.row, field: "nik", message: "errors.duplicate_nik" });
    if (b.input.passportNumber && other(byPassport, b.input.passportNumber, self))
      warnings.push({ row: b.row, field: "passportNumber", message: "errors.duplicate_passport" });
  }
  return warnings;
}
