import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";

// search/ is the only code that knows Meilisearch (STYLE.md: the search port). Index settings, document
// mapping and tenant tokens arrive with the worker-profile index.
export type Search = Meilisearch;

export function createSearch(url: string, apiKey: string, opts: { timeoutMs?: number } = {}): Search {
  // Uncompressed answers: Meilisearch sits next to the app, and with gzip (fetch's default) a 20-hit search took
  // ~45 ms round trip instead of ~2 ms here (measured by scripts/bench/match.ts and the import bench).
  return new Meilisearch({ host: url, apiKey, timeout: opts.timeoutMs ?? 5_000, requestInit: { headers: { "Accept-Encoding": "identity" } } });
}

export async function pingSearch(search: Search): Promise<boolean> {
  try {
    const h = await search.health();
    return h.status === "available";
  } catch {
    return false;
  }
}

/**
 * True when `e` says Meilisearch is down, restarting or saturated (no answer, a timeout, a 5xx, or its
 * `too_many_search_requests`): the request can be retried later. A 4xx about the request itself is not.
 */
export function isSearchUnavailableError(e: unknown): boolean {
  if (e instanceof MeilisearchRequestError || e instanceof MeilisearchRequestTimeOutError) return true;
  if (e instanceof MeilisearchApiError) {
    return e.response.status >= 500 || e.response.status === 429 || e.cause?.code === "too_many_search_requests";
  }
  return false;
}
