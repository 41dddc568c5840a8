import { DomainError } from "~/domain/errors";
import {
  failedGates,
  failureKey,
  gateKeys,
  nearMissOf,
  type GateFailure,
  type GateKey,
  type MatchOrder,
} from "~/domain/matching/gates";
import { compareNearMisses, compareRanked, scoreCandidate, type TieBreak } from "~/domain/matching/score";
import type { Search } from "~search/client";
import {
  countNearMisses,
  IndexChangedError,
  readCandidatesByIds,
  readNearMissPool,
  readQualifiedPool,
  type PoolCandidate,
} from "~search/match-retrieval";

// The ranking of one order over a set of agencies, read from the index (docs/decisions/007-matching.md). Exact: every
// document passing the gate filters is read with documents/fetch (no maxTotalHits, no cut-off) and judged by the
// domain, which re-checks each gate on it and scores it. Near misses on an item (all gates but that one) are counted by
// filter and read the same way when a page first needs them. A ranking is then kept current by `apply`: the workers the
// outbox indexed since are read again by id and put back where they now belong (ranking-cache.server.ts).

export type RankedEntry = { id: string; agencyId: string; score: number; tie: TieBreak };
export type NearMissEntry = { id: string; agencyId: string; key: GateKey; failed: GateFailure };

export interface Ranking {
  readonly ranked: readonly RankedEntry[];
  /** per gate item, in the order's item order (counted by the item's filter) */
  readonly nearMissCounts: { key: GateKey; count: number }[];
  /** the near misses on one item, closest to passing first, then by id: read from the index on first use */
  nearMissesOn(key: GateKey): Promise<NearMissEntry[]>;
}

const byRank = (a: RankedEntry, b: RankedEntry) => compareRanked(a, b);

export class PoolRanking implements Ranking {
  ranked: RankedEntry[] = [];
  nearMissCounts: { key: GateKey; count: number }[] = [];
  private readonly lists = new Map<GateKey, Promise<NearMissEntry[]>>();
  private readonly ready = new Map<GateKey, NearMissEntry[]>();
  private readonly scope: ReadonlySet<string>;
  private readonly nearOrder: (a: NearMissEntry, b: NearMissEntry) => number;

  private constructor(
    private readonly search: Search,
    readonly o: MatchOrder,
    readonly agencyIds: readonly string[],
    readonly today: string,
    private readonly uid?: string,
  ) {
    this.nearOrder = compareNearMisses(o);
    this.scope = new Set(agencyIds);
  }

  /** Reads and ranks the whole qualified pool, and counts the near misses per item. */
  static async read(
    search: Search,
    o: MatchOrder,
    agencyIds: readonly string[],
    today: string,
    uid?: string,
  ): Promise<PoolRanking> {
    const r = new PoolRanking(search, o, agencyIds, today, uid);
    const [ranked, counts] = await Promise.all([
      retrying(async () => r.judgeQualified(await readQualifiedPool(search, o, agencyIds, uid))),
      r.count(),
    ]);
    r.ranked = ranked.sort(byRank);
    r.nearMissCounts = counts;
    return r;
  }

  nearMissesOn(key: GateKey): Promise<NearMissEntry[]> {
    const held = this.lists.get(key);
    if (held) return held;
    return this.track(
      key,
      retrying(async () =>
        this.judgeNear(await readNearMissPool(this.search, this.o, this.agencyIds, key, this.uid), key).sort(
          this.nearOrder,
        ),
      ),
    );
  }

  /** Holds an item's list (a read, or a read with changes chained onto it); `ready` has it once it resolves. */
  private track(key: GateKey, list: Promise<NearMissEntry[]>): Promise<NearMissEntry[]> {
    this.lists.set(key, list);
    list.then(
      (value) => {
        if (this.lists.get(key) === list) this.ready.set(key, value);
      },
      () => {
        if (this.lists.get(key) === list) {
          this.lists.delete(key);
          this.ready.delete(key);
        }
      },
    );
    return list;
  }

  /**
   * This ranking as it is now, unchanged by later catch-ups: `apply` replaces the lists rather than changing them,
   * so holding today's arrays (and the near-miss lists held so far) is a consistent state. A near-miss list not
   * read yet is read when asked for, from the index as it is then.
   */
  snapshot(): Ranking {
    const { ranked, nearMissCounts } = this;
    const lists = new Map(this.lists);
    return { ranked, nearMissCounts, nearMissesOn: (key) => lists.get(key) ?? this.nearMissesOn(key) };
  }

  /** Reads every item's near misses (in the background after a pool read: catch-ups then count from the lists). */
  async readAllNearMisses(): Promise<void> {
    await Promise.all(gateKeys(this.o).map((k) => this.nearMissesOn(k)));
  }

  /**
   * Judges these workers again from their current documents: each leaves the place it held and takes the one it
   * now earns (ranked, a near miss on one item, or nowhere). The changed documents are read by id (a few, not
   * the pool) and judged by the domain's gates, the same judgement every document read through the gate filters
   * gets; documents of other agencies are left out. Near-miss counts come from the lists when every item's list
   * is held, else from the items' filters. A list still being read gets the changes chained onto it. Everything
   * changes in one synchronous step at the end, so a page being read never sees half of it.
   */
  async apply(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const keys = gateKeys(this.o);
    const allReady = keys.every((k) => this.ready.has(k));
    const [fetched, counted] = await Promise.all([
      readCandidatesByIds(this.search, this.o, ids, this.uid),
      allReady ? null : this.count(),
    ]);
    const docs = fetched.filter((d) => this.scope.has(d.agencyId));
    const changed = new Set(ids);
    const ranked = this.judgeQualified(docs).sort(byRank);
    this.ranked = merge(
      this.ranked.filter((r) => !changed.has(r.id)),
      ranked,
      byRank,
    );
    for (const key of keys) {
      const fresh = this.judgeNear(docs, key).sort(this.nearOrder);
      const patch = (list: readonly NearMissEntry[]) =>
        merge(
          list.filter((n) => !changed.has(n.id)),
          fresh,
          this.nearOrder,
        );
      const value = this.ready.get(key);
      if (value) {
        const next = patch(value);
        this.ready.set(key, next);
        this.lists.set(key, Promise.resolve(next));
      } else {
        const pending = this.lists.get(key);
        if (pending) this.track(key, pending.then(patch));
      }
    }
    this.nearMissCounts = counted ?? keys.map((key) => ({ key, count: this.ready.get(key)!.length }));
  }

  private judgeQualified(pool: readonly PoolCandidate[]): RankedEntry[] {
    return pool.flatMap(({ agencyId, candidate: c }) => {
      if (failedGates(this.o, c).length > 0) return []; // the filters and the domain disagree: never rank it
      const { score, tie } = scoreCandidate(this.o, c, this.today);
      return [{ id: c.id, agencyId, score, tie }];
    });
  }

  private judgeNear(pool: readonly PoolCandidate[], key: GateKey): NearMissEntry[] {
    return pool.flatMap(({ agencyId, candidate: c }) => {
      const near = nearMissOf(failedGates(this.o, c));
      if (!near || failureKey(near) !== key) return [];
      return [{ id: c.id, agencyId, key, failed: near }];
    });
  }

  private count(): Promise<{ key: GateKey; count: number }[]> {
    return countNearMisses(this.search, this.o, this.agencyIds, this.uid);
  }
}

/** Two lists sorted by `cmp` as one sorted list. */
function merge<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a as T[];
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Every near miss of a ranking, in listing order (reads every item's set). */
export async function allNearMisses(ranking: Ranking): Promise<NearMissEntry[]> {
  return (await Promise.all(ranking.nearMissCounts.map((c) => ranking.nearMissesOn(c.key)))).flat();
}

/** Reads again when the index changed under a paged read; after three tries, "busy, try again" (503). */
async function retrying<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof IndexChangedError)) throw e;
      if (attempt >= 3) throw new DomainError("unavailable", "errors.search_busy");
    }
  }
}
