// Benchmark: import + index N generated profiles (default 100,000) on throwaway PostgreSQL and Meilisearch.
//   npx tsx scripts/bench/import-index.ts [N]
// Prints rows/s for the PostgreSQL import and for the outbox catching up in Meilisearch, the time until all
// consenting profiles are searchable, and the batched import against row-by-row saves of the same profiles,
// measured in the same process (the baseline).
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { drainOutbox } from "~/services/search/drain-outbox.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { searchWorkers } from "~/services/workers/search-workers.server";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { countIndexedDocuments, ensureWorkersIndex } from "~search/workers-index";
import { startEmbeddedMeilisearch } from "../lib/embedded-meilisearch";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { generateWorker, prng } from "../lib/generate-workers";

const N = Number(process.argv[2] ?? 100_000);
const BASELINE = Math.min(2_000, N);
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en")} rows/s`;

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
  const mk = (slug: string) =>
    unsafeCreateOrg(
      deps,
      { kind: "agency", slug, name: slug, licenceNumber: `SIP-${slug}` },
      { userId: null, label: "bench" },
    );
  const [agency, baselineAgency] = await Promise.all([mk("bench-agency"), mk("bench-baseline")]);
  const actor = (id: string) => ({ userId: null, orgId: id, orgKind: "agency" as const, role: "admin" as const });

  const rand = prng(42);
  const rows = Array.from({ length: N }, (_, i) => ({ row: i + 2, data: generateWorker(i, rand) }));
  const consenting = rows.filter((r) => (r.data as { consentToMatching: boolean }).consentToMatching).length;

  // Baseline: the same use case, one profile per transaction (as the form saves them).
  const b0 = performance.now();
  for (const r of rows.slice(0, BASELINE)) await saveWorker(deps, actor(baselineAgency.id), r.data as never);
  const baselineMs = performance.now() - b0;
  await drainOutbox(deps, 5000);

  const t0 = performance.now();
  const report = await importWorkers(deps, actor(agency.id), rows, "valid_only");
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const drained = await drainOutbox(deps, 10_000);
  const indexMs = performance.now() - t1;
  const stats = { numberOfDocuments: await countIndexedDocuments(deps.search) };
  // the agency's search as the /workers page runs it (tenant token, facets); the first call also looks up the
  // tenant-token signing key (once per process), so it is not the one timed
  const typo = { q: "wijya", sector: "cruise", lang: "en", minLevel: "B2", page: 1 };
  await searchWorkers(deps, actor(agency.id), typo);
  const q0 = performance.now();
  const hits = await searchWorkers(deps, actor(agency.id), typo);
  const queryMs = performance.now() - q0;

  const batchedRate = report.created / importMs;
  const baselineRate = BASELINE / baselineMs;
  console.log(`profiles generated:          ${N.toLocaleString("en")} (${consenting.toLocaleString("en")} consenting)`);
  console.log(
    `PostgreSQL import (batched): ${report.created.toLocaleString("en")} rows in ${(importMs / 1000).toFixed(1)} s = ${rate(report.created, importMs)} (errors: ${report.errors.length})`,
  );
  console.log(
    `baseline, row by row:        ${BASELINE.toLocaleString("en")} rows in ${(baselineMs / 1000).toFixed(1)} s = ${rate(BASELINE, baselineMs)}`,
  );
  console.log(`ratio batched / row-by-row:  ${(batchedRate / baselineRate).toFixed(1)}x`);
  console.log(
    `index catch-up (outbox):     ${drained.indexed.toLocaleString("en")} documents in ${(indexMs / 1000).toFixed(1)} s = ${rate(drained.indexed, indexMs)}`,
  );
  console.log(
    `searchable after:            ${((importMs + indexMs) / 1000).toFixed(1)} s from the start of the import (goal: 60 s); index holds ${stats.numberOfDocuments.toLocaleString("en")} documents`,
  );
  console.log(
    `typo search + 3 filters:     ${hits.total} hits, ${queryMs.toFixed(1)} ms round trip (Meilisearch ${hits.processingTimeMs} ms)`,
  );
} finally {
  await db.destroy();
  await Promise.allSettled([pg.stop(), meili.stop()]);
}
