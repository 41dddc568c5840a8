import { connect, guarded, meili, type Search } from "./engine";

// search/ is the only code that knows Meilisearch (the search port: docs/decisions/015-search-port.md).
// Outside it, a `Search` is an opaque handle passed to the port's functions; errors are the port's own
// (search/errors.ts).
export type { Search };

export function createSearch(url: string, apiKey: string, opts: { timeoutMs?: number } = {}): Search {
  return connect(url, apiKey, opts.timeoutMs);
}

export async function pingSearch(search: Search): Promise<boolean> {
  try {
    const h = await guarded(() => meili(search).health());
    return h.status === "available";
  } catch {
    return false;
  }
}
