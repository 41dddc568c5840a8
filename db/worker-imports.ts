import { sql } from "kysely";
import type { Db } from "./client";
import type { ImportStatus, WorkerImport } from "./schema";

/** Seconds without a heartbeat after which a 'running' import is taken to have died with its process. */
export const IMPORT_STALE_SECONDS = 60;

export async function createImportRecord(
  db: Db,
  r: {
    agencyId: string;
    createdBy: string | null;
    actorLabel: string | null;
    source: "api" | "page" | "cli";
    mode: "valid_only" | "all_or_nothing";
    totalRows: number;
  },
): Promise<string> {
  const row = await db
    .insertInto("worker_imports")
    .values({
      agency_org_id: r.agencyId,
      created_by: r.createdBy,
      actor_label: r.actorLabel,
      source: r.source,
      mode: r.mode,
      total_rows: r.totalRows,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** After a committed batch (call inside the batch's transaction): its counts, and proof of life. */
export async function recordImportBatch(
  db: Db,
  id: string,
  d: { created: number; updated: number; errors: number },
): Promise<void> {
  await db
    .updateTable("worker_imports")
    .set((eb) => ({
      created_count: eb("created_count", "+", d.created),
      updated_count: eb("updated_count", "+", d.updated),
      error_count: eb("error_count", "+", d.errors),
      batches_done: eb("batches_done", "+", 1),
      heartbeat_at: sql<Date>`now()`,
    }))
    .where("id", "=", id)
    .execute();
}

export async function touchImport(db: Db, id: string): Promise<void> {
  await db
    .updateTable("worker_imports")
    .set({ heartbeat_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("status", "=", "running")
    .execute();
}

export async function finishImport(
  db: Db,
  id: string,
  r: {
    status: Exclude<ImportStatus, "running" | "interrupted">;
    created?: number;
    updated?: number;
    errors: number;
    failure?: string | null;
  },
): Promise<void> {
  await db
    .updateTable("worker_imports")
    .set({
      status: r.status,
      error_count: r.errors,
      ...(r.created !== undefined ? { created_count: r.created } : {}),
      ...(r.updated !== undefined ? { updated_count: r.updated } : {}),
      failure: r.failure ?? null,
      finished_at: sql<Date>`now()`,
      heartbeat_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

/** Imports whose process died ('running', no heartbeat for `staleSeconds`) become 'interrupted'. */
export async function markStaleImportsInterrupted(
  db: Db,
  staleSeconds = IMPORT_STALE_SECONDS,
  agencyId?: string,
): Promise<number> {
  let q = db
    .updateTable("worker_imports")
    .set({ status: "interrupted", finished_at: sql<Date>`now()` })
    .where("status", "=", "running")
    .where("heartbeat_at", "<", sql<Date>`now() - make_interval(secs => ${staleSeconds})`);
  if (agencyId) q = q.where("agency_org_id", "=", agencyId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function recentImports(db: Db, agencyId: string, limit = 20): Promise<WorkerImport[]> {
  return db
    .selectFrom("worker_imports")
    .selectAll()
    .where("agency_org_id", "=", agencyId)
    .orderBy("started_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
