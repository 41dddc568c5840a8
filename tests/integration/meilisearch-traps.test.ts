import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteIndex, putRawDocuments, rawFetch, rawSearch, updateRawSettings } from "~search/testing";
import { ensureWorkersIndex } from "~search/workers-index";
import { testDeps } from "../support/fixtures";

// Behaviour of Meilisearch 1.21 that the matching retrieval is designed around (search/match-retrieval.ts). If an
// upgrade changes any of it, these fail and the design note there should be revisited.

const deps = testDeps();
const uid = `traps_${Date.now()}`;
const ids = (r: { results: Record<string, unknown>[] } | { hits: Record<string, unknown>[] }) =>
  ("results" in r ? r.results : r.hits).map((d) => d.id as string);

beforeAll(async () => {
  await ensureWorkersIndex(deps.search, uid);
  await updateRawSettings(deps.search, uid, { sortableAttributes: ["id", "years_cruise"] });
  const docs = Array.from({ length: 40 }, (_, i) => ({
    id: `d${String(i).padStart(2, "0")}`,
    sectors: ["x"],
    ...(i % 5 === 0 ? {} : { years_cruise: i % 4 }),
  }));
  await putRawDocuments(deps.search, docs, uid);
});
afterAll(async () => {
  await deleteIndex(deps.search, uid);
  await deps.db.destroy();
});

describe("Meilisearch behaviour the matching retrieval avoids", () => {
  it("documents/fetch with sort drops documents lacking the sort field, while its total still counts them", async () => {
    const r = await rawFetch(deps.search, uid, {
      filter: `sectors = "x"`,
      fields: ["id"],
      limit: 100,
      sort: ["years_cruise:desc"],
    });
    expect(r.total).toBe(40);
    expect(r.results.length).toBe(32);
  });

  it("documents/fetch with sort skips back one document at some offsets (search with sort does not, but is cut off silently)", async () => {
    const sort = ["years_cruise:desc", "id:asc"];
    const filter = "years_cruise EXISTS";
    const all = ids(await rawFetch(deps.search, uid, { filter, fields: ["id"], limit: 100, sort }));
    const page = ids(await rawFetch(deps.search, uid, { filter, fields: ["id"], limit: 3, offset: 5, sort }));
    expect(page).not.toEqual(all.slice(5, 8));
    const searched = ids(await rawSearch(deps.search, uid, "", { filter, sort, limit: 3, offset: 5, fields: ["id"] }));
    expect(searched).toEqual(all.slice(5, 8));
  });

  it("unsorted documents/fetch pages are exact slices", async () => {
    const all = ids(await rawFetch(deps.search, uid, { filter: `sectors = "x"`, fields: ["id"], limit: 100 }));
    const pages = [];
    for (let offset = 0; offset < 40; offset += 7)
      pages.push(
        ...ids(await rawFetch(deps.search, uid, { filter: `sectors = "x"`, fields: ["id"], limit: 7, offset })),
      );
    expect(pages).toEqual(all);
  });
});
