import { afterAll, describe, expect, it } from "vitest";
import { matchJobOrder, type MatchView } from "~/services/matching/match-order.server";
import { clearMatchCache, rankingCacheStats, startRankingKeeper } from "~/services/matching/ranking-cache.server";
import { testDeps } from "../support/fixtures";
import { shortlistScenario } from "../support/shortlists";
import { agencyActor, waitIndexed } from "../support/workers";

// Issue 15, part 4: no request waits on a catch-up. With a keeper running, a request that finds its kept ranking
// behind the index is answered from the last consistent ranking, marked updating, while the catch-up runs; the
// next request after it has the change.

/** The suite's clock: real time plus an offset a test moves (ranking ages follow deps.now). */
const clock = { offsetMs: 0 };
const deps = { ...testDeps(), now: () => new Date(Date.now() + clock.offsetMs) };
afterAll(() => deps.db.destroy());

const agencyView = (v: MatchView) => {
  if (v.kind !== "agency") throw new Error("not the agency's view");
  return v;
};

describe("kept rankings while the index changes", () => {
  it("serves the last consistent ranking marked updating while a catch-up runs, then the caught-up one", async () => {
    const { made, agency, worker } = await shortlistScenario(deps);
    const actor = agencyActor(agency.org);
    const q = { offset: 0, limit: 20, nearOffset: 0, nearLimit: 20 };
    const first = [await worker(agency, "a"), await worker(agency, "b")];
    await waitIndexed(deps, first);
    clearMatchCache();

    // a keeper that never waits for a catch-up on a request (and whose own rounds are too far apart to matter)
    const keeper = startRankingKeeper(deps, { intervalMs: 3_600_000, waitMs: 0 });
    try {
      const seen = agencyView(await matchJobOrder(deps, actor, made.order.id, q)); // the first view reads the pool
      expect(seen).toMatchObject({ total: 2, updating: false });

      const added = await worker(agency, "c");
      await waitIndexed(deps, [added]);
      clock.offsetMs += 5_000; // the keeper's last check is now old: a request must look at the index

      const before = rankingCacheStats();
      const during = agencyView(await matchJobOrder(deps, actor, made.order.id, q));
      expect(during.updating).toBe(true);
      expect(during.total).toBe(2); // the ranking as it was, whole: not half of a change
      expect(during.results.map((r) => r.workerId).sort()).toEqual([...first].sort());
      expect(rankingCacheStats().servedUpdating).toBe(before.servedUpdating + 1);

      // the catch-up that request started finishes in the background; a later request has the new worker
      let after = during;
      for (let i = 0; i < 50 && after.updating; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = agencyView(await matchJobOrder(deps, actor, made.order.id, q));
      }
      expect(after.updating).toBe(false);
      expect(after.total).toBe(3);
      expect(after.results.map((r) => r.workerId)).toContain(added);
    } finally {
      await keeper.stop();
    }

    // without a keeper (scripts, tests), a request catches up first and is never marked updating
    const late = await worker(agency, "d");
    await waitIndexed(deps, [late]);
    const caught = agencyView(await matchJobOrder(deps, actor, made.order.id, q));
    expect(caught).toMatchObject({ total: 4, updating: false });
  });
});
