import { sql } from "kysely";
import type { Db } from "./client";

/** Enqueue a search update for a row; call inside the transaction that changed the row. */
export async function enqueueSearchUpdate(db: Db, entity: "worker", entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await db.insertInto("search_outbox").values(entityIds.map((entity_id) => ({ entity, entity_id }))).execute();
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
      eb.selectFrom("search_outbox").select("id").where("done_at", "is", null).where("next_attempt_at", "<=", sql<Date>`now()`).orderBy("id").limit(limit).forUpdate().skipLocked(),
    )
    .returning(["id", "entity", "entity_id", "attempts"])
    .execute();
}

export async function markOutboxDone(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.updateTable("search_outbox").set({ done_at: sql<Date>`now()` }).where("id", "in", ids).execute();
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
    .where("id", "in", ids)
    .execute();
}

export async function outboxBacklog(db: Db): Promise<number> {
  const r = await db.selectFrom("search_outbox").select(sql<number>`count(*)::int`.as("n")).where("done_at", "is", null).executeTakeFirstOrThrow();
  return r.n;
}

/** Records that the index changed (after Meilisearch confirmed it): cached match rankings are now stale. */
export async function bumpSearchGeneration(db: Db): Promise<void> {
  await sql`select nextval('search_generation')`.execute(db);
}

/** The current index generation (see bumpSearchGeneration). */
export async function searchGeneration(db: Db): Promise<string> {
  const r = await sql<{ last_value: string; is_called: boolean }>`select last_value, is_called from search_generation`.execute(db);
  const row = r.rows[0]!;
  return row.is_called ? String(row.last_value) : "0";
}
