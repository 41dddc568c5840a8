import { startPoller } from "../background/poller.server";
import { isAdvisoryLockHeld, withTryAdvisoryLock } from "~db/locks";
import {
  ALL_SCOPES,
  bumpSearchGeneration,
  claimOutbox,
  forgetDoneEntities,
  markOutboxDone,
  markOutboxFailed,
  renewOutboxLease,
  requeueSince,
} from "~db/search-outbox";
import { allWorkers, loadWorkers } from "~db/workers";
import { belongsInIndex, toWorkerDocument } from "~search/worker-document";
import { documentsAreCurrent, ensureWorkersIndex, rebuildWorkersIndex, sendWorkerChanges } from "~search/workers-index";
import type { Deps } from "../deps.server";
import { workerSource } from "./worker-source.server";

export interface DrainResult {
  claimed: number;
  indexed: number;
  removed: number;
  failed: number;
  /** Why the batch failed (it is retried with backoff), when it did. */
  error?: string;
}

/**
 * A claimed batch is leased for a few seconds and the lease renewed while the drainer works on it, so the rows of
 * a drainer that died (a killed process) are taken up by another within seconds, never minutes.
 */
export const OUTBOX_LEASE_SECONDS = 6;
/**
 * Outbox rows per Meilisearch call. Meilisearch's cost per call is largely fixed (each task rewrites its facet and
 * word databases), so large batches are what lets the index keep up with an import (decision 024).
 */
export const OUTBOX_BATCH = 10_000;
const RENEW_EVERY_MS = 2_000;

/**
 * One batch from the outbox into Meilisearch. Jobs carry only ids; the current rows are loaded fresh, so several
 * changes to one worker collapse into one document. Rows are marked done only after Meilisearch reports success;
 * on failure they are retried with backoff and nothing is lost.
 */
export async function drainOutboxOnce(deps: Deps, batchSize = OUTBOX_BATCH): Promise<DrainResult> {
  const finish = await startBatch(deps, batchSize);
  return finish ? finish() : { claimed: 0, indexed: 0, removed: 0, failed: 0 };
}

/**
 * Claims a batch and sends it to Meilisearch; the function returned waits until Meilisearch has applied it and
 * marks its rows done (or failed). Null when nothing is due. The batch's lease is renewed until then.
 */
async function startBatch(deps: Deps, batchSize: number): Promise<(() => Promise<DrainResult>) | null> {
  const claimed = await claimOutbox(deps.db, batchSize, OUTBOX_LEASE_SECONDS);
  if (claimed.length === 0) return null;
  const claimedIds = claimed.map((c) => c.id);
  let renewal = Promise.resolve();
  const renewer = setInterval(() => {
    // a failed renewal only shortens the lease; the batch still ends in done or failed below
    renewal = renewal.then(() => renewOutboxLease(deps.db, claimedIds, OUTBOX_LEASE_SECONDS)).catch(() => undefined);
  }, RENEW_EVERY_MS);
  renewer.unref();
  const stopRenewing = async () => {
    clearInterval(renewer);
    await renewal;
  };
  let finish: () => Promise<DrainResult>;
  try {
    finish = await sendClaimed(deps, claimed);
  } catch (e) {
    await stopRenewing();
    throw e;
  }
  return async () => {
    try {
      return await finish();
    } finally {
      await stopRenewing();
    }
  };
}

async function sendClaimed(
  deps: Deps,
  claimed: Awaited<ReturnType<typeof claimOutbox>>,
): Promise<() => Promise<DrainResult>> {
  const ids = [...new Set(claimed.map((c) => c.entity_id))];
  const rows = await loadWorkers(deps.db, ids);
  const sources = rows.map(workerSource);
  const upserts = sources.filter(belongsInIndex).map(toWorkerDocument);
  const keep = new Set(upserts.map((d) => d.id as string));
  const deletes = ids.filter((id) => !keep.has(id)); // no consent, archived, or deleted: out of the index
  let applied: () => Promise<void>;
  try {
    applied = (await sendWorkerChanges(deps.search, upserts, deletes)).applied;
  } catch (e) {
    const r = await batchFailed(deps, claimed, e);
    return async () => r;
  }
  return async () => {
    try {
      await applied();
      // the agencies whose profiles changed; a deleted row's agency is unknown, so everything is stale then
      const loaded = new Set(rows.map((r) => r.id));
      const unknown = ids.some((id) => !loaded.has(id));
      // one transaction: a cached ranking that sees the new generation also sees which rows it covers
      await deps.db.transaction().execute(async (tx) => {
        await markOutboxDone(
          tx,
          claimed.map((c) => c.id),
        );
        await bumpSearchGeneration(tx, unknown ? [ALL_SCOPES] : rows.map((r) => r.agency_org_id));
        // A worker erased from PostgreSQL is now out of the index too: its outbox rows are the last trace of its
        // id. Not while a reindex runs: it may have read the worker before the erasure, and replays these rows
        // after its swap (requeueSince), so the deletion reaches the new index; they are forgotten then.
        const gone = ids.filter((id) => !loaded.has(id));
        if (gone.length && !(await isAdvisoryLockHeld(tx, REINDEX_LOCK))) await forgetDoneEntities(tx, gone);
      });
      return { claimed: claimed.length, indexed: upserts.length, removed: deletes.length, failed: 0 };
    } catch (e) {
      return batchFailed(deps, claimed, e);
    }
  };
}

async function batchFailed(
  deps: Deps,
  claimed: Awaited<ReturnType<typeof claimOutbox>>,
  e: unknown,
): Promise<DrainResult> {
  // part of the batch may have reached the index (upserts before a failed delete): cached rankings are suspect
  await bumpSearchGeneration(deps.db, [ALL_SCOPES]).catch(() => undefined);
  const error = e instanceof Error ? e.message : String(e);
  await markOutboxFailed(
    deps.db,
    claimed.map((c) => c.id),
    error,
  );
  return { claimed: claimed.length, indexed: 0, removed: 0, failed: claimed.length, error };
}

/**
 * Drains until the outbox has nothing due (for tests, imports and the CLI). Two batches in flight: the next one is
 * claimed, loaded and sent while Meilisearch applies the current one (it applies them in the order sent), so it
 * never waits for PostgreSQL between batches. Stops after a failed batch (its rows back off).
 */
export async function drainOutbox(deps: Deps, batchSize = OUTBOX_BATCH): Promise<DrainResult> {
  const total: DrainResult = { claimed: 0, indexed: 0, removed: 0, failed: 0 };
  const add = (r: DrainResult) => {
    total.claimed += r.claimed;
    total.indexed += r.indexed;
    total.removed += r.removed;
    total.failed += r.failed;
    if (r.error) total.error = r.error;
  };
  let current = await startBatch(deps, batchSize);
  while (current) {
    let next: Awaited<ReturnType<typeof startBatch>> = null;
    let nextError: unknown;
    try {
      next = await startBatch(deps, batchSize);
    } catch (e) {
      nextError = e;
    }
    let r: DrainResult;
    try {
      r = await current();
    } catch (e) {
      // the next batch still ends in done or failed (and stops renewing its lease) before this is thrown
      if (next) await next().catch(() => undefined);
      throw e;
    }
    add(r);
    if (nextError !== undefined) throw nextError;
    if (r.failed > 0) {
      if (next) add(await next());
      return total;
    }
    current = next;
  }
  return total;
}

/** The background worker started with the HTTP server: polls the outbox rather than LISTEN/NOTIFY, because
 * PostgreSQL's NOTIFY takes a global lock at commit, which every write path would then wait on. */
export function startOutboxWorker(
  deps: Deps,
  opts: {
    intervalMs: number;
    /** A tick that could not run (PostgreSQL or Meilisearch unreachable while preparing or claiming). */
    onError?: (e: unknown) => void;
    /** A batch Meilisearch refused or could not take: its rows back off and are retried. */
    onBatchFailed?: (r: DrainResult) => void;
    onReindex?: (n: number) => void;
  },
) {
  let indexReady = false;
  return startPoller(
    async () => {
      try {
        if (!indexReady) {
          await prepareIndex(deps, opts.onReindex);
          indexReady = true;
        }
        const r = await drainOutbox(deps);
        if (r.failed > 0) opts.onBatchFailed?.(r);
      } catch (e) {
        indexReady = false;
        opts.onError?.(e);
      }
    },
    { intervalMs: opts.intervalMs },
  );
}

/**
 * Settings first (changing them after documents are in re-indexes everything); then, if documents of an older
 * shape are in the index (an upgrade added a field), everything is rebuilt from PostgreSQL and swapped in.
 */
export async function prepareIndex(deps: Deps, onReindex?: (n: number) => void): Promise<void> {
  await ensureWorkersIndex(deps.search);
  if (await documentsAreCurrent(deps.search)) return;
  const n = await reindexWorkers(deps); // not inside `onReindex?.(…)`: an absent callback would skip its argument
  onReindex?.(n);
}

/**
 * `npm run reindex`: everything from PostgreSQL into a fresh index, swapped in when complete. One reindex at a
 * time (a PostgreSQL advisory lock: several instances starting together rebuild once; the others answer 0).
 * Changes made while it ran went to the old index through the outbox, so they are enqueued again after the swap.
 */
export async function reindexWorkers(deps: Deps, pageSize = 5000): Promise<number> {
  return withTryAdvisoryLock(deps.db, REINDEX_LOCK, 0, async (started) => {
    async function* documents() {
      for await (const rows of allWorkers(deps.db, pageSize)) {
        yield rows.map(workerSource).filter(belongsInIndex).map(toWorkerDocument);
      }
    }
    const n = await rebuildWorkersIndex(deps.search, documents());
    await requeueSince(deps.db, started);
    await bumpSearchGeneration(deps.db, [ALL_SCOPES]);
    return n;
  });
}

/** An arbitrary, fixed advisory-lock key for the reindex ("jembatan reindex"). */
const REINDEX_LOCK = 7_215_001;
