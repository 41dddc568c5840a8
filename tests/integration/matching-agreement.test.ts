import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureKey } from "~/domain/matching/gates";
import { rankPool } from "~/domain/matching/score";
import { sql } from "kysely";
import { addDays, isoDay } from "~/domain/dates";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { candidateOf, matchJobOrder, matchOrderOf } from "~/services/matching/match-order.server";
import {
  clearMatchCache,
  keepRankingsCurrent,
  rankingCacheStats,
  startRankingKeeper,
} from "~/services/matching/ranking-cache.server";
import { allNearMisses, PoolRanking } from "~/services/matching/ranking.server";
import { archiveWorker, saveWorker } from "~/services/workers/save-worker.server";
import { workerSource } from "~/services/search/worker-source.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { belongsInIndex, toWorkerDocument } from "~search/worker-document";
import { deleteIndex, rawSearch, updateRawSettings } from "~search/testing";
import { applyWorkerChanges, ensureWorkersIndex } from "~search/workers-index";
import { generateWorker, prng } from "../../scripts/lib/generate-workers";
import { orgWithUser, testDeps } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed } from "../support/workers";

// The engine (Meilisearch filters + the domain's score + PostgreSQL re-check) against a brute-force ranking of
// the same profiles read straight from PostgreSQL and ranked by app/domain/matching in TypeScript.

const N = 5_000;
/** The suite's clock: the real time plus an offset a test moves (ranking ages and "today" follow deps.now). */
const clock = { offsetMs: 0 };
const deps = { ...testDeps(), now: () => new Date(Date.now() + clock.offsetMs) };
/** Sets the suite's clock to `at` (it then runs on from there). */
const setClock = (at: Date) => void (clock.offsetMs = at.getTime() - Date.now());
let agency: Awaited<ReturnType<typeof orgWithUser>>;
let orders: Awaited<ReturnType<typeof verifiedOrder>>[];

/** Generated profiles, varied beyond the generator: second sectors, two evidences, preferred countries. */
function profiles(): WorkerProfileInput[] {
  const rand = prng(7);
  return Array.from({ length: N }, (_, i) => {
    const w = generateWorker(i, rand) as WorkerProfileInput;
    const extra: Partial<WorkerProfileInput> = { nik: undefined, passportNumber: undefined, externalRef: `AGREE-${i}` };
    if (i % 5 === 0)
      extra.experiences = [...w.experiences, { sector: "hospitality", iscoCode: "5120", years: 1 + (i % 4) }];
    if (i % 6 === 0)
      extra.experiences = [
        ...(extra.experiences ?? w.experiences),
        {
          sector: w.experiences[0]!.sector,
          iscoCode: w.experiences[0]!.iscoCode === "5131" ? "5120" : "5131",
          years: 0.5 + (i % 3),
        },
      ];
    if (i % 7 === 0)
      extra.languages = [
        ...w.languages,
        { code: "en", kind: "cefr", level: (["A2", "B1", "B2", "C1"] as const)[i % 4]! },
      ];
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
    {
      title: "Assistant Waiter",
      iscoCode: "5131",
      sector: "cruise",
      minExperienceYears: 1,
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "food_safety", mandatory: false },
      ],
    },
    {
      title: "Ship cook",
      iscoCode: "5120",
      sector: "cruise",
      occupationScope: "sector", // any cruise experience counts (the other orders keep their occupation's default)
      minExperienceYears: 3,
      languages: [{ code: "en", minLevel: "B2" }],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "seafarer_medical", mandatory: true },
        { code: "crowd_management", mandatory: false },
      ],
    },
    {
      title: "Care worker",
      iscoCode: "5322",
      sector: "care_work",
      minExperienceYears: 2,
      languages: [{ code: "de", minLevel: "B1" }],
      certificates: [{ code: "nurse_registration", mandatory: false }],
      vesselName: undefined,
    },
    {
      title: "Registered nurse", // a regulated profession: this occupation only (2221, not 3221 or carers)
      iscoCode: "2221",
      sector: "nursing",
      minExperienceYears: 1,
      languages: [{ code: "de", minLevel: "B1" }],
      certificates: [],
      vesselName: undefined,
    },
    {
      title: "Welder",
      iscoCode: "7212",
      sector: "construction",
      minExperienceYears: 0,
      languages: [{ code: "ko", minLevel: "A2" }],
      certificates: [
        { code: "eps_topik", mandatory: true },
        { code: "welding_6g", mandatory: false },
      ],
      vesselName: undefined,
    },
    {
      title: "Deckhand",
      iscoCode: "8350",
      sector: "fishing_vessel",
      minExperienceYears: 0,
      languages: [],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "seaman_book", mandatory: true },
      ],
    },
  ]) {
    orders.push(await verifiedOrder(deps, patch));
  }
  const ids = (
    await deps.db.selectFrom("workers").select("id").where("agency_org_id", "=", agency.org.id).execute()
  ).map((r) => r.id);
  await waitIndexed(deps, ids, 120_000);
}, 300_000);
afterAll(() => deps.db.destroy());

async function bruteForce(made: (typeof orders)[number]) {
  const rows = await deps.db.selectFrom("workers").selectAll().where("agency_org_id", "=", agency.org.id).execute();
  return rankPool(matchOrderOf(made.order), rows.map(candidateOf), isoDay(deps.now()));
}

/** The whole agency view of an order equals the brute-force ranking of the agency's rows in PostgreSQL. */
async function expectAgreement(made: (typeof orders)[number]) {
  const brute = await bruteForce(made);
  const view = () =>
    matchJobOrder(deps, agencyActor(agency.org), made.order.id, {
      limit: 2 * N,
      offset: 0,
      nearLimit: 2 * N,
      nearOffset: 0,
    });
  let v = await view();
  // with a keeper running, a view served while a catch-up runs says so (updating); the one after it is current
  for (let i = 0; i < 50 && v.kind === "agency" && v.updating; i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await view();
  }
  if (v.kind !== "agency") throw new Error("expected the agency view");
  expect(v.updating).toBe(false);
  expect(v.stale).toBe(0);
  expect(v.total, made.order.title).toBe(brute.ranked.length);
  expect(
    v.results.map((r) => [r.workerId, r.score]),
    made.order.title,
  ).toEqual(brute.ranked.map((r) => [r.candidate.id, r.score]));
  expect(v.results.map((r) => r.components)).toEqual(brute.ranked.map((r) => r.components));
  expect(
    v.nearMisses.map((n) => [n.workerId, n.key]),
    made.order.title,
  ).toEqual(brute.nearMisses.map((n) => [n.candidate.id, failureKey(n.failed)]));
  for (const { key, count } of v.nearMissCounts)
    expect(count, key).toBe(brute.nearMisses.filter((n) => failureKey(n.failed) === key).length);
  return brute;
}

describe("the engine agrees with a brute-force ranking of the same profiles", () => {
  it("on every order: the same qualified set in the same order with the same scores, the same near misses and counts", async () => {
    let qualified = 0;
    for (const made of orders) {
      const brute = await expectAgreement(made);
      qualified += brute.ranked.length;
      // the data is not degenerate: each order has candidates, and near misses
      expect(brute.ranked.length, made.order.title).toBeGreaterThan(10);
      expect(brute.nearMisses.length, made.order.title).toBeGreaterThan(10);
    }
    expect(qualified).toBeGreaterThan(200);
  });

  it("the ministry's counts, counted by the index without reading a document, give this agency the brute-force total", async () => {
    const ministry = await orgWithUser(deps, "ministry");
    const actor = {
      userId: ministry.user.id,
      orgId: ministry.org.id,
      orgKind: "ministry" as const,
      role: "admin" as const,
    };
    for (const made of orders) {
      const brute = await bruteForce(made);
      const v = await matchJobOrder(deps, actor, made.order.id, { limit: 20, offset: 0, nearLimit: 20, nearOffset: 0 });
      if (v.kind !== "ministry") throw new Error("expected the ministry's counts");
      expect(v.byAgency.find((a) => a.agencyId === agency.org.id)?.count, made.order.title).toBe(brute.ranked.length);
    }
  });

  it("keeps agreeing after profiles change: kept rankings catch up from the outbox without reading the pool again", async () => {
    // Rankings read well after the import: a catch-up replays changes confirmed since its read less a 5 s margin
    // (on the database's clock, which stamps the outbox), and the 5,000 imported rows in that window would
    // (rightly) make it read the pool again. Instead of waiting 5.5 s, the import is confirmed 10 s earlier.
    await sql`update search_outbox set done_at = done_at - interval '10 seconds' where done_at is not null and entity = 'worker' and entity_id in (select id from workers where agency_org_id = ${agency.org.id})`.execute(
      deps.db,
    );
    clearMatchCache();
    for (const made of orders) await expectAgreement(made); // every order's ranking kept, with all near misses read
    const rows = await deps.db
      .selectFrom("workers")
      .select(["id", "external_ref"])
      .where("agency_org_id", "=", agency.org.id)
      .orderBy("external_ref")
      .limit(120)
      .execute();
    const rand = prng(99);
    const actor = agencyActor(agency.org);
    const touched: string[] = [];
    for (const [i, row] of rows.entries()) {
      if (i < 100) {
        // a whole new profile on the same worker: moves in, out and within the lists
        const data = {
          ...(generateWorker(N + i, rand) as WorkerProfileInput),
          nik: undefined,
          passportNumber: undefined,
          externalRef: row.external_ref ?? undefined,
        };
        if (i % 10 === 0) data.consentToMatching = false;
        await saveWorker(deps, actor, data, row.id);
      } else {
        await archiveWorker(deps, actor, row.id);
      }
      touched.push(row.id);
    }
    for (let i = 0; i < 10; i++) {
      const data = {
        ...(generateWorker(2 * N + i, rand) as WorkerProfileInput),
        nik: undefined,
        passportNumber: undefined,
        externalRef: `AGREE-NEW-${i}`,
      };
      touched.push((await saveWorker(deps, actor, data)).id);
    }
    await waitIndexed(deps, touched, 60_000);
    const before = rankingCacheStats();
    for (const made of orders) await expectAgreement(made);
    const after = rankingCacheStats();
    expect(after.reads - before.reads).toBe(0);
    expect(after.catchUps - before.catchUps).toBeGreaterThanOrEqual(orders.length);
  });

  it("the keeper catches kept rankings up in the background, so the next request has nothing to replay", async () => {
    for (const made of orders) await expectAgreement(made);
    const rows = await deps.db
      .selectFrom("workers")
      .select(["id", "external_ref"])
      .where("agency_org_id", "=", agency.org.id)
      .where("archived_at", "is", null)
      .orderBy("external_ref", "desc")
      .limit(5)
      .execute();
    const rand = prng(123);
    for (const [i, row] of rows.entries()) {
      await saveWorker(
        deps,
        agencyActor(agency.org),
        {
          ...(generateWorker(3 * N + i, rand) as WorkerProfileInput),
          nik: undefined,
          passportNumber: undefined,
          externalRef: row.external_ref ?? undefined,
        },
        row.id,
      );
    }
    await waitIndexed(
      deps,
      rows.map((r) => r.id),
    );
    const before = rankingCacheStats();
    await keepRankingsCurrent(deps);
    const kept = rankingCacheStats();
    expect(kept.catchUps - before.catchUps).toBeGreaterThanOrEqual(orders.length);
    for (const made of orders) await expectAgreement(made);
    expect(rankingCacheStats()).toMatchObject({ reads: kept.reads, catchUps: kept.catchUps });
  });

  it("with a keeper running, requests use what it checked within the last second, and still follow changes", async () => {
    for (const made of orders) await expectAgreement(made);
    const keeper = startRankingKeeper(deps, { intervalMs: 100 });
    try {
      await new Promise((r) => setTimeout(r, 300)); // a keeper round or two
      const before = rankingCacheStats();
      for (const made of orders) await expectAgreement(made);
      expect(rankingCacheStats().requestChecks).toBe(before.requestChecks); // answered from the keeper's checks

      const rows = await deps.db
        .selectFrom("workers")
        .select(["id", "external_ref"])
        .where("agency_org_id", "=", agency.org.id)
        .where("archived_at", "is", null)
        .orderBy("external_ref")
        .offset(200)
        .limit(5)
        .execute();
      const rand = prng(321);
      for (const [i, row] of rows.entries()) {
        await saveWorker(
          deps,
          agencyActor(agency.org),
          {
            ...(generateWorker(4 * N + i, rand) as WorkerProfileInput),
            nik: undefined,
            passportNumber: undefined,
            externalRef: row.external_ref ?? undefined,
          },
          row.id,
        );
      }
      const caught = rankingCacheStats().catchUps;
      await waitIndexed(
        deps,
        rows.map((r) => r.id),
      );
      for (let i = 0; i < 50 && rankingCacheStats().catchUps < caught + orders.length; i++)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 200));
      for (const made of orders) await expectAgreement(made);
    } finally {
      await keeper.stop();
    }
  });

  it("on a new day, the keeper reads recently viewed rankings again for that day before anyone asks", async () => {
    const midnight = new Date(`${addDays(isoDay(deps.now()), 1)}T00:00:00Z`);
    try {
      setClock(new Date(midnight.getTime() - 5 * 60_000)); // viewed at 23:55
      for (const made of orders) await expectAgreement(made);
      setClock(new Date(midnight.getTime() + 5 * 60_000)); // the keeper's round at 00:05
      const before = rankingCacheStats();
      await keepRankingsCurrent(deps);
      const warmed = rankingCacheStats();
      expect(warmed.reads - before.reads).toBeGreaterThanOrEqual(orders.length);
      for (const made of orders)
        await matchJobOrder(deps, agencyActor(agency.org), made.order.id, {
          limit: 5,
          offset: 0,
          nearLimit: 5,
          nearOffset: 0,
        });
      expect(rankingCacheStats()).toMatchObject({ reads: warmed.reads, catchUps: warmed.catchUps });
    } finally {
      clock.offsetMs = 0;
    }
  });

  it("forgets rankings nobody viewed for 30 minutes: the next request reads the pool again", async () => {
    clearMatchCache(); // only this test's rankings (the previous test left tomorrow's)
    try {
      for (const made of orders) await expectAgreement(made);
      const kept = rankingCacheStats();
      setClock(new Date(deps.now().getTime() + 31 * 60_000));
      await keepRankingsCurrent(deps);
      expect(rankingCacheStats().reads).toBe(kept.reads); // dropped, not read again for nobody
      for (const made of orders)
        await matchJobOrder(deps, agencyActor(agency.org), made.order.id, {
          limit: 5,
          offset: 0,
          nearLimit: 5,
          nearOffset: 0,
        });
      expect(rankingCacheStats().reads - kept.reads).toBe(orders.length);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it("pages of the ranked and near-miss lists are slices of the whole", async () => {
    const made = orders[0]!;
    const brute = await bruteForce(made);
    for (const [offset, nearOffset] of [
      [0, 0],
      [7, 3],
      [brute.ranked.length - 2, brute.nearMisses.length - 2],
    ] as const) {
      const v = await matchJobOrder(deps, agencyActor(agency.org), made.order.id, {
        limit: 5,
        offset,
        nearLimit: 5,
        nearOffset,
      });
      if (v.kind !== "agency") throw new Error("expected the agency view");
      expect(v.results.map((r) => r.workerId)).toEqual(
        brute.ranked.slice(offset, offset + 5).map((r) => r.candidate.id),
      );
      expect(v.nearMisses.map((n) => n.workerId)).toEqual(
        brute.nearMisses.slice(nearOffset, nearOffset + 5).map((n) => n.candidate.id),
      );
    }
  });

  it("is not truncated by maxTotalHits or the search cut-off (both cut a search short silently)", async () => {
    // A scratch index where a search ranks at most 10 hits and is cut off after 1 ms: the engine reads the pool
    // and the near misses with documents/fetch and still has all of them.
    const uid = `workers_trap_${Date.now()}`;
    await ensureWorkersIndex(deps.search, uid);
    await updateRawSettings(deps.search, uid, { maxTotalHits: 10, searchCutoffMs: 1 });
    const rows = await deps.db.selectFrom("workers").selectAll().where("agency_org_id", "=", agency.org.id).execute();
    await applyWorkerChanges(deps.search, rows.map(workerSource).filter(belongsInIndex).map(toWorkerDocument), [], uid);
    try {
      const made = orders[0]!;
      const o = matchOrderOf(made.order);
      const brute = await bruteForce(made);
      const plain = await rawSearch(deps.search, uid, "", {
        filter: `agency_id = "${agency.org.id}" AND sectors = "cruise"`,
        limit: 1000,
      });
      expect(plain.hits.length).toBeLessThanOrEqual(10); // the trap is live in this index
      const ranking = await PoolRanking.read(deps.search, o, [agency.org.id], isoDay(deps.now()), uid);
      expect(ranking.ranked.map((r) => r.id)).toEqual(brute.ranked.map((r) => r.candidate.id));
      expect(ranking.ranked.length).toBeGreaterThan(10);
      const near = await allNearMisses(ranking);
      expect(near.map((n) => n.id)).toEqual(brute.nearMisses.map((n) => n.candidate.id));
      expect(near.length).toBeGreaterThan(10);
    } finally {
      await deleteIndex(deps.search, uid);
    }
  });
});
