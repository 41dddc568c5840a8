import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureKey } from "~/domain/matching/gates";
import { rankPool } from "~/domain/matching/score";
import { isoDay } from "~/domain/org";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { allNearMisses, candidateOf, computeRanking, matchJobOrder, matchOrderOf } from "~/services/matching/match-order.server";
import { workerSource } from "~/services/search/worker-source.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { toWorkerDocument } from "~search/worker-document";
import { applyWorkerChanges, ensureWorkersIndex } from "~search/workers-index";
import { generateWorker, prng } from "../../scripts/lib/generate-workers";
import { orgWithUser, testDeps } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed } from "../support/workers";

// The engine (Meilisearch filters + the domain's score + PostgreSQL re-check) against a brute-force ranking of
// the same profiles read straight from PostgreSQL and ranked by app/domain/matching in TypeScript.

const N = 5_000;
const deps = testDeps();
let agency: Awaited<ReturnType<typeof orgWithUser>>;
let orders: Awaited<ReturnType<typeof verifiedOrder>>[];

/** Generated profiles, varied beyond the generator: second sectors, two evidences, preferred countries. */
function profiles(): WorkerProfileInput[] {
  const rand = prng(7);
  return Array.from({ length: N }, (_, i) => {
    const w = generateWorker(i, rand) as WorkerProfileInput;
    const extra: Partial<WorkerProfileInput> = { nik: undefined, passportNumber: undefined, externalRef: `AGREE-${i}` };
    if (i % 5 === 0) extra.experiences = [...w.experiences, { sector: "hospitality", iscoCode: "5120", years: 1 + (i % 4) }];
    if (i % 6 === 0) extra.experiences = [...(extra.experiences ?? w.experiences), { sector: w.experiences[0]!.sector, iscoCode: w.experiences[0]!.iscoCode === "5131" ? "5120" : "5131", years: 0.5 + (i % 3) }];
    if (i % 7 === 0) extra.languages = [...w.languages, { code: "en", kind: "cefr", level: (["A2", "B1", "B2", "C1"] as const)[i % 4]! }];
    if (i % 3 === 0) extra.preferredCountries = ["US"];
    return { ...w, ...extra };
  });
}

beforeAll(async () => {
  await ensureWorkersIndex(deps.search);
  agency = await orgWithUser(deps, "agency");
  const rows = profiles().map((data, i) => ({ row: i + 2, data }));
  const report = await importWorkers(deps, agencyActor(agency.org), rows, "valid_only");
  expect(report.created).toBe(N);
  orders = [];
  for (const patch of [
    { title: "Assistant Waiter", iscoCode: "5131", sector: "cruise", minExperienceYears: 1, languages: [{ code: "en", minLevel: "B1" }], certificates: [{ code: "stcw_bst", mandatory: true }, { code: "food_safety", mandatory: false }] },
    { title: "Ship cook", iscoCode: "5120", sector: "cruise", minExperienceYears: 3, languages: [{ code: "en", minLevel: "B2" }], certificates: [{ code: "stcw_bst", mandatory: true }, { code: "seafarer_medical", mandatory: true }, { code: "crowd_management", mandatory: false }] },
    { title: "Care worker", iscoCode: "5322", sector: "health_care", minExperienceYears: 2, languages: [{ code: "de", minLevel: "B1" }], certificates: [{ code: "nurse_registration", mandatory: false }], vesselName: undefined },
    { title: "Welder", iscoCode: "7212", sector: "construction", minExperienceYears: 0, languages: [{ code: "ko", minLevel: "A2" }], certificates: [{ code: "eps_topik", mandatory: true }, { code: "welding_6g", mandatory: false }], vesselName: undefined },
    { title: "Deckhand", iscoCode: "8350", sector: "fishing_vessel", minExperienceYears: 0, languages: [], certificates: [{ code: "stcw_bst", mandatory: true }, { code: "seaman_book", mandatory: true }] },
  ]) {
    orders.push(await verifiedOrder(deps, patch));
  }
  const ids = (await deps.db.selectFrom("workers").select("id").where("agency_org_id", "=", agency.org.id).execute()).map((r) => r.id);
  await waitIndexed(deps, ids, 120_000);
}, 300_000);
afterAll(() => deps.db.destroy());

async function bruteForce(made: (typeof orders)[number]) {
  const rows = await deps.db.selectFrom("workers").selectAll().where("agency_org_id", "=", agency.org.id).execute();
  return rankPool(matchOrderOf(made.order), rows.map(candidateOf), isoDay(new Date()));
}

describe("the engine agrees with a brute-force ranking of the same profiles", () => {
  it("on every order: the same qualified set in the same order with the same scores, the same near misses and counts", async () => {
    let qualified = 0;
    for (const made of orders) {
      const brute = await bruteForce(made);
      const v = await matchJobOrder(deps, agencyActor(agency.org), made.order.id, { limit: N, offset: 0, nearLimit: N, nearOffset: 0 });
      if (v.kind !== "agency") throw new Error("expected the agency view");
      expect(v.stale).toBe(0);
      expect(v.total, made.order.title).toBe(brute.ranked.length);
      expect(v.results.map((r) => [r.workerId, r.score]), made.order.title).toEqual(brute.ranked.map((r) => [r.candidate.id, r.score]));
      expect(v.results.map((r) => r.components)).toEqual(brute.ranked.map((r) => r.components));
      expect(v.nearMisses.map((n) => [n.workerId, n.key]), made.order.title).toEqual(brute.nearMisses.map((n) => [n.candidate.id, failureKey(n.failed)]));
      for (const { key, count } of v.nearMissCounts) expect(count, key).toBe(brute.nearMisses.filter((n) => failureKey(n.failed) === key).length);
      qualified += brute.ranked.length;
      // the data is not degenerate: each order has candidates, and near misses
      expect(brute.ranked.length, made.order.title).toBeGreaterThan(10);
      expect(brute.nearMisses.length, made.order.title).toBeGreaterThan(10);
    }
    expect(qualified).toBeGreaterThan(200);
  });

  it("pages of the ranked and near-miss lists are slices of the whole", async () => {
    const made = orders[0]!;
    const brute = await bruteForce(made);
    for (const [offset, nearOffset] of [[0, 0], [7, 3], [brute.ranked.length - 2, brute.nearMisses.length - 2]] as const) {
      const v = await matchJobOrder(deps, agencyActor(agency.org), made.order.id, { limit: 5, offset, nearLimit: 5, nearOffset });
      if (v.kind !== "agency") throw new Error("expected the agency view");
      expect(v.results.map((r) => r.workerId)).toEqual(brute.ranked.slice(offset, offset + 5).map((r) => r.candidate.id));
      expect(v.nearMisses.map((n) => n.workerId)).toEqual(brute.nearMisses.slice(nearOffset, nearOffset + 5).map((n) => n.candidate.id));
    }
  });

  it("is not truncated by maxTotalHits or the search cut-off (STACK.md trap 13)", async () => {
    // A scratch index where a search ranks at most 10 hits and is cut off after 1 ms: the engine reads the pool
    // and the near misses with documents/fetch and still has all of them.
    const uid = `workers_trap_${Date.now()}`;
    await ensureWorkersIndex(deps.search, uid);
    await deps.search.index(uid).updateSettings({ pagination: { maxTotalHits: 10 }, searchCutoffMs: 1 }).waitTask();
    const rows = await deps.db.selectFrom("workers").selectAll().where("agency_org_id", "=", agency.org.id).execute();
    await applyWorkerChanges(deps.search, rows.map(workerSource).filter((w) => w.consent).map(toWorkerDocument), [], uid);
    try {
      const made = orders[0]!;
      const o = matchOrderOf(made.order);
      const brute = await bruteForce(made);
      const plain = await deps.search.index(uid).search("", { filter: `agency_id = "${agency.org.id}" AND sectors = "cruise"`, limit: 1000 });
      expect(plain.hits.length).toBeLessThanOrEqual(10); // the trap is live in this index
      const ranking = await computeRanking(deps, o, [agency.org.id], isoDay(new Date()), uid);
      expect(ranking.ranked.map((r) => r.id)).toEqual(brute.ranked.map((r) => r.candidate.id));
      expect(ranking.ranked.length).toBeGreaterThan(10);
      const near = await allNearMisses(ranking);
      expect(near.map((n) => n.id)).toEqual(brute.nearMisses.map((n) => n.candidate.id));
      expect(near.length).toBeGreaterThan(10);
    } finally {
      await deps.search.deleteIndex(uid).waitTask();
    }
  });
});
