import type { ServerEnv } from "~/env.server";
import type { Actor } from "~/domain/org";
import type { LoginLimits, RateRule } from "~/domain/rate-limits";
import { enforceRateLimit } from "~/services/abuse/rate-limits.server";
import type { RequestContext } from "./context.server";

// The limits of docs/decisions/011-abuse-limits.md, built from the environment.

const HOUR = 3600;

export const apiWriteRule = (env: ServerEnv): RateRule => ({
  name: "api-write",
  points: env.API_WRITES_PER_MINUTE,
  durationSeconds: 60,
});
export const invitationRule = (env: ServerEnv): RateRule => ({
  name: "invite",
  points: env.INVITATIONS_PER_HOUR_PER_ORG,
  durationSeconds: HOUR,
});
const signupPerIp = (env: ServerEnv): RateRule => ({
  name: "signup-ip",
  points: env.SIGNUPS_PER_HOUR_PER_IP,
  durationSeconds: HOUR,
});
/** per address typed into the form: a sign-up for an existing address notifies its owner, never more than this */
const signupPerEmail: RateRule = { name: "signup-email", points: 5, durationSeconds: HOUR };

export function loginLimits(env: ServerEnv): LoginLimits {
  return {
    freeFailures: env.LOGIN_FREE_FAILURES,
    backoffSeconds: env.LOGIN_BACKOFF_SECONDS,
    backoffMaxSeconds: env.LOGIN_BACKOFF_MAX_SECONDS,
    maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    emailSlowAfter: env.LOGIN_EMAIL_SLOW_AFTER,
    emailSlowSeconds: env.LOGIN_EMAIL_SLOW_SECONDS,
    windowMinutes: env.LOGIN_WINDOW_MINUTES,
  };
}

/**
 * Any form anyone may post without signing in (invitation acceptance today, the trade-forum booth's lead form
 * next): `PUBLIC_WRITES_PER_HOUR_PER_IP` per client address and form. Throws "rate_limited" (429, Retry-After).
 */
export async function limitPublicWrite(ctx: RequestContext, form: string): Promise<void> {
  await enforceRateLimit(
    ctx.deps,
    { name: `public-${form}`, points: ctx.env.PUBLIC_WRITES_PER_HOUR_PER_IP, durationSeconds: HOUR },
    ctx.clientIp,
  );
}

/** Sign-ups: per client address, and per email address asked for (whether or not it has an account). */
export async function limitSignup(ctx: RequestContext, email: string): Promise<void> {
  await enforceRateLimit(ctx.deps, signupPerIp(ctx.env), ctx.clientIp);
  await enforceRateLimit(ctx.deps, signupPerEmail, email);
}

/** Every mutating API call: `API_WRITES_PER_MINUTE` per organisation (all its keys together). */
export async function limitApiWrite(ctx: RequestContext, actor: Actor): Promise<void> {
  await enforceRateLimit(ctx.deps, apiWriteRule(ctx.env), actor.orgId);
}

/**
 * The kiosk's live count: each answer is about a dozen Meilisearch queries, so a device (a screen, or someone with
 * its cookie) gets 300 a minute, five a second: far more than a debounced typist asks, far less than a script.
 */
export const boothCountRule: RateRule = { name: "booth-count", points: 300, durationSeconds: 60 };

export async function limitBoothCount(ctx: RequestContext, deviceId: string): Promise<void> {
  await enforceRateLimit(ctx.deps, boothCountRule, deviceId);
}

/**
 * Leads from a kiosk: 120 an hour per device. A busy booth takes a few a minute at most; a queue drained after a
 * long outage that meets the limit waits for Retry-After and sends the rest then (nothing is dropped).
 */
export const boothLeadRule: RateRule = { name: "booth-lead", points: 120, durationSeconds: HOUR };

export async function limitBoothLead(ctx: RequestContext, deviceId: string): Promise<void> {
  await enforceRateLimit(ctx.deps, boothLeadRule, deviceId);
}

/**
 * Phone handoffs from a kiosk: 120 an hour per device, as its leads. Each is a row that lives half an hour; a
 * visitor pressing the button again gets a new link.
 */
export const boothHandoffRule: RateRule = { name: "booth-handoff", points: 120, durationSeconds: HOUR };

export async function limitBoothHandoff(ctx: RequestContext, deviceId: string): Promise<void> {
  await enforceRateLimit(ctx.deps, boothHandoffRule, deviceId);
}
