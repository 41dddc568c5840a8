import { pingDb } from "~db/client";
import { pingSearch } from "~search/client";
import type { Deps } from "./deps.server";

export async function checkHealth(deps: Deps) {
  const [postgres, meilisearch] = await Promise.all([pingDb(deps.db), pingSearch(deps.search)]);
  return {
    ok: postgres && meilisearch,
    postgres: postgres ? "up" : "down",
    meilisearch: meilisearch ? "up" : "down",
  } as const;
}
