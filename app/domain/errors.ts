// Typed domain errors. Services throw them; app/web maps each code to an HTTP status once.
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid"
  | "unauthenticated"
  | "rate_limited"
  | "licence_blocked";

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
