import { sql } from "kysely";
import type { Db } from "./client";

/**
 * Runs `fn` holding a PostgreSQL session advisory lock on one pooled connection, or returns `busy` without
 * running it when another session holds the lock. `fn` gets the database time at which the lock was taken.
 */
export async function withTryAdvisoryLock<T, B>(db: Db, key: number, busy: B, fn: (lockedAt: Date) => Promise<T>): Promise<T | B> {
  return db.connection().execute(async (conn) => {
    const r = await sql<{ ok: boolean; now: Date }>`select pg_try_advisory_lock(${key}) as ok, now() as now`.execute(conn);
    if (!r.rows[0]?.ok) return busy;
    try {
      return await fn(r.rows[0].now);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}
