import { DomainError } from "~/domain/errors";
import { explain, type Explanation } from "~/domain/matching/explain";
import { failedGates, failureKey, gateKeys, type Candidate, type GateFailure, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { compareNearMisses, compareRanked, scoreCandidate, type ScoreComponents } from "~/domain/matching/score";
import { isoDay, licenceBlock, type Actor } from "~/domain/org";
import { loadWorkers } from "~db/workers";
import { listAgencyLicences } from "~db/orgs";
import { searchGeneration } from "~db/search-outbox";
import type { JobOrder, Worker } from "~db/schema";
import { candidateFromDocument, countDocuments, fetchAllDocuments, IndexChangedError, nearMissFilter, qualifiedFilter } from "~search/match-retrieval";
import type { Deps } from "../deps.server";
import { licenceOf } from "../auth/sessions.server";
import { loadVisible } from "../job-orders/access.server";

// The matching engine's use case (issue 6): hard gates as Meilisearch filters over the whole pool, the domain's
// score on every qualified document, and the shown page re-checked against PostgreSQL, the source of truth, so a
// profile that changed after it was indexed never shows with a gate it now fails.

export interface MatchQuery {
  limit: number;
  offset: number;
  nearLimit: number;
  nearOffset: number;
  /** only near misses on this gate item (one of the order's, else invalid) */
  item?: string;
}

export interface RankedResult {
  workerId: string;
  externalRef: string | null;
  name: string;
  score: number;
  components: ScoreComponents;
  explanation: Explanation;
}

export interface NearMissResult {
  workerId: string;
  externalRef: string | null;
  name: string;
  key: GateKey;
  failed: GateFailure;
}

export type MatchView =
  | {
      kind: "agency";
      order: MatchOrder & { id: string; reference: string; title: string };
      total: number;
      results: RankedResult[];
      nearMissTotal: number;
      nearMissCounts: { key: GateKey; count: number }[];
      nearMisses: NearMissResult[];
      /** profiles the index still lists but PostgreSQL no longer qualifies (left out until the outbox catches up) */
      stale: number;
    }
  | {
      kind: "ministry";
      order: MatchOrder & { id: string; reference: string; title: string };
      total: number;
      nearMissTotal: number;
      nearMissCounts: { key: GateKey; count: number }[];
      byAgency: { agencyId: string; name: string; count: number }[];
    };

/** The matching view of a job order: what its gates and score read. */
export function matchOrderOf(o: JobOrder): MatchOrder {
  return {
    iscoCode: o.isco_code,
    sector: o.sector,
    country: o.country,
    startDate: o.start_date,
    contractMonths: o.contract_months,
    minExperienceYears: o.content.minExperienceYears ?? 0,
    languages: o.content.languages ?? [],
    certificates: o.content.certificates ?? [],
  };
}

/** A PostgreSQL worker as the domain sees it. */
export function candidateOf(w: Worker): Candidate {
  return {
    id: w.id,
    status: w.status,
    consent: w.consent_matching && w.archived_at === null,
    availableFrom: w.available_from,
    updatedAt: w.updated_at.toISOString(),
    experiences: w.profile.experiences,
    languages: w.profile.languages,
    certificates: w.profile.certificates,
    preferredCountries: w.profile.preferredCountries,
  };
}

export function isMatchable(o: JobOrder, today: string): boolean {
  return o.status === "verified" && o.positions_filled < o.positions && (o.valid_until === null || o.valid_until >= today);
}

export type NearMissEntry = { id: string; agencyId: string; key: GateKey; failed: GateFailure };

export interface Ranking {
  ranked: { id: string; agencyId: string; score: number }[];
  /** per gate item, in the order's item order (counted by the item's filter) */
  nearMissCounts: { key: GateKey; count: number }[];
  /** the near misses on one item, closest to passing first, then by id: read from the index on first use */
  nearMissesOn(key: GateKey): Promise<NearMissEntry[]>;
}

/**
 * The whole qualified pool ranked, straight from the index, with the near-miss count per gate item. Exact: every
 * document passing the gate filters is read with documents/fetch (no maxTotalHits, no cut-off) and judged by the
 * domain, which re-checks each gate on it and scores it. Near misses on an item are read the same way (all gates
 * but that one) when a page first needs them, so counts alone (the ministry's view) cost no document reads.
 */
export async function computeRanking(deps: Pick<Deps, "search">, o: MatchOrder, agencyIds: readonly string[], today: string, uid?: string): Promise<Ranking> {
  const keys = gateKeys(o);
  const [ranked, counts] = await Promise.all([
    retrying(async () => {
      const docs = await fetchAllDocuments(deps.search, o, qualifiedFilter(o, agencyIds), uid);
      return docs.flatMap((d) => {
        const c = candidateFromDocument(o, d);
        if (failedGates(o, c).length > 0) return []; // the filters and the domain disagree: never rank it
        return [{ id: d.id, agencyId: d.agency_id, score: scoreCandidate(o, c, today).score }];
      });
    }),
    countDocuments(deps.search, keys.map((k) => nearMissFilter(o, agencyIds, k)), uid),
  ]);
  ranked.sort(compareRanked);
  const lists = new Map<GateKey, Promise<NearMissEntry[]>>();
  const order = compareNearMisses(o);
  const load = (key: GateKey) =>
    retrying(async () => {
      const docs = await fetchAllDocuments(deps.search, o, nearMissFilter(o, agencyIds, key), uid);
      const list = docs.flatMap((d) => {
        const failures = failedGates(o, candidateFromDocument(o, d));
        if (failures.length !== 1 || failureKey(failures[0]!) !== key) return [];
        return [{ id: d.id, agencyId: d.agency_id, key, failed: failures[0]! }];
      });
      return list.sort(order);
    });
  return {
    ranked,
    nearMissCounts: keys.map((key, i) => ({ key, count: counts[i]! })),
    nearMissesOn(key) {
      let list = lists.get(key);
      if (!list) {
        list = load(key);
        lists.set(key, list);
        list.catch(() => lists.delete(key));
      }
      return list;
    },
  };
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

// Rankings are cached per order version, scope and day against the index generation of their agencies (bumped
// whenever the outbox confirms a change to one of their profiles, or a reindex): paging through a list costs one
// pool read, and a change to any profile in scope recomputes it. The ministry's scope is every agency.
const CACHE_SIZE = 32;
const cache = new Map<string, { generation: string; ranking: Promise<Ranking> }>();

async function cachedRanking(deps: Deps, order: JobOrder, o: MatchOrder, agencyIds: readonly string[], today: string, scope: "agencies" | "all"): Promise<Ranking> {
  const generationNow = () => searchGeneration(deps.db, scope === "all" ? null : agencyIds);
  const generation = await generationNow();
  const key = `${order.id}|${order.version}|${order.updated_at.getTime()}|${today}|${[...agencyIds].sort().join(",")}`;
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit.ranking;
  }
  const ranking = computeRanking(deps, o, agencyIds, today);
  const entry = { generation, ranking };
  cache.set(key, entry);
  const forget = () => {
    if (cache.get(key) === entry) cache.delete(key);
  };
  // not kept if it failed, or if the index changed while it was read (it may mix before and after)
  ranking.then(async () => {
    if ((await generationNow()) !== generation) forget();
  }, forget);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return ranking;
}

/** Forgets every cached ranking (tests that rewrite the index behind the outbox's back). */
export function clearMatchCache(): void {
  cache.clear();
}

async function activeAgencies(deps: Deps, today: string) {
  const all = await listAgencyLicences(deps.db);
  return all.filter((a) => licenceBlock(licenceOf(a), today) === null);
}

/** The matches of a verified order: an agency's own ranked candidates and near misses, or the ministry's counts. */
export async function matchJobOrder(deps: Deps, actor: Actor, orderId: string, q: MatchQuery): Promise<MatchView> {
  const { order, role } = await loadVisible(deps, actor, orderId);
  if (role !== "agency" && role !== "ministry") throw new DomainError("forbidden", "errors.forbidden");
  const today = isoDay(deps.now());
  if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
  const o = matchOrderOf(order);
  const head = { ...o, id: order.id, reference: order.reference, title: order.title };

  if (role === "ministry") {
    const agencies = await activeAgencies(deps, today);
    const ranking = await cachedRanking(deps, order, o, agencies.map((a) => a.id), today, "all");
    const perAgency = new Map<string, number>();
    for (const r of ranking.ranked) perAgency.set(r.agencyId, (perAgency.get(r.agencyId) ?? 0) + 1);
    return {
      kind: "ministry",
      order: head,
      total: ranking.ranked.length,
      nearMissTotal: ranking.nearMissCounts.reduce((n, c) => n + c.count, 0),
      nearMissCounts: ranking.nearMissCounts,
      byAgency: agencies.filter((a) => perAgency.has(a.id)).map((a) => ({ agencyId: a.id, name: a.name, count: perAgency.get(a.id)! })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  }

  if (q.item !== undefined && !gateKeys(o).includes(q.item as GateKey)) throw new DomainError("invalid", "errors.invalid", { item: "errors.choose_option" });
  const agencyIds = [actor.orgId];
  const ranking = await cachedRanking(deps, order, o, agencyIds, today, "agencies");
  const { results, stale } = await rankedPage(deps, actor.orgId, o, ranking, q, today);
  const counts = q.item ? ranking.nearMissCounts.filter((c) => c.key === q.item) : ranking.nearMissCounts;
  const nearMisses = await nearMissesPage(deps, actor.orgId, o, await nearSlice(ranking, counts, q.nearOffset, q.nearLimit));
  return {
    kind: "agency",
    order: head,
    total: ranking.ranked.length,
    results,
    nearMissTotal: counts.reduce((n, c) => n + c.count, 0),
    nearMissCounts: ranking.nearMissCounts,
    nearMisses,
    stale,
  };
}

/** The requested slice of the ranking, each row re-checked and explained from PostgreSQL. */
async function rankedPage(deps: Deps, agencyId: string, o: MatchOrder, ranking: Ranking, q: MatchQuery, today: string) {
  const slice = ranking.ranked.slice(q.offset, q.offset + q.limit);
  const rows = new Map((await loadWorkers(deps.db, slice.map((r) => r.id))).map((w) => [w.id, w]));
  let stale = 0;
  const results: RankedResult[] = [];
  for (const r of slice) {
    const w = rows.get(r.id);
    if (!w || w.agency_org_id !== agencyId) {
      stale++;
      continue;
    }
    const c = candidateOf(w);
    if (failedGates(o, c).length > 0) {
      stale++;
      continue;
    }
    const { score, components } = scoreCandidate(o, c, today);
    if (score !== r.score) {
      stale++; // still qualified, but its rank changed: shown again in its new place once indexed
      continue;
    }
    results.push({ workerId: w.id, externalRef: w.external_ref, name: w.full_name, score, components, explanation: explain(o, c) });
  }
  return { results, stale };
}

/** The near misses from `offset` (across items, in item order), reading only the items the page reaches. */
async function nearSlice(ranking: Ranking, counts: Ranking["nearMissCounts"], offset: number, limit: number): Promise<NearMissEntry[]> {
  const out: NearMissEntry[] = [];
  let skip = offset;
  for (const { key, count } of counts) {
    if (out.length >= limit) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const list = await ranking.nearMissesOn(key);
    out.push(...list.slice(skip, skip + limit - out.length));
    skip = 0;
  }
  return out;
}

/** A page of near misses, each re-checked against PostgreSQL (still exactly this one item missing). */
async function nearMissesPage(deps: Deps, agencyId: string, o: MatchOrder, slice: NearMissEntry[]): Promise<NearMissResult[]> {
  const rows = new Map((await loadWorkers(deps.db, slice.map((n) => n.id))).map((w) => [w.id, w]));
  return slice.flatMap(({ key, id }) => {
    const w = rows.get(id);
    if (!w || w.agency_org_id !== agencyId) return [];
    const failures = failedGates(o, candidateOf(w));
    if (failures.length !== 1 || failureKey(failures[0]!) !== key) return []; // changed since indexed
    return [{ workerId: w.id, externalRef: w.external_ref, name: w.full_name, key, failed: failures[0]! }];
  });
}
