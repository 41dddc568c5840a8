import { apiErrorCode, guarded, meili, type Search } from "./engine";
import { asAgency, TENANT_KEY_NAME } from "./tenant";
import { WORKERS_INDEX } from "./workers-index";

// Test support, and only that (the lint rules allow importing it from tests/ alone): raw access to an index, for
// arranging a situation behind the port's back (an older document, a damaged index, a deleted signing key) and
// for asserting what was stored. Raw filter strings are allowed here on purpose: tests/integration/
// meilisearch-traps.test.ts pins Meilisearch's own behaviour, and the tenant-token test sends forged filters to
// prove the token holds. Application code builds filters in search/filter.ts only.

export type RawDocument = Record<string, unknown>;

/** The stored document with this id, or null when the index has none (any other failure throws). */
export function rawDocument(search: Search, id: string, uid = WORKERS_INDEX): Promise<RawDocument | null> {
  return guarded(async () => {
    try {
      return await meili(search).index(uid).getDocument<RawDocument>(id);
    } catch (e) {
      if (apiErrorCode(e) === "document_not_found") return null;
      throw e;
    }
  });
}

/** The ids of every document in the index (or of those among `ids`), read in pages. */
export function indexedIds(search: Search, opts: { ids?: readonly string[]; uid?: string } = {}): Promise<string[]> {
  return guarded(async () => {
    const index = meili(search).index(opts.uid ?? WORKERS_INDEX);
    const out: string[] = [];
    for (let offset = 0; ; offset += 10_000) {
      const page = await index.getDocuments({
        fields: ["id"],
        limit: 10_000,
        offset,
        ...(opts.ids ? { ids: [...opts.ids] } : {}),
      });
      out.push(...page.results.map((d) => String(d.id)));
      if (offset + 10_000 >= page.total) return out;
    }
  });
}

/** Writes documents as they are, bypassing the document mapping (e.g. one of an older shape). */
export function putRawDocuments(search: Search, docs: readonly RawDocument[], uid = WORKERS_INDEX): Promise<void> {
  return guarded(async () => {
    await meili(search)
      .index(uid)
      .addDocuments([...docs], { primaryKey: "id" })
      .waitTask();
  });
}

/** Deletes a document behind PostgreSQL's back (a damaged index). */
export function deleteRawDocument(search: Search, id: string, uid = WORKERS_INDEX): Promise<void> {
  return guarded(async () => {
    await meili(search).index(uid).deleteDocument(id).waitTask();
  });
}

/** The uids of every index on the server. */
export function indexUids(search: Search): Promise<string[]> {
  return guarded(async () => (await meili(search).getIndexes({ limit: 1000 })).results.map((i) => i.uid));
}

export function deleteIndex(search: Search, uid: string): Promise<void> {
  return guarded(async () => {
    await meili(search).deleteIndex(uid).waitTask();
  });
}

/** Changes settings of a scratch index, to bring a Meilisearch limit within a test's reach. */
export function updateRawSettings(
  search: Search,
  uid: string,
  s: { sortableAttributes?: string[]; maxTotalHits?: number; searchCutoffMs?: number },
): Promise<void> {
  return guarded(async () => {
    await meili(search)
      .index(uid)
      .updateSettings({
        ...(s.sortableAttributes ? { sortableAttributes: s.sortableAttributes } : {}),
        ...(s.maxTotalHits !== undefined ? { pagination: { maxTotalHits: s.maxTotalHits } } : {}),
        ...(s.searchCutoffMs !== undefined ? { searchCutoffMs: s.searchCutoffMs } : {}),
      })
      .waitTask();
  });
}

export interface RawQuery {
  filter?: string;
  sort?: string[];
  fields?: string[];
  limit?: number;
  offset?: number;
}

/** POST /documents/fetch as it is: `{ total, results }`. */
export function rawFetch(search: Search, uid: string, q: RawQuery): Promise<{ total: number; results: RawDocument[] }> {
  return guarded(async () => {
    const r = await meili(search)
      .index(uid)
      .getDocuments<RawDocument>({
        filter: q.filter,
        sort: q.sort,
        fields: q.fields as never,
        limit: q.limit,
        offset: q.offset,
      } as never);
    return { total: r.total, results: r.results };
  });
}

/** A search as it is, with the master key: its hits. */
export function rawSearch(
  search: Search,
  uid: string,
  text: string,
  q: RawQuery = {},
): Promise<{ hits: RawDocument[] }> {
  return guarded(async () => {
    const r = await meili(search).index(uid).search(text, {
      filter: q.filter,
      sort: q.sort,
      attributesToRetrieve: q.fields,
      limit: q.limit,
      offset: q.offset,
    });
    return { hits: r.hits as RawDocument[] };
  });
}

/**
 * What an agency's tenant token can do when used directly, whatever it is sent: search with any filter, read a
 * document, write one. Each rejects when Meilisearch refuses.
 */
export function asTenant(search: Search, agencyId: string) {
  const run = <T>(f: Parameters<typeof asAgency<T>>[2]) => guarded(() => asAgency(search, agencyId, f));
  return {
    search: (text: string, q: { filter?: string; limit?: number } = {}) =>
      run(async (c) => (await c.index(WORKERS_INDEX).search(text, q)).hits as RawDocument[]),
    getDocument: (id: string) =>
      run(async (c) => (await c.index(WORKERS_INDEX).getDocument<RawDocument>(id)) as RawDocument),
    addDocuments: (docs: readonly RawDocument[]) =>
      run(async (c) => void (await c.index(WORKERS_INDEX).addDocuments([...docs]))),
  };
}

/** Deletes the key that signs tenant tokens (as if it was rotated): the port must look it up again. */
export function deleteTenantSigningKeys(search: Search): Promise<void> {
  return guarded(async () => {
    const client = meili(search);
    const keys = await client.getKeys({ limit: 1000 });
    for (const k of keys.results.filter((k) => k.name === TENANT_KEY_NAME)) await client.deleteKey(k.uid);
  });
}
