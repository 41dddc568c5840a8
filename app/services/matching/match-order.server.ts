import { defaultOccupationScope } from "~/domain/matching/occupation-scope";
import { DomainError } from "~/domain/errors";
import { explain, type Explanation } from "~/domain/matching/explain";
import {
  failedGates,
  failureKey,
  gateKeys,
  nearMissOf,
  type Candidate,
  type GateFailure,
  type GateKey,
  type MatchOrder,
} from "~/domain/matching/gates";
import { scoreCandidate, type ScoreComponents } from "~/domain/matching/score";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { loadWorkers } from "~db/workers";
import type { JobOrder, Worker } from "~db/schema";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { loadVisible } from "../job-orders/access.server";
import { activeAgencies } from "./active-agencies.server";
import { keptRanking } from "./ranking-cache.server";
import { countQualifiedByAgency } from "~search/match-counts";
import { countNearMisses } from "~search/match-retrieval";
import type { NearMissEntry, Ranking } from "./ranking.server";
import { isMatchable as isMatchableOrder } from "~/domain/job-orders/matchable";

// The matching engine's use case (docs/decisions/007-matching.md): hard gates as Meilisearch filters over the whole
// pool, the domain's score on every qualified document, and the shown page re-checked against PostgreSQL, the source of
// truth, so a profile that changed after it was indexed never shows with a gate it now fails.

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
      /** served from the last consistent ranking while confirmed changes are still being applied */
      updating: boolean;
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
    occupationScope: o.content.occupationScope ?? defaultOccupationScope(o.isco_code),
    priority: o.content.matchPriority ?? "experience",
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

/** The domain's rule (app/domain/job-orders/matchable.ts) on a job-order row. */
export function isMatchable(o: JobOrder, today: string): boolean {
  return isMatchableOrder(
    { status: o.status, positions: o.positions, positionsFilled: o.positions_filled, validUntil: o.valid_until },
    today,
  );
}

const orderKeyOf = (o: JobOrder) => `${o.id}|${o.version}|${o.updated_at.getTime()}`;

export type AgencyMatchView = Extract<MatchView, { kind: "agency" }>;

/** The matches of a verified order: an agency's own ranked candidates and near misses, or the ministry's counts. */
export async function matchJobOrder(deps: Deps, actor: Actor, orderId: string, q: MatchQuery): Promise<MatchView> {
  const m = await matchableFor(deps, actor, orderId, ["agency", "ministry"]);
  return m.role === "ministry" ? ministryCounts(deps, m.order, m.today) : agencyView(deps, actor, m.order, q, m.today);
}

/** The same for an agency only (the API's matches: the ministry's counts are a page). */
export async function matchJobOrderForAgency(
  deps: Deps,
  actor: Actor,
  orderId: string,
  q: MatchQuery,
): Promise<AgencyMatchView> {
  const m = await matchableFor(deps, actor, orderId, ["agency"], "errors.agency_only");
  return agencyView(deps, actor, m.order, q, m.today);
}

/** The order, if the actor sees it (else 404) as one of `roles` (else 403), and it can be matched (else 409). */
async function matchableFor<R extends "agency" | "ministry">(
  deps: Deps,
  actor: Actor,
  orderId: string,
  roles: readonly R[],
  messageKey?: string,
) {
  const { order, role } = await loadVisible(deps, actor, orderId);
  requireViewerRole(role, roles, messageKey);
  const today = isoDay(deps.now());
  if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
  return { order, role, today };
}

const headOf = (order: JobOrder) => ({
  ...matchOrderOf(order),
  id: order.id,
  reference: order.reference,
  title: order.title,
});

/**
 * The ministry's counts: per licensed agency, how many of its profiles qualify, and the near misses per item, over
 * every agency. Counted by the index's facets with the engine's own filters (search/match-counts.ts): no document
 * is read and no ranking kept, so the view costs the same at 1,000,000 profiles as at 1,000 and is never behind the
 * index. The engine's ranking also drops a document its filters pass and its gates refuse; there are none by
 * construction (tests/integration/matching-agreement.test.ts holds the counts equal to a brute-force ranking).
 */
async function ministryCounts(deps: Deps, order: JobOrder, today: string): Promise<MatchView> {
  const { byAgency, nearMissCounts } = await countsByAgency(deps, order, today);
  return {
    kind: "ministry",
    order: headOf(order),
    total: byAgency.reduce((n, a) => n + a.count, 0),
    nearMissTotal: nearMissCounts.reduce((n, c) => n + c.count, 0),
    nearMissCounts,
    byAgency,
  };
}

/**
 * Per licensed agency, how many of its own available, consenting profiles pass every gate of the order (agencies
 * with none are left out), and the near misses per item over all of them: the ministry's counts, and what a newly
 * verified order's notification says (decision 023). Counted by the index, so always as current as the index.
 */
export async function countsByAgency(deps: Deps, order: JobOrder, today: string) {
  const o = matchOrderOf(order);
  const agencies = await activeAgencies(deps, today);
  const ids = agencies.map((a) => a.id);
  const [perAgency, nearMissCounts] = await Promise.all([
    countQualifiedByAgency(deps.search, o, ids),
    countNearMisses(deps.search, o, ids),
  ]);
  const byAgency = agencies
    .filter((a) => perAgency.has(a.id))
    .map((a) => ({ agencyId: a.id, name: a.name, count: perAgency.get(a.id)! }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { byAgency, nearMissCounts };
}

async function agencyView(
  deps: Deps,
  actor: Actor,
  order: JobOrder,
  q: MatchQuery,
  today: string,
): Promise<AgencyMatchView> {
  const o = matchOrderOf(order);
  if (q.item !== undefined && !gateKeys(o).includes(q.item as GateKey))
    throw new DomainError("invalid", "errors.invalid", { item: "errors.choose_option" });
  const agencyIds = [actor.orgId];
  const { ranking, updating } = await keptRanking(deps, {
    orderKey: orderKeyOf(order),
    o,
    agencyIds,
    today,
    scope: "agencies",
  });
  const { results, stale } = await rankedPage(deps, actor.orgId, o, ranking, q, today);
  const counts = q.item ? ranking.nearMissCounts.filter((c) => c.key === q.item) : ranking.nearMissCounts;
  const nearMisses = await nearMissesPage(
    deps,
    actor.orgId,
    o,
    await nearSlice(ranking, counts, q.nearOffset, q.nearLimit),
  );
  return {
    kind: "agency",
    order: headOf(order),
    total: ranking.ranked.length,
    results,
    nearMissTotal: counts.reduce((n, c) => n + c.count, 0),
    nearMissCounts: ranking.nearMissCounts,
    nearMisses,
    stale,
    updating,
  };
}

/** The requested slice of the ranking, each row re-checked and explained from PostgreSQL. */
async function rankedPage(deps: Deps, agencyId: string, o: MatchOrder, ranking: Ranking, q: MatchQuery, today: string) {
  const slice = ranking.ranked.slice(q.offset, q.offset + q.limit);
  const rows = new Map(
    (
      await loadWorkers(
        deps.db,
        slice.map((r) => r.id),
      )
    ).map((w) => [w.id, w]),
  );
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
    results.push({
      workerId: w.id,
      externalRef: w.external_ref,
      name: w.full_name,
      score,
      components,
      explanation: explain(o, c),
    });
  }
  return { results, stale };
}

/** The near misses from `offset` (across items, in item order), reading only the items the page reaches. */
async function nearSlice(
  ranking: Ranking,
  counts: Ranking["nearMissCounts"],
  offset: number,
  limit: number,
): Promise<NearMissEntry[]> {
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
async function nearMissesPage(
  deps: Deps,
  agencyId: string,
  o: MatchOrder,
  slice: NearMissEntry[],
): Promise<NearMissResult[]> {
  const rows = new Map(
    (
      await loadWorkers(
        deps.db,
        slice.map((n) => n.id),
      )
    ).map((w) => [w.id, w]),
  );
  return slice.flatMap(({ key, id }) => {
    const w = rows.get(id);
    if (!w || w.agency_org_id !== agencyId) return [];
    const near = nearMissOf(failedGates(o, candidateOf(w)));
    if (!near || failureKey(near) !== key) return []; // changed since indexed
    return [{ workerId: w.id, externalRef: w.external_ref, name: w.full_name, key, failed: near }];
  });
}
