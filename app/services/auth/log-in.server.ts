import { DomainError } from "~/domain/errors";
import { canSignIn, isoDay } from "~/domain/org";
import type { LoginInput } from "~/domain/schemas/auth";
import { countRecentAttemptsFromIp, countRecentFailuresForEmail, markLoginSucceeded, recordLoginAttempt } from "~db/login-attempts";
import { findUserWithOrg, findUserByEmail } from "~db/users";
import type { Deps } from "../deps.server";
import { burnPasswordCheck, verifyPassword } from "./crypto.server";
import { createSession, licenceOf } from "./sessions.server";

export interface LoginLimits {
  /** failed attempts for one email within the window before it is locked for the rest of the window */
  maxFailuresPerEmail: number;
  /** attempts (any outcome) from one IP within the window */
  maxAttemptsPerIp: number;
  windowMinutes: number;
}

/**
 * Checks rate limits, the password and the agency licence, then opens a session.
 * Every attempt is recorded (the rate limiter's memory lives in PostgreSQL, so it survives restarts and is
 * shared between server processes).
 */
export async function logIn(deps: Deps, input: LoginInput, ip: string, limits: LoginLimits) {
  const now = deps.now();
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  // Record first, count after: parallel attempts then see each other, so a burst cannot slip past the limit
  // while the password hashes are being checked. The attempt counts as failed unless it succeeds below.
  const attemptId = await recordLoginAttempt(deps.db, { email: input.email, ip });
  const [emailFailures, ipAttempts] = await Promise.all([
    countRecentFailuresForEmail(deps.db, input.email, since),
    countRecentAttemptsFromIp(deps.db, ip, since),
  ]);
  if (emailFailures > limits.maxFailuresPerEmail || ipAttempts > limits.maxAttemptsPerIp) {
    throw new DomainError("rate_limited", "errors.rate_limited", {}, { minutes: limits.windowMinutes });
  }

  const user = await findUserByEmail(deps.db, input.email);
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) throw new DomainError("unauthenticated", "errors.invalid_credentials");
  await markLoginSucceeded(deps.db, attemptId);

  const found = await findUserWithOrg(deps.db, user.id);
  if (!found) throw new DomainError("unauthenticated", "errors.invalid_credentials");
  const block = canSignIn(found.org.kind, licenceOf(found.org), isoDay(now));
  if (block) throw new DomainError("licence_blocked", `errors.licence_${block}`);

  const session = await createSession(deps, user.id);
  return { ...session, user: found.user, org: found.org };
}
