import type { RawCounts } from "~/domain/booth/breakdown";
import { gateKeys, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { guarded, meili, type Search } from "./engine";
import { allOf, where, type Filter } from "./filter";
import { allButFilter, code, qualifiedFilter } from "./match-filters";
import { dayTs } from "./worker-document";
import { WORKERS_INDEX } from "./workers-index";

// Counts for a described vacancy (the booth's kiosk): how many profiles pass the matching engine's gates, how many
// pass all but one, and distributions over those pools, without reading a single document. Numbers only: nothing
// here returns an id, a name or any other field of a profile.
//
// Every filter comes from match-filters.ts, the engine's own, so the kiosk's count is the engine's qualified count
// for the same order by construction (a test holds them equal). Totals and distributions come from search facets
// with `limit: 0`, which are exact beyond maxTotalHits and the search cut-off (hit totals are not), but each facet
// lists at most 100 values, so a facet
// is only asked of fields with fewer values than that (levels 1–6, 38 provinces, the certificate catalogue, future
// months within the three years a profile's availability may lie ahead).

/** The raw counts of one vacancy, as the domain's breakdown takes them (app/domain/booth/breakdown.ts). */
export type PoolCounts = RawCounts;

/** The counts of `o` over the given agencies' available, consenting profiles, on `today`. */
export function countPool(
  search: Search,
  o: MatchOrder,
  agencyIds: readonly string[],
  today: string,
  uid = WORKERS_INDEX,
): Promise<PoolCounts> {
  return guarded(async () => {
    const keys = gateKeys(o);
    const qualified = qualifiedFilter(o, agencyIds);
    const allBut = new Map(keys.map((k) => [k, allButFilter(o, agencyIds, k)] as const));
    const todayTs = dayTs(today);
    const sectorIsco = `${code(o.sector)}:${o.iscoCode}`;
    const languageKeys = o.languages.map((l) => ({ code: code(l.code), key: `language:${l.code}` as GateKey }));
    const certKeys = o.certificates
      .filter((c) => c.mandatory)
      .map((c) => ({ code: code(c.code), key: `certificate:${c.code}` as GateKey }));
    const availabilityPool = allBut.get("availability");

    // One search per pool, in parallel (a multi-search request runs its queries one after another: p50/p95
    // 26/46 ms against 22/37 ms at 100,000 profiles in scripts/bench/booth.ts). Each query's total is the sum of its
    // province_code facet: every profile has exactly one home province (the profile schema
    // requires it), and facet counts are exact where hit totals stop at maxTotalHits.
    const queries: { filter: Filter; facets: string[] }[] = [
      { filter: qualified, facets: [COUNTED_BY, "sector_isco", "preferred_countries"] },
      ...keys.map((k) => ({ filter: allBut.get(k)!, facets: [COUNTED_BY, ...facetFor(k)] })),
    ];
    if (availabilityPool) {
      queries.push({
        filter: allOf(availabilityPool, where("available_from_ts", "<=", todayTs)),
        facets: [COUNTED_BY],
      });
      queries.push({
        filter: allOf(availabilityPool, where("available_from_ts", ">", todayTs)),
        facets: ["available_month"],
      });
    }
    const results = await facetsOfMany(search, queries, uid);
    const total = (r: Facets) => Object.values(r[COUNTED_BY] ?? {}).reduce((a, b) => a + b, 0);
    const q = results[0]!;
    const byKey = new Map(keys.map((k, i) => [k, results[i + 1]!] as const));
    return {
      qualified: total(q),
      allBut: keys.map((key) => ({ key, count: total(byKey.get(key)!) })),
      languageRanks: languageKeys.map((l) => ({ code: l.code, byRank: byKey.get(l.key)![`lang_${l.code}`] ?? {} })),
      certificatesHeld: certKeys.map((c) => ({ code: c.code, held: byKey.get(c.key)!.certificates?.[c.code] ?? 0 })),
      availability: availabilityPool
        ? {
            now: total(results[keys.length + 1]!),
            byMonth: results[keys.length + 2]!.available_month ?? {},
          }
        : null,
      provinces: q[COUNTED_BY] ?? {},
      sameOccupation: q.sector_isco?.[sectorIsco] ?? 0,
      preferCountry: q.preferred_countries?.[o.country] ?? 0,
    };
  });
}

/** Meilisearch's default faceting.maxValuesPerFacet: a facet lists at most this many values. */
const FACET_VALUES = 100;

/**
 * Per agency, how many of its available, consenting profiles pass every gate of `o` (the ministry's counts for a
 * verified order), from facets of the engine's own qualified filter: no document is read. Agencies are asked
 * about in groups of FACET_VALUES, so each group's agency_id facet lists every agency of the group; groups run in
 * parallel. Agencies with none are absent.
 */
export function countQualifiedByAgency(
  search: Search,
  o: MatchOrder,
  agencyIds: readonly string[],
  uid = WORKERS_INDEX,
): Promise<Map<string, number>> {
  return guarded(async () => {
    const groups: string[][] = [];
    for (let i = 0; i < agencyIds.length; i += FACET_VALUES) groups.push(agencyIds.slice(i, i + FACET_VALUES));
    const results = await facetsOfMany(
      search,
      groups.map((g) => ({ filter: qualifiedFilter(o, g), facets: ["agency_id"] })),
      uid,
    );
    const out = new Map<string, number>();
    for (const r of results) for (const [id, n] of Object.entries(r.agency_id ?? {})) if (n > 0) out.set(id, n);
    return out;
  });
}

type Facets = Record<string, Record<string, number>>;

/** The facet every document has exactly one value of: the sum of its counts is the number of documents. */
const COUNTED_BY = "province_code";

/** The distribution a gate item's chart draws, over those passing every other gate. */
function facetFor(key: GateKey): string[] {
  if (key.startsWith("language:")) return [`lang_${code(key.slice("language:".length))}`];
  if (key.startsWith("certificate:")) return ["certificates"];
  return [];
}

/** Facet distributions of the documents passing each filter (no hits are returned), one request each, in parallel. */
async function facetsOfMany(
  search: Search,
  queries: readonly { filter: Filter; facets: string[] }[],
  uid: string,
): Promise<Facets[]> {
  const index = meili(search).index(uid);
  return Promise.all(
    queries.map(async (q) => {
      const r = await index.search(null, { filter: q.filter, facets: q.facets, limit: 0 });
      return (r.facetDistribution ?? {}) as Facets;
    }),
  );
}
