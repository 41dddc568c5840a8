import { startPoller } from "../background/poller.server";
import type { MatchOrder } from "~/domain/matching/gates";
import { isoDay } from "~/domain/dates";
import { searchGenerations, workersIndexedSince } from "~db/search-outbox";
import type { Deps } from "../deps.server";
import { PoolRanking, type Ranking } from "./ranking.server";

// Rankings are kept, per order version, scope (agencies) and day, and kept current rather than thrown away:
// - Each holds the index generations of its scope (per-agency counters in PostgreSQL, bumped in the transaction
//   that marks an outbox batch done) and the database clock when it last caught up.
// - When a generation moved, the workers whose outbox rows were confirmed since then (less a margin for
//   transactions that committed late; replaying a worker is harmless) are read again by id and re-judged
//   (PoolRanking.apply): milliseconds, where reading the pool again costs about 35 µs per qualified profile.
// - A reindex or a change whose agency is unknown ("*"), or more than MAX_CHANGES workers, reads the pool again.
// - A background keeper (startRankingKeeper) catches recently viewed rankings up as the outbox confirms
//   changes, and drops rankings nobody viewed for IDLE_MS; while it runs, requests use what it checked within
//   FRESH_MS instead of catching up themselves (see below).
// Ages (FRESH_MS, IDLE_MS) are measured on the injected clock (deps.now), so a test can move time; the catch-up
// margin is on the database's clock, which also stamps the outbox (MARGIN_MS, below).
// The store lives on globalThis: the Remix build and the server script each bundle this module, and both must
// see one store. It is per process (several servers each keep their own).

const MAX_ENTRIES = 32;
const MAX_CHANGES = 5_000;
const MARGIN_MS = 5_000;
const IDLE_MS = 30 * 60_000;

interface State {
  ranking: PoolRanking;
  /** database clock when these generations were read */
  at: Date;
  generations: Record<string, string>;
}

interface Entry {
  request: RankingRequest;
  /** null: every agency (the ministry's counts) */
  scope: readonly string[] | null;
  state: Promise<State>;
  /** when it was last asked for (ms, by the injected clock: deps.now) */
  lastUsed: number;
  /** the last state checked against the index, and when (ms, by deps.now) */
  settled: State | null;
  checkedAt: number;
}

const STORE = Symbol.for("jembatan.match-rankings");
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??= new Map<string, Entry>()) as Map<string, Entry>;

/**
 * With a keeper running in this process, a request is answered from a ranking the keeper checked against the
 * index less than FRESH_MS ago, without waiting for a catch-up (stale-while-revalidate, bounded): results follow a
 * confirmed change within about a second, and the page's PostgreSQL re-check still keeps stale gates off it.
 * Without a keeper (tests, scripts), every request catches up first.
 */
const FRESH_MS = 1_000;

/**
 * Past FRESH_MS, a request starts a catch-up (or joins the one under way) but waits for it at most WAIT_MS: a
 * catch-up of a few changes takes milliseconds and is waited for; one behind a bulk import (thousands of changes,
 * or a pool read again) is not, and the request is answered from the last consistent ranking, marked updating.
 * A ranking changes in one synchronous step (PoolRanking.apply) or is replaced whole, so what is served is always
 * one consistent state. The first view of an order has nothing to serve and waits for its read.
 */
const WAIT_MS = 25;

const KEEPERS = Symbol.for("jembatan.match-rankings.keepers");
const keepers = ((globalThis as Record<symbol, unknown>)[KEEPERS] ??= { running: 0, waitMs: WAIT_MS }) as {
  running: number;
  waitMs: number;
};

export interface RankingRequest {
  /** order id, version and last change: a changed order is a new ranking */
  orderKey: string;
  o: MatchOrder;
  agencyIds: readonly string[];
  today: string;
  /** the ministry's ranking depends on every agency's generation */
  scope: "agencies" | "all";
}

const keyOf = (r: RankingRequest) => `${r.orderKey}|${r.today}|${[...r.agencyIds].sort().join(",")}`;

const stats = { reads: 0, catchUps: 0, requestChecks: 0, servedUpdating: 0 };
/**
 * How often this process read a pool whole, caught a kept ranking up by replaying changes, had a request check the
 * index itself, and answered a request from the last consistent ranking while a catch-up was under way.
 */
export const rankingCacheStats = () => ({ ...stats });

/** A ranking and whether a catch-up it has not seen yet is under way. */
export interface KeptRanking {
  ranking: Ranking;
  /** true: served while changes confirmed by the index are still being applied (shown as "updating") */
  updating: boolean;
}

async function readFresh(
  deps: Pick<Deps, "db" | "search">,
  r: RankingRequest,
  scope: readonly string[] | null,
): Promise<State> {
  stats.reads++;
  // the generations first: anything confirmed after this moment is replayed on the next catch-up
  const { at, generations } = await searchGenerations(deps.db, scope);
  const ranking = await PoolRanking.read(deps.search, r.o, r.agencyIds, r.today);
  return { ranking, at, generations };
}

const sameGenerations = (a: Record<string, string>, b: Record<string, string>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

async function caughtUp(
  deps: Pick<Deps, "db" | "search">,
  r: RankingRequest,
  scope: readonly string[] | null,
  s: State,
): Promise<State> {
  const now = await searchGenerations(deps.db, scope);
  if (sameGenerations(now.generations, s.generations)) return s;
  if (now.generations["*"] !== s.generations["*"]) return readFresh(deps, r, scope);
  const ids = await workersIndexedSince(deps.db, new Date(s.at.getTime() - MARGIN_MS), scope, MAX_CHANGES);
  if (ids === null) return readFresh(deps, r, scope);
  stats.catchUps++;
  await s.ranking.apply(ids);
  return { ranking: s.ranking, at: now.at, generations: now.generations };
}

/** Chains a step onto an entry's state; a failed step forgets the entry (the next request reads afresh). */
function advance(deps: Pick<Deps, "now">, key: string, e: Entry, step: (s: State) => Promise<State>): Promise<State> {
  const next = e.state.then(step);
  e.state = next;
  next.then(
    (s) => {
      e.settled = s;
      e.checkedAt = deps.now().getTime();
    },
    () => undefined,
  );
  next.catch(() => {
    if (store.get(key) === e && e.state === next) store.delete(key);
  });
  return next;
}

/** The ranking for this request, current with the index: kept and caught up (see above), or read now. */
export async function currentRanking(deps: Pick<Deps, "db" | "search" | "now">, r: RankingRequest): Promise<Ranking> {
  return (await keptRanking(deps, r, { wait: true })).ranking;
}

/**
 * The ranking a page or the API shows, as one consistent state (a snapshot: a catch-up finishing while the page is
 * built does not change it). With a keeper running, a request never waits long for a catch-up: it checks whether
 * the index moved past the ranking (one small query), and if so waits for the catch-up at most WAIT_MS; past it,
 * it is answered from the last consistent ranking, marked updating (see WAIT_MS). Without a keeper (tests,
 * scripts), or with `wait`, it catches up first.
 */
export async function keptRanking(
  deps: Pick<Deps, "db" | "search" | "now">,
  r: RankingRequest,
  opts: { wait?: boolean } = {},
): Promise<KeptRanking> {
  const now = deps.now().getTime();
  const key = keyOf(r);
  const scope = r.scope === "all" ? null : r.agencyIds;
  const e = store.get(key);
  if (!e) return { ranking: (await startEntry(deps, key, r, scope, now).state).ranking.snapshot(), updating: false };
  e.lastUsed = now;
  store.delete(key);
  store.set(key, e); // most recently used last
  const served = e.settled;
  const kept = served?.ranking.snapshot(); // before any await: what a catch-up changes next is not in it
  if (keepers.running > 0 && served && kept && !opts.wait) {
    if (now - e.checkedAt < FRESH_MS) return { ranking: kept, updating: false };
    stats.requestChecks++;
    const { generations } = await searchGenerations(deps.db, scope);
    if (sameGenerations(generations, served.generations) && e.settled === served) {
      e.checkedAt = deps.now().getTime(); // nothing confirmed since: the kept ranking is current
      return { ranking: kept, updating: false };
    }
    // chained after any catch-up under way (it may predate what this request saw), as without a keeper
    const next = advance(deps, key, e, (s) => caughtUp(deps, r, scope, s));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      next.catch(() => null),
      new Promise<null>((resolve) => {
        if (keepers.waitMs <= 0) resolve(null);
        else timer = setTimeout(() => resolve(null), keepers.waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (first) return { ranking: first.ranking.snapshot(), updating: false };
    stats.servedUpdating++;
    return { ranking: kept, updating: true };
  }
  stats.requestChecks++;
  return {
    ranking: (await advance(deps, key, e, (s) => caughtUp(deps, r, scope, s))).ranking.snapshot(),
    updating: false,
  };
}

/** A new kept ranking, read whole. */
function startEntry(
  deps: Pick<Deps, "db" | "search" | "now">,
  key: string,
  r: RankingRequest,
  scope: readonly string[] | null,
  lastUsed: number,
): Entry {
  const e: Entry = {
    request: r,
    scope,
    state: Promise.resolve(undefined as never),
    lastUsed,
    settled: null,
    checkedAt: 0,
  };
  store.set(key, e);
  evict();
  // the near misses of every item are read in the background: later catch-ups then count from the lists
  const background = advance(deps, key, e, () => readFresh(deps, r, scope)).then(
    (s) => s.ranking.readAllNearMisses().catch(() => undefined),
    () => undefined,
  );
  pending.add(background);
  void background.finally(() => pending.delete(background));
  return e;
}

function evict() {
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
}

/**
 * Catches every recently viewed ranking up with the index and forgets those idle for IDLE_MS. A recently viewed
 * ranking of an earlier day is read again for today (scores count the profile's age in days, and the contract
 * gates do not move, but "today" is part of the key), so the first view of the day does not pay for it.
 */
export async function keepRankingsCurrent(deps: Pick<Deps, "db" | "search" | "now">): Promise<void> {
  const now = deps.now();
  const today = isoDay(now);
  for (const [key, e] of [...store.entries()]) {
    const r = e.request;
    if (now.getTime() - e.lastUsed > IDLE_MS) {
      store.delete(key);
      continue;
    }
    if (r.today !== today) {
      store.delete(key);
      const next: RankingRequest = { ...r, today };
      const nextKey = keyOf(next);
      if (store.has(nextKey)) continue;
      await startEntry(deps, nextKey, next, e.scope, e.lastUsed).state.catch(() => undefined);
      continue;
    }
    await advance(deps, key, e, (s) => caughtUp(deps, r, e.scope, s)).catch(() => undefined);
  }
}

/** The keeper started with the HTTP server. */
export function startRankingKeeper(
  deps: Pick<Deps, "db" | "search" | "now">,
  opts: { intervalMs: number; onError?: (e: unknown) => void; waitMs?: number },
) {
  keepers.running++;
  keepers.waitMs = opts.waitMs ?? WAIT_MS;
  const poller = startPoller(() => keepRankingsCurrent(deps).catch((e: unknown) => opts.onError?.(e)), {
    intervalMs: opts.intervalMs,
    immediately: false,
  });
  return {
    async stop() {
      keepers.running--;
      if (keepers.running === 0) keepers.waitMs = WAIT_MS;
      await poller.stop();
    },
  };
}

const pending = new Set<Promise<unknown>>();
/** Resolves when no background read of this process is under way (benchmarks measure first views one at a time). */
export async function rankingsIdle(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

/** Forgets every kept ranking (tests and benchmarks that rewrite the index behind the outbox's back). */
export function clearMatchCache(): void {
  store.clear();
}
