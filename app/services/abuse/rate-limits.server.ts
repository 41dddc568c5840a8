import { rateLimited } from "~/domain/errors";
import type { RateRule } from "~/domain/rate-limits";
import { deleteStaleLoginThrottles } from "~db/login-throttles";
import { consumePoints, deleteExpiredRateLimits } from "~db/rate-limits";
import type { Deps } from "../deps.server";

/**
 * Takes one point of `rule` for `key` (an organisation, a client address, an email), or throws "rate_limited"
 * with the seconds to wait. Counters live in PostgreSQL, shared by every app process; if PostgreSQL is down the
 * pg error propagates and the request answers 503 like any other that needs the database.
 */
export async function enforceRateLimit(deps: Deps, rule: RateRule, key: string, points = 1): Promise<void> {
  const r = await consumePoints(deps.db, rule, key, points);
  if (!r.allowed) throw rateLimited(r.retryAfterSeconds);
}

/** Hourly, in the one background process: counters whose window ended, login pairs untouched for a day. */
export async function sweepAbuseCounters(deps: Deps): Promise<void> {
  const now = deps.now();
  await deleteExpiredRateLimits(deps.db, now);
  await deleteStaleLoginThrottles(deps.db, new Date(now.getTime() - 86_400_000));
}
