import { sql } from "kysely";
import type { Db } from "./client";

/** `= any(one array parameter)`: a drained batch is thousands of ids, one parameter each would be a huge statement. */
const anyId = (ids: readonly string[]) => sql<string>`any(${[...ids]}::bigint[])`;

/** Enqueue a search update for a row; call inside the transaction that changed the row. */
export async function enqueueSearchUpdate(db: Db, entity: "worker", entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  // one array parameter, however many rows (decision 024); rows are enqueued in the order given
  await db
    .insertInto("search_outbox")
    .columns(["entity", "entity_id"])
    .expression(sql<unknown>`select ${entity}, unnest(${entityIds}::uuid[])`)
    .execute();
}

/**
 * Claims up to `limit` due rows by leasing them for `leaseSeconds` (SKIP LOCKED: parallel drainers never take
 * the same row). A row whose drainer dies is retried when the lease ends.
 */
export async function claimOutbox(db: Db, limit: number, leaseSeconds: number) {
  return db
    .updateTable("search_outbox")
    .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("search_outbox")
        .select("id")
        .where("done_at", "is", null)
        .where("next_attempt_at", "<=", sql<Date>`now()`)
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "entity", "entity_id", "attempts"])
    .execute();
}

/** Extends the lease of rows still being worked on (a live drainer renews; a dead one lets it lapse in seconds). */
export async function renewOutboxLease(db: Db, ids: string[], leaseSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "=", anyId(ids))
    .where("done_at", "is", null)
    .execute();
}

export async function markOutboxDone(db: Db, ids: string[]): Promise<void> {
  if (ids.length)
    await db
      .updateTable("search_outbox")
      .set({ done_at: sql<Date>`now()` })
      .where("id", "=", anyId(ids))
      .execute();
}

/** Counts the attempt and backs off exponentially: 2, 4, 8 … seconds, at most 5 minutes. */
export async function markOutboxFailed(db: Db, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("search_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 1000),
      next_attempt_at: sql<Date>`now() + make_interval(secs => least(300, power(2, attempts + 1)))`,
    }))
    .where("id", "=", anyId(ids))
    .execute();
}

/** Deletes the done outbox rows of entities that no longer exist (erased workers). */
export async function forgetDoneEntities(db: Db, entityIds: readonly string[]): Promise<void> {
  if (entityIds.length)
    await db
      .deleteFrom("search_outbox")
      .where("entity_id", "in", [...entityIds])
      .where("done_at", "is not", null)
      .execute();
}

export async function outboxBacklog(db: Db): Promise<number> {
  const r = await db
    .selectFrom("search_outbox")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("done_at", "is", null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Everything (a reindex, or changes whose agency is unknown). */
export const ALL_SCOPES = "*";

/**
 * Records that the index changed for these agencies (after Meilisearch confirmed it): cached match rankings of
 * those agencies, and of the ministry, are now stale. `ALL_SCOPES` makes every ranking stale.
 */
export async function bumpSearchGeneration(db: Db, scopes: readonly string[]): Promise<void> {
  const unique = [...new Set(scopes)];
  if (unique.length === 0) return;
  await db
    .insertInto("search_generations")
    .values(unique.map((scope) => ({ scope, generation: 1 })))
    .onConflict((oc) => oc.column("scope").doUpdateSet({ generation: sql`search_generations.generation + 1` }))
    .execute();
}

/** Enqueues again every entity enqueued since `since` (after a reindex swap: their changes went to the old index). */
export async function requeueSince(db: Db, since: Date): Promise<void> {
  await sql`insert into search_outbox (entity, entity_id) select distinct entity, entity_id from search_outbox where enqueued_at >= ${since}`.execute(
    db,
  );
}

/**
 * The generation of every scope a ranking over these agencies depends on (all agencies: null), keyed by scope,
 * with the database's clock at the same moment.
 */
export async function searchGenerations(
  db: Db,
  agencyIds: readonly string[] | null,
): Promise<{ at: Date; generations: Record<string, string> }> {
  let q = db
    .selectFrom("search_generations")
    .select(["scope", sql<string>`generation::text`.as("g"), sql<Date>`clock_timestamp()`.as("at")]);
  if (agencyIds) q = q.where("scope", "in", [ALL_SCOPES, ...agencyIds]);
  const rows = await q.execute();
  const at = rows[0]?.at ?? (await sql<{ at: Date }>`select clock_timestamp() as at`.execute(db)).rows[0]!.at;
  return { at, generations: Object.fromEntries(rows.map((r) => [r.scope, r.g])) };
}

/**
 * The workers of these agencies (all: null) whose outbox rows Meilisearch confirmed at or after `since`, or null
 * when there are more than `limit` of them (cheaper to read the pool again).
 */
export async function workersIndexedSince(
  db: Db,
  since: Date,
  agencyIds: readonly string[] | null,
  limit: number,
): Promise<string[] | null> {
  let q = db
    .selectFrom("search_outbox as o")
    .innerJoin("workers as w", "w.id", "o.entity_id")
    .select("o.entity_id")
    .distinct()
    .where("o.entity", "=", "worker")
    .where("o.done_at", ">=", since);
  if (agencyIds)
    q = q.where("w.agency_org_id", "in", agencyIds.length ? [...agencyIds] : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.limit(limit + 1).execute();
  return rows.length > limit ? null : rows.map((r) => r.entity_id);
}
