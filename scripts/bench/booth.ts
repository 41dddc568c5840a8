// Benchmark: the booth kiosk's live count against the ministry's matching counts for the same order, in the same
// run, over N generated profiles (default 100,000; written for 1,000,000) on throwaway PostgreSQL and Meilisearch.
//   npx tsx scripts/bench/booth.ts [N]
// For four vacancies (cruise waiter, ship cook, care worker, deckhand) it verifies a job order with the same
// fields, then times, call by call interleaved:
//   - kiosk: countVacancy (the service behind the kiosk's count, called in-process), with its one-second cache
//     bypassed, as a typist's keystrokes each describe a new vacancy (the visitor's edits are cycled: contract
//     months, a language level, a certificate added and removed);
//   - ministry: matchJobOrder as the ministry (its counts page; since issue 15 counted by the index's facets with
//     the engine's filters, as the kiosk is, so no ranking is read or kept).
// Every kiosk total must be the ministry's total for the same order as the kiosk shows a count (small cells hidden, the rest
// rounded to 5: app/domain/booth/breakdown.ts) ("equal totals: yes", else exit code 1).
// Prints p50/p95 per side and the ratio ministry / kiosk, and the machine.
import os from "node:os";
import { sql } from "kysely";
import { cell } from "~/domain/booth/breakdown";
import { matchOrderOfVacancy, type Vacancy } from "~/domain/booth/vacancy";
import { isoDay } from "~/domain/dates";
import { type Actor } from "~/domain/org";
import { clearVacancyCounts, countVacancy } from "~/services/booth/count-vacancy.server";
import type { Deps } from "~/services/deps.server";
import { matchJobOrder } from "~/services/matching/match-order.server";
import { clearMatchCache } from "~/services/matching/ranking-cache.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { reindexWorkers } from "~/services/search/drain-outbox.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { createSearch } from "~search/client";
import { sampleVacancies } from "../../tests/support/booth";
import { benchVerifiedOrder, createBenchAgencies, ms, pct, startBenchServices, timed } from "../lib/bench-kit";
import { generateWorker, prng } from "../lib/generate-workers";

const N = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(N) || N < 100) throw new Error("N must be an integer ≥ 100");
const CHUNK = 20_000;
const CALLS = 60; // kiosk calls per vacancy (keystrokes); the ministry's are fewer at large N (see below)
const fmt = (n: number) => n.toLocaleString("en");
const secs = (x: number) => `${(x / 1000).toFixed(1)} s`;

const { db, meili, loadDeps, stop } = await startBenchServices();
try {
  const { agencies, agencyActor } = await createBenchAgencies(loadDeps);
  const rand = prng(42);
  const t0 = performance.now();
  for (let from = 0; from < N; from += CHUNK) {
    const parts: { row: number; data: unknown }[][] = [[], [], []];
    for (let i = from; i < Math.min(N, from + CHUNK); i++)
      parts[i % 3]!.push({ row: i + 2, data: generateWorker(i, rand) });
    for (let k = 0; k < 3; k++)
      if (parts[k]!.length) await importWorkers(loadDeps, agencyActor(agencies[k]!.id), parts[k]!, "valid_only");
  }
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const indexed = await reindexWorkers(loadDeps, CHUNK);
  await sql`update search_outbox set done_at = now() where done_at is null`.execute(db);
  console.log(
    `profiles: ${fmt(N)} imported in ${secs(importMs)}, ${fmt(indexed)} indexed in ${secs(performance.now() - t1)}`,
  );

  const fixedNow = new Date();
  const today = isoDay(fixedNow);
  const deps: Deps = { db, search: createSearch(meili.url, meili.masterKey), now: () => fixedNow };
  const vacancies = sampleVacancies(today);

  const ministryOrg = await unsafeCreateOrg(
    loadDeps,
    { kind: "ministry", slug: "bench-ministry", name: "Bench ministry" },
    { userId: null, label: "bench" },
  );
  const ministry: Actor = { userId: null, orgId: ministryOrg.id, orgKind: "ministry", role: "admin" };
  const q = { limit: 20, offset: 0, nearLimit: 20, nearOffset: 0 };
  const ministryTotal = async (orderId: string) => {
    const view = await matchJobOrder(deps, ministry, orderId, q);
    if (view.kind !== "ministry") throw new Error("expected the ministry's counts");
    return view.total;
  };
  /** The visitor's edits, cycled: each call is a vacancy not asked before in this second. */
  const edits = (v: Vacancy, i: number): Vacancy => {
    const e = { ...v, contractMonths: 1 + ((v.contractMonths + i) % 36) };
    if (i % 3 === 1 && v.languages[0]) e.languages = [{ ...v.languages[0], minLevel: i % 2 ? "A2" : "B2" }];
    if (i % 4 === 2)
      e.certificates = v.certificates.includes("seafarer_medical")
        ? v.certificates
        : [...v.certificates, "seafarer_medical"];
    return e;
  };

  const kiosk: number[] = [];
  /** Kiosk calls after the ministry's calls for the vacancy ended: none of its pool reads (and their GC) nearby. */
  const kioskAlone: number[] = [];
  const ministryMs: number[] = [];
  const mismatches: string[] = [];
  const ministryCalls = N >= 500_000 ? 3 : 10;
  for (const [i, { name, v }] of vacancies.entries()) {
    const o = matchOrderOfVacancy(v, today);
    const order = await benchVerifiedOrder(loadDeps, i + 1, {
      title: name,
      iscoCode: v.iscoCode,
      sector: v.sector,
      country: v.country,
      positions: v.positions,
      startDate: o.startDate,
      contractMonths: v.contractMonths,
      minExperienceYears: 0,
      languages: v.languages,
      certificates: o.certificates,
      ...(v.sector === "cruise" || v.sector === "fishing_vessel" ? {} : { vesselName: undefined }),
    });
    // equal totals for the order itself
    clearMatchCache();
    clearVacancyCounts();
    const [m, k] = [await ministryTotal(order.id), await countVacancy(deps, v)];
    // the kiosk shows a rounded cell of the count (small numbers suppressed, the rest rounded): the ministry's
    // exact count must give that very cell
    if (k.counts.total !== cell(m))
      mismatches.push(`${name}: kiosk ${k.counts.total} vs ministry ${m} (cell ${cell(m)})`);
    else console.log(`${name.padEnd(14)} fits: ${fmt(m)} (kiosk and ministry)`);
    for (let c = 0; c < CALLS; c++) {
      clearVacancyCounts();
      const t = (await timed(() => countVacancy(deps, edits(v, c))))[1];
      kiosk.push(t);
      if (c > ministryCalls) kioskAlone.push(t);
      if (c < ministryCalls) {
        clearMatchCache();
        ministryMs.push((await timed(() => ministryTotal(order.id)))[1]);
      }
    }
  }
  console.log(mismatches.length ? `equal totals: NO\n${mismatches.join("\n")}` : "equal totals: yes");
  console.log("");
  console.log(
    `N = ${fmt(N)} · machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}`,
  );
  console.log(`side                                   calls |    p50    p95 (ms)`);
  const line = (label: string, xs: number[]) =>
    console.log(
      `${label.padEnd(38)} ${String(xs.length).padStart(5)} | ${ms(pct(xs, 0.5)).padStart(6)} ${ms(pct(xs, 0.95)).padStart(6)}`,
    );
  line("kiosk count (cache bypassed)", kiosk);
  line("kiosk count, no ministry call nearby", kioskAlone);
  line("ministry counts (facets)", ministryMs);
  console.log(
    `ratio ministry / kiosk: p50 ${(pct(ministryMs, 0.5) / pct(kiosk, 0.5)).toFixed(1)}x, p95 ${(pct(ministryMs, 0.95) / pct(kiosk, 0.95)).toFixed(1)}x (above 1: the kiosk is faster)`,
  );
  if (mismatches.length) process.exitCode = 1;
} finally {
  await stop();
}
