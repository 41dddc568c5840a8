import { sql } from "kysely";
import type { Db } from "./client";

// Jobs that announce a newly verified order to the agencies whose workers fit it (decision 023). The verification
// writes the job in its own transaction; app/services/notifications/fit-notifications.server.ts works them off,
// leased and retried with backoff like the search outbox (db/search-outbox.ts).

/** Call inside the transaction that verifies the order. */
export async function enqueueFitNotification(db: Db, jobOrderId: string): Promise<void> {
  await db.insertInto("fit_notification_jobs").values({ job_order_id: jobOrderId }).execute();
}

export interface ClaimedFitJob {
  id: string;
  job_order_id: string;
  created_at: Date;
  attempts: number;
}

/**
 * Leases up to `limit` due jobs for `leaseSeconds` (SKIP LOCKED: parallel processors never take the same job; a
 * processor that dies lets its lease lapse and the job is taken up again). `jobOrderIds` narrows the claim to
 * those orders' jobs (tests and scripts that must not take other orders' jobs).
 */
export async function claimFitJobs(
  db: Db,
  limit: number,
  leaseSeconds: number,
  jobOrderIds?: readonly string[],
): Promise<ClaimedFitJob[]> {
  if (jobOrderIds && jobOrderIds.length === 0) return [];
  return db
    .updateTable("fit_notification_jobs")
    .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "in", (eb) => {
      let q = eb
        .selectFrom("fit_notification_jobs")
        .select("id")
        .where("done_at", "is", null)
        .where("next_attempt_at", "<=", sql<Date>`now()`);
      if (jobOrderIds) q = q.where("job_order_id", "in", [...jobOrderIds]);
      return q.orderBy("id").limit(limit).forUpdate().skipLocked();
    })
    .returning(["id", "job_order_id", "created_at", "attempts"])
    .execute();
}

/**
 * Whether profile changes committed before `before` are still waiting for the search index: a count taken now
 * would miss them, so the job waits for the index (each of those rows is retried until Meilisearch takes it).
 */
export async function indexBehind(db: Db, before: Date): Promise<boolean> {
  const r = await db
    .selectFrom("search_outbox")
    .select("id")
    .where("done_at", "is", null)
    .where("enqueued_at", "<=", before)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Locks a job that is still pending, in the transaction that notifies (undefined: another processor finished it). */
export async function lockPendingFitJob(db: Db, id: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom("fit_notification_jobs")
    .select("id")
    .where("id", "=", id)
    .where("done_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
}

/** Records that these agencies are told of the job; returns those not told before (the idempotency key). */
export async function recordFitDeliveries(db: Db, jobId: string, agencyIds: readonly string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .insertInto("fit_notification_deliveries")
    .values(agencyIds.map((agency_org_id) => ({ job_id: jobId, agency_org_id })))
    .onConflict((oc) => oc.columns(["job_id", "agency_org_id"]).doNothing())
    .returning("agency_org_id")
    .execute();
  return rows.map((r) => r.agency_org_id);
}

export async function markFitJobDone(db: Db, id: string, note: string | null = null): Promise<void> {
  await db
    .updateTable("fit_notification_jobs")
    .set({ done_at: sql<Date>`now()`, last_error: note })
    .where("id", "=", id)
    .execute();
}

/** Counts the attempt and backs off exponentially: 2, 4, 8 … seconds, at most 5 minutes. Never dropped. */
export async function markFitJobFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("fit_notification_jobs")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 1000),
      next_attempt_at: sql<Date>`now() + make_interval(secs => least(300, power(2, attempts + 1)))`,
    }))
    .where("id", "=", id)
    .execute();
}

/** Looks again in `seconds` without counting an attempt (waiting for the index is not a failure). */
export async function deferFitJob(db: Db, id: string, seconds: number): Promise<void> {
  await db
    .updateTable("fit_notification_jobs")
    .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${seconds})` })
    .where("id", "=", id)
    .execute();
}

/**
 * Dates the pending jobs now (the demo seed, once its profiles are enqueued: its orders were verified first, and
 * their jobs then wait for those profiles to be indexed).
 */
export async function restampPendingFitJobs(db: Db): Promise<void> {
  await sql`update fit_notification_jobs set created_at = now() where done_at is null`.execute(db);
}
