import { DomainError, rateLimited } from "~/domain/errors";
import { canSignIn } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { LoginLimits, RateRule } from "~/domain/rate-limits";
import type { LoginInput } from "~/domain/schemas/auth";
import { markLoginSucceeded, recordLoginAttempt, signedInFrom } from "~db/login-attempts";
import { claimLoginAttempt, resetLoginAttempts } from "~db/login-throttles";
import { consumePoints, refundPoints } from "~db/rate-limits";
import { findUserWithOrg, findUserByEmail } from "~db/users";
import type { Deps } from "../deps.server";
import { burnPasswordCheck, verifyPassword } from "./crypto.server";
import { createSession } from "./sessions.server";

/** An address an email signed in from within this many days is that owner's "known place". */
const KNOWN_PLACE_DAYS = 30;

/**
 * Checks the throttles, the password and the agency licence, then opens a session. Throttling
 * (docs/decisions/011-abuse-limits.md) slows a guesser without letting anyone lock the owner out:
 * - per (email, address): a few free attempts, then an exponential wait; a success starts over;
 * - per address: a budget of *failures* (successes are refunded), and an address over it still lets in
 *   every email that signed in from it before (a whole office behind one NAT keeps working);
 * - per email, from anywhere: past a higher cap, attempts from unknown places are slowed to one per
 *   LOGIN_EMAIL_SLOW_SECONDS, never stopped, and the owner's known places are not slowed at all.
 * Every counter lives in PostgreSQL, shared by all app processes. Every attempt is also recorded.
 */
export async function logIn(deps: Deps, input: LoginInput, ip: string, limits: LoginLimits) {
  const { db } = deps;
  const now = deps.now();
  const window = limits.windowMinutes * 60;
  const perIp: RateRule = { name: "login-fail-ip", points: limits.maxFailuresPerIp, durationSeconds: window };
  const perEmail: RateRule = { name: "login-fail-email", points: limits.emailSlowAfter, durationSeconds: window };
  const slowLane: RateRule = { name: "login-slow-email", points: 1, durationSeconds: limits.emailSlowSeconds };

  // Points are taken before the password is checked (parallel attempts see each other) and given back when
  // the attempt turns out not to be a failure: refused before checking, or successful.
  const taken: [RateRule, string][] = [];
  const giveBack = () => Promise.all(taken.map(([rule, key]) => refundPoints(db, rule, key)));
  const take = async (rule: RateRule, key: string) => {
    const r = await consumePoints(db, rule, key);
    taken.push([rule, key]);
    return r;
  };
  const refuse = async (seconds: number): Promise<never> => {
    await giveBack();
    throw rateLimited(seconds);
  };

  const knownPlace = await signedInFrom(db, input.email, ip, new Date(now.getTime() - KNOWN_PLACE_DAYS * 86_400_000));
  // Past the email's cap, an attempt from an unknown place whose slow-lane slot is taken is still checked: a right
  // password gets in (an attacker who keeps taking the slot must not lock the owner out from a new address), a
  // wrong one is answered exactly as a refusal ("too many attempts"), so the guesser learns nothing from it and
  // is still held by the per-address back-off below.
  let slowedFor = 0;
  if (!knownPlace) {
    const byIp = await take(perIp, ip);
    if (!byIp.allowed) await refuse(byIp.retryAfterSeconds);
    const byEmail = await take(perEmail, input.email);
    if (!byEmail.allowed) {
      const slow = await consumePoints(db, slowLane, input.email);
      if (!slow.allowed) slowedFor = slow.retryAfterSeconds;
    }
  }
  const pair = `${input.email}|${ip}`;
  const claim = await claimLoginAttempt(db, pair, {
    free: limits.freeFailures,
    baseSeconds: limits.backoffSeconds,
    maxSeconds: limits.backoffMaxSeconds,
    forgetAfterSeconds: 86_400,
  });
  if (!claim.allowed) await refuse(claim.retryAfterSeconds);

  const attemptId = await recordLoginAttempt(db, { email: input.email, ip });
  const user = await findUserByEmail(db, input.email);
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !ok) {
    if (slowedFor) throw rateLimited(slowedFor);
    throw new DomainError("unauthenticated", "errors.invalid_credentials");
  }
  await Promise.all([markLoginSucceeded(db, attemptId), resetLoginAttempts(db, pair), giveBack()]);

  const found = await findUserWithOrg(db, user.id);
  if (!found) throw new DomainError("unauthenticated", "errors.invalid_credentials");
  const block = canSignIn(found.org.kind, found.org.licence, isoDay(now));
  if (block) throw new DomainError("licence_blocked", `errors.licence_${block}`);

  const session = await createSession(deps, user.id);
  return { ...session, user: found.user, org: found.org };
}
