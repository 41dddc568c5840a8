import type { FailedRows } from "~/domain/workers/failed-rows";
import type { Db } from "./client";

/** Keeps an import's failed rows until `expiresAt` (one set per import). */
export async function insertFailedRows(
  db: Db,
  r: { importId: string; agencyId: string; expiresAt: Date } & FailedRows,
): Promise<void> {
  await db
    .insertInto("worker_import_failed_rows")
    .values({
      import_id: r.importId,
      agency_org_id: r.agencyId,
      header: JSON.stringify(r.header),
      rows: JSON.stringify(r.rows),
      expires_at: r.expiresAt,
    })
    .execute();
}

/** The failed rows of one of the agency's imports, unless past their retention. */
export async function findFailedRows(
  db: Db,
  agencyId: string,
  importId: string,
  now: Date,
): Promise<FailedRows | undefined> {
  const row = await db
    .selectFrom("worker_import_failed_rows")
    .select(["header", "rows"])
    .where("import_id", "=", importId)
    .where("agency_org_id", "=", agencyId)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ? { header: row.header, rows: row.rows } : undefined;
}

/** Which of the agency's imports still have their failed rows (for the import history's links). */
export async function importsWithFailedRows(
  db: Db,
  agencyId: string,
  importIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (!importIds.length) return new Set();
  const rows = await db
    .selectFrom("worker_import_failed_rows")
    .select("import_id")
    .where("agency_org_id", "=", agencyId)
    .where("import_id", "in", importIds)
    .where("expires_at", ">", now)
    .execute();
  return new Set(rows.map((r) => r.import_id));
}

/** Deletes failed rows past their retention; answers how many imports' sets were deleted. */
export async function deleteExpiredFailedRows(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom("worker_import_failed_rows").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
