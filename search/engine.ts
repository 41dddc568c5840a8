import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from "meilisearch";
import { SearchRequestError, SearchUnavailableError } from "./errors";

// Internal to search/ (the lint rules forbid importing this file from anywhere else): the Meilisearch client
// behind the opaque `Search` handle, and the one place its errors are translated into the port's own.

declare const opaque: unique symbol;

/**
 * A connection to the search engine. Opaque outside search/: services hold it and pass it to the port's
 * functions; only search/ can reach the client inside.
 */
export interface Search {
  readonly [opaque]: "Search";
}

interface Engine {
  client: Meilisearch;
  url: string;
}

// The client travels on the handle, under a registry symbol, not in a module-level map: the Remix build bundles
// search/ into build/index.js while scripts/http-server.ts loads it from source, so two copies of this module
// share every handle the server creates.
const ENGINE = Symbol.for("jembatan.search.engine");

/**
 * A client for `url`. Uncompressed answers: Meilisearch sits next to the app, and with gzip (fetch's default) a
 * 20-hit search took ~45 ms round trip instead of ~2 ms here (measured by scripts/bench/match.ts and the import
 * bench).
 */
export function meilisearchClient(url: string, apiKey: string, timeoutMs = 5_000): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    timeout: timeoutMs,
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
}

export function connect(url: string, apiKey: string, timeoutMs?: number): Search {
  const engine: Engine = { client: meilisearchClient(url, apiKey, timeoutMs), url };
  return Object.freeze(Object.defineProperty({}, ENGINE, { value: engine, enumerable: false })) as unknown as Search;
}

function engineOf(search: Search): Engine {
  const e = (search as unknown as { [ENGINE]?: Engine })[ENGINE];
  if (!e) throw new Error("not a Search made by createSearch");
  return e;
}

/** The Meilisearch client behind a handle. */
export const meili = (search: Search): Meilisearch => engineOf(search).client;

/** The URL the handle talks to (tenant-token clients go to the same server). */
export const urlOf = (search: Search): string => engineOf(search).url;

/** A Meilisearch error saying the server is down, restarting or saturated (retry later). */
function isUnavailable(e: unknown): boolean {
  if (e instanceof MeilisearchRequestError || e instanceof MeilisearchRequestTimeOutError) return true;
  if (e instanceof MeilisearchApiError) {
    return e.response.status >= 500 || e.response.status === 429 || e.cause?.code === "too_many_search_requests";
  }
  return false;
}

/** Meilisearch's error code on an API error (`invalid_api_key`, `document_not_found`, …), if any. */
export function apiErrorCode(e: unknown): string | undefined {
  return e instanceof MeilisearchApiError ? e.cause?.code : undefined;
}

/** Translates Meilisearch's errors into the port's own (message kept, original as `cause`); others pass through. */
export function translateError(e: unknown): unknown {
  if (isUnavailable(e)) return new SearchUnavailableError((e as Error).message, { cause: e });
  if (e instanceof MeilisearchError) return new SearchRequestError(e.message, { cause: e });
  return e;
}

/** Runs one of the port's operations: whatever Meilisearch throws leaves as the port's own error. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw translateError(e);
  }
}
