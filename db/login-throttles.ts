import { sql } from "kysely";
import type { Db } from "./client";

// Exponential login back-off per (email, client address), in one atomic statement: the count and the gate
// are read and written under the row's lock, so parallel attempts cannot slip past it
// (docs/decisions/011-abuse-limits.md). rate-limiter-flexible's fixed windows cannot express this.

export interface BackOff {
  /** attempts checked without waiting */
  free: number;
  /** the wait after the last free attempt; it doubles with every further attempt */
  baseSeconds: number;
  maxSeconds: number;
  /** a pair untouched this long starts over */
  forgetAfterSeconds: number;
}

export type Claim = { allowed: true; attempt: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims the right to check one password for `key`. Attempts count until a success resets them; from the
 * `free`-th on, each claimed attempt pushes the next allowed moment `base × 2^(n − free)` seconds ahead (at most
 * `max`). A refused claim changes nothing.
 */
export async function claimLoginAttempt(db: Db, key: string, b: BackOff): Promise<Claim> {
  const stale = sql`t.updated_at < now() - ${b.forgetAfterSeconds}::float8 * interval '1 second'`;
  const n = sql`((case when ${stale} then 0 else t.attempts end) + 1)`;
  const wait = (count: ReturnType<typeof sql>) =>
    sql`case when ${count} >= ${b.free}::int then now() + least(${b.baseSeconds}::float8 * power(2, ${count} - ${b.free}::int), ${b.maxSeconds}::float8) * interval '1 second' else now() end`;
  const claimed = await sql<{ attempts: number }>`
    insert into login_throttles as t (key, attempts, next_at, updated_at)
    values (${key}, 1, ${wait(sql`1`)}, now())
    on conflict (key) do update set attempts = ${n}, next_at = ${wait(n)}, updated_at = now()
      where t.attempts < ${b.free}::int or t.next_at <= now() or ${stale}
    returning attempts`.execute(db);
  const row = claimed.rows[0];
  if (row) return { allowed: true, attempt: row.attempts };
  const r = await sql<{ wait: number }>`
    select greatest(1, ceil(extract(epoch from next_at - now())))::int as wait from login_throttles where key = ${key}`.execute(
    db,
  );
  return { allowed: false, retryAfterSeconds: r.rows[0]?.wait ?? 1 };
}

/** A successful login: the pair starts over. */
export async function resetLoginAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_throttles").where("key", "=", key).execute();
}

export async function deleteStaleLoginThrottles(db: Db, olderThan: Date): Promise<void> {
  await db.deleteFrom("login_throttles").where("updated_at", "<", olderThan).execute();
}
