import { CERTIFICATE_CODES } from "~/domain/reference/certificates";
import { OCCUPATIONS } from "~/domain/reference/isco";
import { LANGUAGES } from "~/domain/reference/languages";
import { SECTORS } from "~/domain/reference/sectors";
import { randomUUID } from "node:crypto";
import type { EnqueuedTaskPromise } from "meilisearch";
import { guarded, meili, type Search } from "./engine";
import { DOCUMENT_VERSION_FIELD, type WorkerDocument } from "./worker-document";

export const WORKERS_INDEX = "workers";
const TASK_TIMEOUT = { timeout: 120_000, interval: 100 };

/** Index settings live here, in code, and are applied at start-up (before documents: changing settings once
 * documents are in makes Meilisearch re-index everything). */
export function workerIndexSettings() {
  const equality = (attributes: string[]) => ({
    attributePatterns: attributes,
    features: { facetSearch: false, filter: { equality: true, comparison: false } },
  });
  const comparison = (attributes: string[]) => ({
    attributePatterns: attributes,
    features: { facetSearch: false, filter: { equality: true, comparison: true } },
  });
  return {
    searchableAttributes: ["name", "occupations", "certificate_names", "regency"],
    displayedAttributes: ["*"],
    filterableAttributes: [
      equality([
        "agency_id",
        "status",
        "consent",
        "sex",
        "province_code",
        "available_month",
        "sectors",
        "isco_codes",
        "sector_isco",
        "languages",
        "certificates",
        "preferred_countries",
      ]),
      comparison([
        "available_from_ts",
        "birth_year",
        ...LANGUAGES.map((l) => `lang_${l}`),
        ...CERTIFICATE_CODES.map((c) => `cert_until_${c}`),
        ...SECTORS.map((s) => `years_${s}`),
        "yocc_*",
        "ymin_*",
      ]),
    ],
    sortableAttributes: ["available_from_ts", "updated_at_ts", "name"],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    // Occupation titles in English and Indonesian find each other ("cook" ↔ "juru masak").
    synonyms: Object.fromEntries(
      OCCUPATIONS.flatMap((o) => {
        const names = [o.en.toLowerCase(), o.id.toLowerCase(), ...o.aka.map((a) => a.toLowerCase())];
        return names.map((n) => [n, names.filter((m) => m !== n)]);
      }),
    ),
    pagination: { maxTotalHits: 100_000 },
  };
}

/** Creates the index if needed and applies the settings; waits until Meilisearch has taken them. */
export function ensureWorkersIndex(search: Search, uid = WORKERS_INDEX): Promise<void> {
  return guarded(() => ensureIndex(search, uid));
}

async function ensureIndex(search: Search, uid: string): Promise<void> {
  const client = meili(search);
  try {
    await client.getIndex(uid);
  } catch {
    await client.createIndex(uid, { primaryKey: "id" }).waitTask(TASK_TIMEOUT);
  }
  const task = await client
    .index(uid)
    .updateSettings(workerIndexSettings() as never)
    .waitTask(TASK_TIMEOUT);
  if (task.status !== "succeeded") throw new Error(`workers index settings failed: ${JSON.stringify(task.error)}`);
}

/** Whether every document in the index has the current shape (DOCUMENT_VERSION); an empty index is current. */
export async function documentsAreCurrent(search: Search, uid = WORKERS_INDEX): Promise<boolean> {
  const stats = await guarded(() => meili(search).index(uid).getStats());
  return stats.numberOfDocuments === 0 || stats.fieldDistribution[DOCUMENT_VERSION_FIELD] === stats.numberOfDocuments;
}

/** How many documents the index holds (for the CLI and benchmarks). */
export async function countIndexedDocuments(search: Search, uid = WORKERS_INDEX): Promise<number> {
  return (await guarded(() => meili(search).index(uid).getStats())).numberOfDocuments;
}

/** Upserts and deletes, each confirmed by Meilisearch's task result before the caller marks the outbox done. */
export function applyWorkerChanges(
  search: Search,
  upserts: WorkerDocument[],
  deletes: string[],
  uid = WORKERS_INDEX,
): Promise<void> {
  return guarded(() => applyChanges(search, upserts, deletes, uid));
}

async function applyChanges(search: Search, upserts: WorkerDocument[], deletes: string[], uid: string): Promise<void> {
  const index = meili(search).index(uid);
  if (upserts.length) {
    const t = await index.addDocuments(upserts, { primaryKey: "id" }).waitTask(TASK_TIMEOUT);
    if (t.status !== "succeeded") throw new Error(`addDocuments failed: ${JSON.stringify(t.error)}`);
  }
  if (deletes.length) {
    const t = await index.deleteDocuments(deletes).waitTask(TASK_TIMEOUT);
    if (t.status !== "succeeded") throw new Error(`deleteDocuments failed: ${JSON.stringify(t.error)}`);
  }
}

/**
 * Sends upserts and deletes to Meilisearch and returns once it has enqueued them, not applied them: `applied()`
 * waits for each task's result (and throws if one did not succeed) before the caller marks its outbox rows done.
 * Meilisearch applies an index's tasks in the order it received them, so the outbox sends its next batch while
 * this one is being applied (decision 024).
 */
export function sendWorkerChanges(
  search: Search,
  upserts: WorkerDocument[],
  deletes: string[],
  uid = WORKERS_INDEX,
): Promise<{ applied: () => Promise<void> }> {
  return guarded(async () => {
    const index = meili(search).index(uid);
    const tasks: { what: string; task: EnqueuedTaskPromise }[] = [];
    if (upserts.length) {
      const task = index.addDocuments(upserts, { primaryKey: "id" });
      await task;
      tasks.push({ what: "addDocuments", task });
    }
    if (deletes.length) {
      const task = index.deleteDocuments(deletes);
      await task;
      tasks.push({ what: "deleteDocuments", task });
    }
    return {
      applied: () =>
        guarded(async () => {
          for (const { what, task } of tasks) {
            const t = await task.waitTask(TASK_TIMEOUT);
            if (t.status !== "succeeded") throw new Error(`${what} failed: ${JSON.stringify(t.error)}`);
          }
        }),
    };
  });
}

/** Rebuilds into a fresh index, then swaps it in: searches never see an empty or half-built index. */
export async function rebuildWorkersIndex(search: Search, batches: AsyncIterable<WorkerDocument[]>): Promise<number> {
  // unique, not dated: a rebuild's name needs no clock
  const tmp = `${WORKERS_INDEX}_rebuild_${randomUUID().replaceAll("-", "")}`;
  await ensureWorkersIndex(search);
  await ensureWorkersIndex(search, tmp);
  let n = 0;
  for await (const docs of batches) {
    await applyWorkerChanges(search, docs, [], tmp);
    n += docs.length;
  }
  await guarded(async () => {
    const client = meili(search);
    const swap = await client.swapIndexes([{ indexes: [WORKERS_INDEX, tmp], rename: false }]).waitTask(TASK_TIMEOUT);
    if (swap.status !== "succeeded") throw new Error(`swap failed: ${JSON.stringify(swap.error)}`);
    await client.deleteIndex(tmp).waitTask(TASK_TIMEOUT);
  });
  return n;
}
