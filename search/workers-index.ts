import { generateTenantToken } from "meilisearch/token";
import { CERTIFICATE_CODES } from "~/domain/reference/certificates";
import { OCCUPATIONS } from "~/domain/reference/isco";
import { LANGUAGES } from "~/domain/reference/languages";
import { SECTORS } from "~/domain/reference/sectors";
import { createSearch, type Search } from "./client";
import { DOCUMENT_VERSION_FIELD, type WorkerDocument } from "./worker-document";

export const WORKERS_INDEX = "workers";
const TENANT_KEY_NAME = "jembatan-tenant-search";
const TASK_TIMEOUT = { timeout: 120_000, interval: 100 };

/** Index settings live here, in code, and are applied at start-up (before documents: STACK.md trap 17). */
export function workerIndexSettings() {
  const equality = (attributes: string[]) => ({ attributePatterns: attributes, features: { facetSearch: false, filter: { equality: true, comparison: false } } });
  const comparison = (attributes: string[]) => ({ attributePatterns: attributes, features: { facetSearch: false, filter: { equality: true, comparison: true } } });
  return {
    searchableAttributes: ["name", "occupations", "certificate_names", "regency"],
    displayedAttributes: ["*"],
    filterableAttributes: [
      equality(["agency_id", "status", "consent", "sex", "province_code", "sectors", "isco_codes", "sector_isco", "languages", "certificates", "preferred_countries"]),
      comparison([
        "available_from_ts",
        "birth_year",
        ...LANGUAGES.map((l) => `lang_${l}`),
        ...CERTIFICATE_CODES.map((c) => `cert_until_${c}`),
        ...SECTORS.map((s) => `years_${s}`),
      ]),
    ],
    sortableAttributes: ["available_from_ts", "updated_at_ts", "name"],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    // Occupation titles in English and Indonesian find each other ("cook" ↔ "juru masak").
    synonyms: Object.fromEntries(OCCUPATIONS.flatMap((o) => {
      const names = [o.en.toLowerCase(), o.id.toLowerCase(), ...o.aka.map((a) => a.toLowerCase())];
      return names.map((n) => [n, names.filter((m) => m !== n)]);
    })),
    pagination: { maxTotalHits: 100_000 },
  };
}

/** Creates the index if needed and applies the settings; waits until Meilisearch has taken them. */
export async function ensureWorkersIndex(search: Search, uid = WORKERS_INDEX): Promise<void> {
  try {
    await search.getIndex(uid);
  } catch {
    await search.createIndex(uid, { primaryKey: "id" }).waitTask(TASK_TIMEOUT);
  }
  const task = await search.index(uid).updateSettings(workerIndexSettings() as never).waitTask(TASK_TIMEOUT);
  if (task.status !== "succeeded") throw new Error(`workers index settings failed: ${JSON.stringify(task.error)}`);
}

/** Whether every document in the index has the current shape (DOCUMENT_VERSION); an empty index is current. */
export async function documentsAreCurrent(search: Search, uid = WORKERS_INDEX): Promise<boolean> {
  const stats = await search.index(uid).getStats();
  return stats.numberOfDocuments === 0 || stats.fieldDistribution[DOCUMENT_VERSION_FIELD] === stats.numberOfDocuments;
}

/** Upserts and deletes, each confirmed by Meilisearch's task result before the caller marks the outbox done. */
export async function applyWorkerChanges(search: Search, upserts: WorkerDocument[], deletes: string[], uid = WORKERS_INDEX): Promise<void> {
  const index = search.index(uid);
  if (upserts.length) {
    const t = await index.addDocuments(upserts, { primaryKey: "id" }).waitTask(TASK_TIMEOUT);
    if (t.status !== "succeeded") throw new Error(`addDocuments failed: ${JSON.stringify(t.error)}`);
  }
  if (deletes.length) {
    const t = await index.deleteDocuments(deletes).waitTask(TASK_TIMEOUT);
    if (t.status !== "succeeded") throw new Error(`deleteDocuments failed: ${JSON.stringify(t.error)}`);
  }
}

/** Rebuilds into a fresh index, then swaps it in: searches never see an empty or half-built index. */
export async function rebuildWorkersIndex(search: Search, batches: AsyncIterable<WorkerDocument[]>): Promise<number> {
  const tmp = `${WORKERS_INDEX}_rebuild_${Date.now()}`;
  await ensureWorkersIndex(search);
  await ensureWorkersIndex(search, tmp);
  let n = 0;
  for await (const docs of batches) {
    await applyWorkerChanges(search, docs, [], tmp);
    n += docs.length;
  }
  const swap = await search.swapIndexes([{ indexes: [WORKERS_INDEX, tmp], rename: false }]).waitTask(TASK_TIMEOUT);
  if (swap.status !== "succeeded") throw new Error(`swap failed: ${JSON.stringify(swap.error)}`);
  await search.deleteIndex(tmp).waitTask(TASK_TIMEOUT);
  return n;
}

// The signing key is looked up once per client, not on every search (listing keys is a request of its own).
const signingKeys = new WeakMap<Search, Promise<{ key: string; uid: string }>>();

function tenantSigningKey(search: Search): Promise<{ key: string; uid: string }> {
  let key = signingKeys.get(search);
  if (!key) {
    key = findOrCreateSigningKey(search);
    signingKeys.set(search, key);
    key.catch(() => signingKeys.delete(search));
  }
  return key;
}

/** Forgets the cached signing key (it was deleted or rotated in Meilisearch). */
export function forgetSigningKey(search: Search): void {
  signingKeys.delete(search);
}

/** A search-only API key that signs tenant tokens (created once, found again by name). */
async function findOrCreateSigningKey(search: Search): Promise<{ key: string; uid: string }> {
  const keys = await search.getKeys({ limit: 1000 });
  const found = keys.results.find((k) => k.name === TENANT_KEY_NAME);
  if (found) return { key: found.key, uid: found.uid };
  const created = await search.createKey({ name: TENANT_KEY_NAME, description: "Signs per-agency tenant tokens", actions: ["search"], indexes: [`${WORKERS_INDEX}*`], expiresAt: null });
  return { key: created.key, uid: created.uid };
}

/**
 * A client that can only ever see one agency's documents: the restriction is in a signed tenant token that
 * Meilisearch enforces on every search, whatever filter or query is sent with it.
 */
export async function agencySearchClient(search: Search, agencyId: string): Promise<Search> {
  if (!/^[0-9a-f-]{36}$/.test(agencyId)) throw new Error("agency id must be a uuid");
  const { key, uid } = await tenantSigningKey(search);
  const token = await generateTenantToken({
    apiKey: key,
    apiKeyUid: uid,
    searchRules: { [WORKERS_INDEX]: { filter: `agency_id = "${agencyId}"` } },
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return createSearch(search.config.host, token);
}

/** Quotes a user-supplied value for a Meilisearch filter (STACK.md trap 15). */
export function quoteFilterValue(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
