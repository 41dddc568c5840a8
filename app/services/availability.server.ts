import { DomainError } from "~/domain/errors";
import { isDbUnavailableError } from "~db/client";
import { isSearchUnavailableError } from "~search/errors";

export type OutagePart = "postgres" | "meilisearch" | "busy";

export interface Outage {
  part: OutagePart;
  /** i18n key saying what is down and what to do */
  messageKey: string;
}

/**
 * Which dependency an error says is down (or "busy" for shed load), or null when the error is a real bug.
 * Such requests answer 503 with Retry-After: they are safe to retry, and nothing was half-stored (a write's
 * transaction either committed before the error or rolled back with it).
 */
export function outageOf(e: unknown): Outage | null {
  if (isDbUnavailableError(e)) return { part: "postgres", messageKey: "errors.unavailable_postgres" };
  if (isSearchUnavailableError(e)) return { part: "meilisearch", messageKey: "errors.unavailable_meilisearch" };
  if (e instanceof DomainError && e.code === "unavailable") {
    return { part: e.messageKey === "errors.search_busy" ? "meilisearch" : "busy", messageKey: e.messageKey };
  }
  return null;
}
