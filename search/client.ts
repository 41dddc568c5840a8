import { Meilisearch } from "meilisearch";

// search/ is the only code that knows Meilisearch (STYLE.md: the search port). Index settings, document
// mapping and tenant tokens arrive with the worker-profile index.
export type Search = Meilisearch;

export function createSearch(url: string, apiKey: string): Search {
  return new Meilisearch({ host: url, apiKey, timeout: 5_000 });
}

export async function pingSearch(search: Search): Promise<boolean> {
  try {
    const h = await search.health();
    return h.status === "available";
  } catch {
    return false;
  }
}
