import { createHash } from "node:crypto";
import { DomainError } from "~/domain/errors";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  forgetIdempotencyKeysBefore,
  releaseIdempotencyKey,
  renewIdempotencyKey,
  type StoredAnswer,
} from "~db/idempotency-keys";
import type { Deps } from "../deps.server";

export type { StoredAnswer };

/** How long a key and its answer are kept (as Stripe does). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A running request's claim; renewed while it runs, so it lapses within seconds of its process dying. */
const LEASE_SECONDS = 10;

export const fingerprintOf = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

export interface IdempotentRequest {
  /** whose keys: "org:<id>" for an organisation's API keys, "user:<id>" for a person's forms */
  scope: string;
  key: string;
  /** what was asked (method, path, body): the same key with a different request is refused */
  fingerprint: string;
  /** how long to wait for a first request with this key that is still running (0: answer 409 at once) */
  waitMs?: number;
  /** the field that carried the key, for the error */
  field: string;
}

export type IdempotentOutcome<T> = { replayed: true; answer: StoredAnswer } | { replayed: false; result: T };

/**
 * Runs `run` once per key: the first request runs and, if `toAnswer` says its outcome is worth keeping (a success),
 * the answer is stored; a retry with the same key gets that answer again instead of running twice. A failed first
 * request forgets the key, so a retry runs it again. Keys are scoped (an organisation, a person) and expire.
 */
export async function runIdempotent<T>(
  deps: Pick<Deps, "db">,
  r: IdempotentRequest,
  run: () => Promise<T>,
  toAnswer: (result: T) => Promise<StoredAnswer | null>,
): Promise<IdempotentOutcome<T>> {
  // a wait for another request to finish (a duration on the monotonic clock, not a date: 017-clock.md)
  const deadline = performance.now() + (r.waitMs ?? 0);
  for (;;) {
    const claim = await claimIdempotencyKey(deps.db, {
      scope: r.scope,
      key: r.key,
      fingerprint: r.fingerprint,
      leaseSeconds: LEASE_SECONDS,
      ttlHours: IDEMPOTENCY_TTL_HOURS,
    });
    if (claim.kind !== "claimed" && claim.fingerprint !== r.fingerprint) {
      throw new DomainError("invalid", "errors.idempotency_key_reused", { [r.field]: "errors.idempotency_key_reused" });
    }
    if (claim.kind === "done") return { replayed: true, answer: claim.answer };
    if (claim.kind === "running") {
      if (performance.now() >= deadline) throw new DomainError("conflict", "errors.idempotency_in_progress");
      await new Promise((res) => setTimeout(res, 100));
      continue;
    }
    break;
  }
  const renewer = setInterval(
    () => void renewIdempotencyKey(deps.db, r.scope, r.key, LEASE_SECONDS).catch(() => undefined),
    (LEASE_SECONDS * 1000) / 3,
  );
  renewer.unref();
  let result: T;
  try {
    result = await run();
  } catch (e) {
    clearInterval(renewer);
    await releaseIdempotencyKey(deps.db, r.scope, r.key).catch(() => undefined);
    throw e;
  }
  clearInterval(renewer);
  const answer = await toAnswer(result);
  if (answer) await completeIdempotencyKey(deps.db, r.scope, r.key, answer);
  else await releaseIdempotencyKey(deps.db, r.scope, r.key);
  return { replayed: false, result };
}

/** The hourly sweep: keys and answers older than the TTL are forgotten. */
export async function forgetExpiredIdempotencyKeys(deps: Pick<Deps, "db">): Promise<number> {
  return forgetIdempotencyKeysBefore(deps.db, IDEMPOTENCY_TTL_HOURS);
}
