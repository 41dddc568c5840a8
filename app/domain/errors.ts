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
  | "unavailable";

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
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}
