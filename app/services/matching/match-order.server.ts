import { DomainError } from "~/domain/errors";
import { explain, type Explanation } from "~/domain/matching/explain";
import { failedGates, failureKey, gateKeys, type Candidate, type GateFailure, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { compareRanked, scoreCandidate, type ScoreComponents } from "~/domain/matching/score";
import { isoDay, licenceBlock, type Actor } from "~/domain/org";
import { loadWorkers } from "~db/workers";
import { listAgencyLicences } from "~db/orgs";
import { searchGeneration } from "~db/search-outbox";
import type { JobOrder, Worker } from "~db/schema";
import {
  candidateFromDocument,
  countDocuments,
  fetchAllDocuments,
  IndexChangedError,
  NEAR_MISS_PARTS,
  type NearMissPart,
  nearMissFilter,
  nearMissPage,
  qualifiedFilter,
} from "~search/match-retrieval";
import type { Deps } from "../deps.server";
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

interface Ranking {
  ranked: { id: string; agencyId: string; score: number }[];
  nearMissCounts: { key: GateKey; count: number }[];
  /** near misses per item and part, in listing order (for paging) */
  nearMissParts: { key: GateKey; part: NearMissPart; count: number }[];
}

/**
 * The whole qualified pool ranked, and the near-miss count per gate item, straight from the index. Exact: every
 * document passing the gate filters is read (no maxTotalHits, no cut-off) and scored by the domain, which also
 * re-checks each gate on it.
 */
export async function computeRanking(deps: Pick<Deps, "search">, o: MatchOrder, agencyIds: readonly string[], today: string, uid?: string): Promise<Ranking> {
  const parts = gateKeys(o).flatMap((key) => NEAR_MISS_PARTS.map((part) => ({ key, part })));
  for (let attempt = 1; ; attempt++) {
    try {
      const [docs, counts] = await Promise.all([
        fetchAllDocuments(deps.search, o, qualifiedFilter(o, agencyIds), uid),
        countDocuments(deps.search, parts.map((p) => nearMissFilter(o, agencyIds, p.key, p.part)), uid),
      ]);
      const ranked = docs.flatMap((d) => {
        const c = candidateFromDocument(o, d);
        if (failedGates(o, c).length > 0) return []; // the filters and the domain disagree: never rank it
        return [{ id: d.id, agencyId: d.agency_id, score: scoreCandidate(o, c, today).score }];
      });
      ranked.sort(compareRanked);
      const nearMissParts = parts.map((p, i) => ({ ...p, count: counts[i]! }));
      const nearMissCounts = gateKeys(o).map((key) => ({ key, count: nearMissParts.filter((p) => p.key === key).reduce((s, p) => s + p.count, 0) }));
      return { ranked, nearMissCounts, nearMissParts };
    } catch (e) {
      if (e instanceof IndexChangedError && attempt < 3) continue;
      throw e;
    }
  }
}

// Rankings are cached per order version, scope and day against the index generation (bumped whenever the outbox
// or a reindex changes the index): paging through a list costs one pool read, and any index change recomputes.
const CACHE_SIZE = 64;
const cache = new Map<string, { generation: string; ranking: Promise<Ranking> }>();

async function cachedRanking(deps: Deps, order: JobOrder, o: MatchOrder, agencyIds: readonly string[], today: string): Promise<Ranking> {
  const generation = await searchGeneration(deps.db);
  const key = `${order.id}|${order.version}|${order.updated_at.getTime()}|${today}|${[...agencyIds].sort().join(",")}`;
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit.ranking;
  }
  const ranking = computeRanking(deps, o, agencyIds, today);
  cache.set(key, { generation, ranking });
  ranking.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return ranking;
}

/** Forgets every cached ranking (tests that rewrite the index behind the outbox's back). */
export function clearMatchCache(): void {
  cache.clear();
}

async function activeAgencies(deps: Deps, today: string) {
  const all = await listAgencyLicences(deps.db);
  return all.filter((a) => licenceBlock({ status: a.licence_status, suspendedUntil: a.licence_suspended_until, validUntil: a.licence_valid_until }, today) === null);
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
    const ranking = await cachedRanking(deps, order, o, agencies.map((a) => a.id), today);
    const perAgency = new Map<string, number>();
    for (const r of ranking.ranked) perAgency.set(r.agencyId, (perAgency.get(r.agencyId) ?? 0) + 1);
    return {
      kind: "ministry",
      order: head,
      total: ranking.ranked.length,
      nearMissTotal: ranking.nearMissCounts.reduce((s, c) => s + c.count, 0),
      nearMissCounts: ranking.nearMissCounts,
      byAgency: agencies.filter((a) => perAgency.has(a.id)).map((a) => ({ agencyId: a.id, name: a.name, count: perAgency.get(a.id)! })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  }

  if (q.item !== undefined && !gateKeys(o).includes(q.item as GateKey)) throw new DomainError("invalid", "errors.invalid", { item: "errors.choose_option" });
  const agencyIds = [actor.orgId];
  const ranking = await cachedRanking(deps, order, o, agencyIds, today);
  const { results, stale } = await rankedPage(deps, actor.orgId, o, ranking, q, today);
  const counts = q.item ? ranking.nearMissCounts.filter((c) => c.key === q.item) : ranking.nearMissCounts;
  const nearMisses = await nearMissesPage(deps, actor.orgId, o, ranking.nearMissParts.filter((p) => !q.item || p.key === q.item), q);
  return {
    kind: "agency",
    order: head,
    total: ranking.ranked.length - stale,
    results,
    nearMissTotal: counts.reduce((s, c) => s + c.count, 0),
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
    results.push({ workerId: w.id, externalRef: w.external_ref, name: w.full_name, score, components, explanation: explain(o, c) });
  }
  return { results, stale };
}

/** The requested slice of the near misses, in gate-item order, each closest to passing first. */
async function nearMissesPage(deps: Deps, agencyId: string, o: MatchOrder, parts: Ranking["nearMissParts"], q: MatchQuery): Promise<NearMissResult[]> {
  const segments: { key: GateKey; part: NearMissPart; offset: number; limit: number }[] = [];
  let skip = q.nearOffset;
  let need = q.nearLimit;
  for (const { key, part, count } of parts) {
    if (need <= 0) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const take = Math.min(need, count - skip);
    segments.push({ key, part, offset: skip, limit: take });
    need -= take;
    skip = 0;
  }
  const pages = await Promise.all(segments.map((s) => nearMissPage(deps.search, o, [agencyId], s.key, s.part, s.offset, s.limit)));
  const docs = pages.flatMap((p, i) => p.map((d) => ({ key: segments[i]!.key, id: d.id })));
  const rows = new Map((await loadWorkers(deps.db, docs.map((d) => d.id))).map((w) => [w.id, w]));
  return docs.flatMap(({ key, id }) => {
    const w = rows.get(id);
    if (!w || w.agency_org_id !== agencyId) return [];
    const failures = failedGates(o, candidateOf(w));
    if (failures.length !== 1 || failureKey(failures[0]!) !== key) return []; // changed since indexed
    return [{ workerId: w.id, externalRef: w.external_ref, name: w.full_name, key, failed: failures[0]! }];
  });
}
