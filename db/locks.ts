import { sql } from "kysely";
import type { Db } from "./client";

/**
 * Runs `fn` holding a PostgreSQL session advisory lock on one pooled connection, or returns `busy` without
 * running it when another session holds the lock. `fn` gets the database time at which the lock was taken.
 */
export async function withTryAdvisoryLock<T, B>(
  db: Db,
  key: number,
  busy: B,
  fn: (lockedAt: Date) => Promise<T>,
): Promise<T | B> {
  return db.connection().execute(async (conn) => {
    const r = await sql<{ ok: boolean; now: Date }>`select pg_try_advisory_lock(${key}) as ok, now() as now`.execute(
      conn,
    );
    if (!r.rows[0]?.ok) return busy;
    try {
      return await fn(r.rows[0].now);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/** Whether some session holds the advisory lock `key` (taken with pg_try_advisory_lock(bigint)). */
export async function isAdvisoryLockHeld(db: Db, key: number): Promise<boolean> {
  const r = await sql<{
    held: boolean;
  }>`select exists (select 1 from pg_locks where locktype = 'advisory' and classid = ${Math.floor(key / 2 ** 32)} and objid = ${key % 2 ** 32} and objsubid = 1 and granted) as held`.execute(
    db,
  );
  return r.rows[0]?.held ?? false;
}
