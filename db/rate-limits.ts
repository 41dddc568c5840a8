import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { RateRule } from "~/domain/rate-limits";
import { poolOf, type Db } from "./client";

// The only module that knows rate-limiter-flexible. Counters live in PostgreSQL (table rate_limits, created by
// a migration), so a limit holds across every process of `npm start`'s cluster and across restarts.

export type Consumed = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

const limiters = new WeakMap<Db, Map<string, RateLimiterPostgres>>();

function limiterFor(db: Db, rule: RateRule): RateLimiterPostgres {
  let byRule = limiters.get(db);
  if (!byRule) limiters.set(db, (byRule = new Map()));
  const id = `${rule.name}/${rule.points}/${rule.durationSeconds}`;
  let limiter = byRule.get(id);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: poolOf(db),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      // expired rows are deleted by the hourly sweep (deleteExpiredRateLimits), once, not by a timer per limit
      clearExpiredByTimeout: false,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
    });
    byRule.set(id, limiter);
  }
  return limiter;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Takes `points` from `key`'s allowance. Over the limit: not allowed, with the seconds until the window ends.
 * A PostgreSQL outage is thrown as the pg error itself (the app answers 503, never 500).
 */
export async function consumePoints(db: Db, rule: RateRule, key: string, points = 1): Promise<Consumed> {
  try {
    const res = await limiterFor(db, rule).consume(key, points);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: seconds(e.msBeforeNext) };
    throw e;
  }
}

/** Gives points back (an attempt that turned out not to count, e.g. a successful login). */
export async function refundPoints(db: Db, rule: RateRule, key: string, points = 1): Promise<void> {
  await limiterFor(db, rule).reward(key, points);
}

/** Points used in `key`'s current window (0 when none). */
export async function pointsUsed(db: Db, rule: RateRule, key: string): Promise<number> {
  const res = await limiterFor(db, rule).get(key);
  return res?.consumedPoints ?? 0;
}

export async function clearPoints(db: Db, rule: RateRule, key: string): Promise<void> {
  await limiterFor(db, rule).delete(key);
}

/** Deletes counters whose window ended (run by the hourly sweep in one process). */
export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom("rate_limits").where("expire", "<", String(now.getTime())).executeTakeFirst();
  return Number(r.numDeletedRows);
}
