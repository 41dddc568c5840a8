// The search port's own errors. Nothing outside search/ sees Meilisearch's error classes or codes: every call the
// port makes goes through `guarded` (search/engine.ts), which turns them into these.

/**
 * The search engine is down, restarting or saturated (no answer, a timeout, a 5xx, or too many searches queued):
 * the request can be retried later (pages and the API answer 503 with Retry-After).
 */
export class SearchUnavailableError extends Error {
  override readonly name = "SearchUnavailableError";
}

/** The search engine refused a request (a 4xx about the request itself): a bug, not an outage. */
export class SearchRequestError extends Error {
  override readonly name = "SearchRequestError";
}

/** True when `e` says search is unavailable and the request can be retried later. */
export function isSearchUnavailableError(e: unknown): e is SearchUnavailableError {
  // by name too: the Remix build holds its own copy of this module (see search/engine.ts)
  return e instanceof SearchUnavailableError || (e instanceof Error && e.name === "SearchUnavailableError");
}
