// Benchmark: import + index N generated profiles (default 100,000) on throwaway PostgreSQL and Meilisearch.
//   npm run build && npx tsx scripts/bench/import-index.ts [N]
// Three runs on fresh services each, with the same profiles:
// - as the server runs it: the outbox worker (startOutboxWorker, every OUTBOX_POLL_MS) drains into Meilisearch
//   WHILE the import runs; "searchable after" is from the start of the import until every consenting profile is
//   in the index (the import is done and the outbox has nothing left);
// - through the API: the built app (scripts/serve.ts, its own outbox worker) answers POST /api/v1/workers/import
//   with the profiles as CSV; searchable once the answer is in and the outbox has nothing left;
// - sequential, the old figure (the baseline): the import, then the outbox drained after it.
// Also: the batched import against row-by-row saves (same process), and Meilisearch's own ingest of the same
// documents (a reindex from PostgreSQL into a fresh index), which bounds what the outbox can reach.
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import type { Deps } from "~/services/deps.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { drainOutbox, reindexWorkers, startOutboxWorker } from "~/services/search/drain-outbox.server";
import { importWorkers, type ImportReport } from "~/services/workers/import-workers.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { searchWorkers } from "~/services/workers/search-workers.server";
import { createDb, migrateToLatest } from "~db/client";
import { outboxBacklog } from "~db/search-outbox";
import { createSearch } from "~search/client";
import { countIndexedDocuments, ensureWorkersIndex } from "~search/workers-index";
import { startEmbeddedMeilisearch } from "../lib/embedded-meilisearch";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { generateWorker, prng, workersCsv } from "../lib/generate-workers";
import { getFreePort } from "../lib/ports";

const N = Number(process.argv[2] ?? 100_000);
const BASELINE = Math.min(2_000, N);
// the server's default (app/env.server.ts)
const OUTBOX_POLL_MS = Number(process.env.OUTBOX_POLL_MS ?? 1000);
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en")} rows/s`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString("en");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rand = prng(42);
const rows = Array.from({ length: N }, (_, i) => ({ row: i + 2, data: generateWorker(i, rand) }));
const consenting = rows.filter((r) => (r.data as { consentToMatching: boolean }).consentToMatching).length;
const actor = (id: string) => ({ userId: null, orgId: id, orgKind: "agency" as const, role: "admin" as const });

/** Fresh PostgreSQL and Meilisearch for one run, stopped after it. */
async function withServices<T>(
  run: (
    deps: Deps,
    agencyId: (slug: string) => Promise<string>,
    services: { pg: string; meili: string; meiliKey: string },
  ) => Promise<T>,
) {
  const [pgDir, meiliDir] = await Promise.all([
    mkdtemp(path.join(os.tmpdir(), "bench-pg-")),
    mkdtemp(path.join(os.tmpdir(), "bench-meili-")),
  ]);
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: pgDir, persistent: false }),
    startEmbeddedMeilisearch({ dir: meiliDir, masterKey: randomBytes(24).toString("hex"), persistent: false }),
  ]);
  const db = createDb(pg.url, { max: 4 });
  try {
    await migrateToLatest(db);
    const deps = { db, search: createSearch(meili.url, meili.masterKey), now: () => new Date() };
    await ensureWorkersIndex(deps.search);
    const agencyId = async (slug: string) =>
      (
        await unsafeCreateOrg(
          deps,
          { kind: "agency", slug, name: slug, licenceNumber: `SIP-${slug}` },
          { userId: null, label: "bench" },
        )
      ).id;
    return await run(deps, agencyId, { pg: pg.url, meili: meili.url, meiliKey: meili.masterKey });
  } finally {
    await db.destroy();
    await Promise.allSettled([pg.stop(), meili.stop()]);
  }
}

// 1. As the server runs it: the outbox worker drains while the import runs.
const live = await withServices(async (deps, agencyId) => {
  const agency = await agencyId("bench-agency");
  const outbox = startOutboxWorker(deps, {
    intervalMs: OUTBOX_POLL_MS,
    onError: (e) => console.error("[outbox]", e instanceof Error ? e.message : e),
    onBatchFailed: (r) => console.error("[outbox] batch failed:", r.error),
  });
  try {
    const t0 = performance.now();
    let importMs = 0;
    let report: ImportReport | undefined;
    const importing = importWorkers(deps, actor(agency), rows, "valid_only").then((r) => {
      importMs = performance.now() - t0;
      report = r;
    });
    let indexedAtImportEnd = -1;
    for (;;) {
      await sleep(100);
      if (!report) continue;
      if (indexedAtImportEnd < 0) indexedAtImportEnd = await countIndexedDocuments(deps.search);
      if ((await outboxBacklog(deps.db)) === 0) break;
    }
    const searchableMs = performance.now() - t0;
    await importing;
    const indexed = await countIndexedDocuments(deps.search);
    // the agency's search as the /workers page runs it (tenant token, facets); the first call also looks up the
    // tenant-token signing key (once per process), so it is not the one timed
    const typo = { q: "wijya", sector: "cruise", lang: "en", minLevel: "B2", page: 1 };
    await searchWorkers(deps, actor(agency), typo);
    const q0 = performance.now();
    const hits = await searchWorkers(deps, actor(agency), typo);
    const queryMs = performance.now() - q0;
    await outbox.stop();
    // Meilisearch's own ingest of the same documents: everything from PostgreSQL into a fresh index
    const r0 = performance.now();
    const reindexed = await reindexWorkers(deps, 10_000);
    const reindexMs = performance.now() - r0;
    return {
      report: report!,
      importMs,
      searchableMs,
      indexed,
      indexedAtImportEnd,
      hits,
      queryMs,
      reindexed,
      reindexMs,
    };
  } finally {
    await outbox.stop();
  }
});

// 2. Through the API, as an agency sends a file: the built app with its own outbox worker.
const api = await withServices(async (deps, _agencyId, services) => {
  const org = await unsafeCreateOrg(
    deps,
    { kind: "agency", slug: "bench-api", name: "bench-api", licenceNumber: "SIP-bench-api" },
    { userId: null, label: "bench" },
  );
  const { key } = await unsafeCreateApiKey(deps, org, "bench", { userId: null, label: "bench" });
  const csv = Buffer.from(workersCsv(rows.map((r) => r.data as never)));
  const port = await getFreePort();
  const root = path.resolve(import.meta.dirname, "../..");
  const app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: services.pg,
      MEILI_URL: services.meili,
      MEILI_MASTER_KEY: services.meiliKey,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      OUTBOX_POLL_MS: String(OUTBOX_POLL_MS),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = "";
      app.stdout?.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes("listening on")) resolve();
      });
      app.once("exit", (code) => reject(new Error(`app exited (${code}): ${out}`)));
    });
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/workers/import`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/csv" },
      body: csv,
    });
    const answer = (await res.json()) as { created?: number; errors?: unknown[] };
    const importMs = performance.now() - t0;
    while ((await outboxBacklog(deps.db)) > 0) await sleep(100);
    const searchableMs = performance.now() - t0;
    return {
      status: res.status,
      created: answer.created ?? 0,
      errors: answer.errors?.length ?? 0,
      importMs,
      searchableMs,
      indexed: await countIndexedDocuments(deps.search),
      bytes: csv.byteLength,
    };
  } finally {
    const exited = new Promise((r) => app.once("exit", r));
    app.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
  }
});

// 3. Sequential (the old figure): the import, then the outbox drained; and the row-by-row baseline.
const seq = await withServices(async (deps, agencyId) => {
  const [agency, baselineAgency] = await Promise.all([agencyId("bench-agency"), agencyId("bench-baseline")]);
  // Baseline: the same use case, one profile per transaction (as the form saves them).
  const b0 = performance.now();
  for (const r of rows.slice(0, BASELINE)) await saveWorker(deps, actor(baselineAgency), r.data as never);
  const baselineMs = performance.now() - b0;
  await drainOutbox(deps);
  const t0 = performance.now();
  const report = await importWorkers(deps, actor(agency), rows, "valid_only");
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const drained = await drainOutbox(deps);
  const indexMs = performance.now() - t1;
  return { report, importMs, indexMs, drained, baselineMs };
});

const liveRate = live.report.created / live.importMs;
const seqRate = seq.report.created / seq.importMs;
const baselineRate = BASELINE / seq.baselineMs;
console.log(
  `profiles generated:            ${n(N)} (${n(consenting)} consenting); outbox polled every ${OUTBOX_POLL_MS} ms`,
);
console.log("as the server runs it (outbox draining during the import):");
console.log(
  `  PostgreSQL import (batched): ${n(live.report.created)} rows in ${s(live.importMs)} = ${rate(live.report.created, live.importMs)} (errors: ${live.report.errors.length}); index held ${n(live.indexedAtImportEnd)} documents when it ended`,
);
console.log(
  `  searchable after:            ${s(live.searchableMs)} from the start of the import (goal: 25 s); index holds ${n(live.indexed)} documents`,
);
console.log(
  `  typo search + 3 filters:     ${live.hits.total} hits, ${live.queryMs.toFixed(1)} ms round trip (Meilisearch ${live.hits.processingTimeMs} ms)`,
);
console.log(
  `  Meilisearch's own ingest:    ${n(live.reindexed)} documents reindexed from PostgreSQL into a fresh index in ${s(live.reindexMs)} = ${rate(live.reindexed, live.reindexMs)}`,
);
console.log(
  `through the API (POST /api/v1/workers/import, CSV ${(api.bytes / 1024 / 1024).toFixed(1)} MB, the built app):`,
);
console.log(
  `  HTTP ${api.status}, ${n(api.created)} created (errors: ${api.errors}) in ${s(api.importMs)} = ${rate(api.created, api.importMs)}; searchable after ${s(api.searchableMs)}; index holds ${n(api.indexed)} documents`,
);
console.log("sequential (baseline: the import, then the outbox drained):");
console.log(
  `  PostgreSQL import (batched): ${n(seq.report.created)} rows in ${s(seq.importMs)} = ${rate(seq.report.created, seq.importMs)} (errors: ${seq.report.errors.length})`,
);
console.log(
  `  index catch-up (outbox):     ${n(seq.drained.indexed)} documents in ${s(seq.indexMs)} = ${rate(seq.drained.indexed, seq.indexMs)}`,
);
console.log(`  searchable after:            ${s(seq.importMs + seq.indexMs)} from the start of the import`);
console.log(
  `  row by row:                  ${n(BASELINE)} rows in ${s(seq.baselineMs)} = ${rate(BASELINE, seq.baselineMs)}`,
);
console.log("ratios:");
console.log(`  batched / row-by-row:        ${(seqRate / baselineRate).toFixed(1)}x (import alone)`);
console.log(
  `  searchable, sequential / draining during the import: ${((seq.importMs + seq.indexMs) / live.searchableMs).toFixed(2)}x (import rate ${(liveRate / seqRate).toFixed(2)}x of the import alone); sequential / API: ${((seq.importMs + seq.indexMs) / api.searchableMs).toFixed(2)}x`,
);
