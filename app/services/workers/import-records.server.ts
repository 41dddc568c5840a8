import type { Actor } from "~/domain/org";
import { importsWithFailedRows } from "~db/import-failed-rows";
import { markStaleImportsInterrupted, recentImports } from "~db/worker-imports";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

export interface ImportRecord {
  id: string;
  status: "running" | "completed" | "refused" | "failed" | "interrupted";
  mode: "valid_only" | "all_or_nothing";
  source: "api" | "page" | "cli";
  totalRows: number;
  created: number;
  updated: number;
  errors: number;
  /** its rejected rows can still be downloaded (a CSV import, within 72 hours) */
  failedRows: boolean;
  batchesDone: number;
  by: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * The agency's recent imports, newest first. An import whose process died (still 'running', no heartbeat for a
 * minute) is marked and shown as 'interrupted': the batches it committed stay (each with its audit event).
 */
export async function listImports(deps: Deps, actor: Actor, limit = 20): Promise<ImportRecord[]> {
  requireAgency(actor);
  await markStaleImportsInterrupted(deps.db, undefined, actor.orgId);
  const rows = await recentImports(deps.db, actor.orgId, limit);
  const kept = await importsWithFailedRows(
    deps.db,
    actor.orgId,
    rows.map((r) => r.id),
    deps.now(),
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    mode: r.mode,
    source: r.source,
    totalRows: r.total_rows,
    created: r.created_count,
    updated: r.updated_count,
    errors: r.error_count,
    failedRows: kept.has(r.id),
    batchesDone: r.batches_done,
    by: r.actor_label,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  }));
}

/** At start-up: imports left 'running' by a process that died become 'interrupted'. */
export async function markInterruptedImports(deps: Deps): Promise<number> {
  return markStaleImportsInterrupted(deps.db);
}
