// Typed domain errors. Services throw them; app/web maps each code to an HTTP status once.
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid"
  | "unauthenticated"
  | "rate_limited"
  | "licence_blocked"
  /** a dependency is busy or down: try again shortly */
  | "unavailable"
  /** the request cannot be read at all (a body that is not JSON): nothing in it was looked at */
  | "malformed"
  /** the route does not serve this method (the params carry `allow`) */
  | "method_not_allowed";

/** Ids from URLs and forms are checked before they reach a uuid column (a malformed one is simply not found). */
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** an i18n key: the user's language is chosen where the error is shown */
    readonly messageKey: string,
    /** field name → i18n key, for errors that belong next to a form field */
    readonly fields: Record<string, string> = {},
    readonly params: Record<string, string | number> = {},
    /** for "rate_limited": when the client may try again (sent as Retry-After) */
    readonly retryAfterSeconds?: number,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/**
 * Too many requests: try again in `seconds`. The message names the wait in seconds or, from two minutes on, in
 * whole minutes.
 */
export function rateLimited(seconds: number): DomainError {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120
    ? new DomainError("rate_limited", "errors.rate_limited_seconds", {}, { seconds: s }, s)
    : new DomainError("rate_limited", "errors.rate_limited", {}, { minutes: Math.ceil(s / 60) }, s);
}
