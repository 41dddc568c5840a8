import { setImmediate as nextTurn } from "node:timers/promises";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { csvRowsNumbered, isCsvText, type FailedRows } from "~/domain/workers/failed-rows";
import type { RowIssue } from "~/domain/workers/import-rows";
import { deleteExpiredFailedRows, findFailedRows, insertFailedRows } from "~db/import-failed-rows";
import type { Db } from "~db/client";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

/** How long the rejected rows of an import are kept for download: they hold personal data (names, NIK). */
export const FAILED_ROWS_RETENTION_HOURS = 72;
const CHUNK = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * After a CSV import with rejected rows: keeps those rows as the file wrote them, with their issues, for the
 * "download the rows that failed" CSV (until the retention ends). The file is read again here, giving way every
 * CHUNK records; a JSON import keeps nothing (its rows have no columns). Answers whether rows were kept.
 */
export async function keepFailedRows(
  deps: Pick<Deps, "db" | "now">,
  r: { importId: string; agencyId: string; errors: readonly RowIssue[] },
  file: string | Uint8Array,
  db: Db = deps.db,
): Promise<boolean> {
  if (r.errors.length === 0) return false;
  const text = typeof file === "string" ? file : new TextDecoder().decode(file);
  if (!isCsvText(text)) return false;
  const issuesOf = new Map<number, { field: string; message: string }[]>();
  for (const e of r.errors) {
    const list = issuesOf.get(e.row) ?? [];
    list.push({ field: e.field, message: e.message });
    issuesOf.set(e.row, list);
  }
  const kept: FailedRows = { header: [], rows: [] };
  let n = 0;
  for (const rec of csvRowsNumbered(text)) {
    if ("header" in rec) kept.header = rec.header;
    else {
      const issues = issuesOf.get(rec.row);
      if (issues) kept.rows.push({ row: rec.row, cells: rec.cells, issues });
    }
    if (++n % CHUNK === 0) await nextTurn();
  }
  if (kept.rows.length === 0) return false;
  const expiresAt = new Date(deps.now().getTime() + FAILED_ROWS_RETENTION_HOURS * 3_600_000);
  await insertFailedRows(db, { importId: r.importId, agencyId: r.agencyId, expiresAt, ...kept });
  return true;
}

/**
 * The failed rows of one of the actor's agency's imports: another organisation's import, an unknown id, or rows
 * past their retention are all "not found" (nothing says which).
 */
export async function failedRowsOf(deps: Deps, actor: Actor, importId: string): Promise<FailedRows> {
  requireAgency(actor);
  const found = UUID.test(importId) ? await findFailedRows(deps.db, actor.orgId, importId, deps.now()) : undefined;
  if (!found) throw new DomainError("not_found", "errors.failed_rows_gone");
  return found;
}

/** Hourly, in the one background process: failed rows past their retention are deleted. */
export async function sweepExpiredFailedRows(deps: Pick<Deps, "db" | "now">): Promise<number> {
  return deleteExpiredFailedRows(deps.db, deps.now());
}
