import { gateKeys, type Candidate, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { CEFR_LEVELS } from "~/domain/reference/languages";
import { guarded, meili, type Search } from "./engine";
import { type Filter } from "./filter";
import { code, nearMissFilter, qualifiedFilter } from "./match-filters";
import { minorYearsField, NO_EXPIRY_TS, unitYearsField } from "./worker-document";
import { WORKERS_INDEX } from "./workers-index";

// Retrieval for the matching engine. Every hard gate is a Meilisearch filter over flat fields (one per certificate
// and language, since filters over arrays of objects can pair two different elements), and the pool is walked with
// POST /documents/fetch, which maxTotalHits and searchCutoffMs do not touch (a search silently ranks only the first
// 1,000 hits and stops after ~1.5 s). Codes come from the reference allow-lists and are checked again here; numbers
// are numbers; every value goes through search/filter.ts.
// The application re-checks and re-scores every document with app/domain/matching: the port hands it domain
// candidates (`PoolCandidate`), never documents or filters.
//
// Found here (Meilisearch 1.21, tests in tests/integration/meilisearch-traps.test.ts): documents/fetch with `sort`
// silently drops documents that lack the sort field (its `total` still counts them), skips back one document at
// most offsets, and refuses to sort on a field no document has yet; a search is cut off silently. So both the
// qualified pool and each near-miss set are read unsorted with documents/fetch and ordered by the domain.

/** The document fields the domain needs to re-check and score a candidate for this order. */
function matchFields(o: MatchOrder): string[] {
  return [
    "id",
    "agency_id",
    "status",
    "consent",
    "sectors",
    "available_from_ts",
    "updated_at_ts",
    "preferred_countries",
    `years_${code(o.sector)}`,
    unitYearsField(code(o.sector), o.iscoCode),
    minorYearsField(code(o.sector), o.iscoCode),
    ...o.languages.map((l) => `lang_${code(l.code)}`),
    ...o.certificates.map((c) => `cert_until_${code(c.code)}`),
  ];
}

type MatchDocument = Record<string, unknown> & { id: string; agency_id: string };

/** A profile as matching sees it: its agency, and the domain candidate rebuilt from its index document. */
export interface PoolCandidate {
  agencyId: string;
  candidate: Candidate;
}

const isoDays = new Map<number, string>();
/** The ISO day of a timestamp (memoised: a pool repeats the same few hundred dates). */
const isoOfTs = (ts: number) => {
  let iso = isoDays.get(ts);
  if (iso === undefined) {
    iso = new Date(ts * 1000).toISOString().slice(0, 10);
    if (isoDays.size > 50_000) isoDays.clear();
    isoDays.set(ts, iso);
  }
  return iso;
};

/**
 * A domain candidate rebuilt from an index document, holding exactly what this order's gates and score read:
 * the order's sector (years summed, exact occupation or not), its languages as CEFR levels, its certificates
 * with their latest expiry.
 */
function candidateFromDocument(o: MatchOrder, d: MatchDocument): Candidate {
  return {
    id: d.id,
    status: String(d.status),
    consent: d.consent === true,
    availableFrom: isoOfTs(Number(d.available_from_ts)),
    updatedAt: isoOfTs(Number(d.updated_at_ts)),
    experiences: experiencesFromDocument(o, d),
    languages: o.languages.flatMap((l) => {
      const rank = d[`lang_${l.code}`];
      return typeof rank === "number" && rank >= 1
        ? [{ code: l.code, kind: "cefr" as const, level: CEFR_LEVELS[rank - 1]! }]
        : [];
    }),
    certificates: o.certificates.flatMap((c) => {
      const until = d[`cert_until_${c.code}`];
      if (typeof until !== "number") return [];
      return [until >= NO_EXPIRY_TS ? { code: c.code } : { code: c.code, expiresOn: isoOfTs(until) }];
    }),
    preferredCountries: (d.preferred_countries as string[] | undefined) ?? [],
  };
}

/**
 * The experiences the order's gate and score read, rebuilt from the document's sums: the years in the order's own
 * occupation, the rest of its minor group (a code of that group other than the order's), and the rest of the sector
 * (no code). Summed by the domain's scope, they give the document's own figures; presence is kept (a 0-year entry
 * counts as held).
 */
function experiencesFromDocument(o: MatchOrder, d: MatchDocument): Candidate["experiences"] {
  const sectors = (d.sectors as string[] | undefined) ?? [];
  if (!sectors.includes(o.sector)) return [];
  const num = (field: string) => (typeof d[field] === "number" ? (d[field] as number) : null);
  const unit = num(unitYearsField(o.sector, o.iscoCode));
  const minor = num(minorYearsField(o.sector, o.iscoCode));
  const all = Number(d[`years_${o.sector}`] ?? 0);
  const out: Candidate["experiences"] = [];
  if (unit !== null) out.push({ sector: o.sector, iscoCode: o.iscoCode, years: unit });
  if (minor !== null && (unit === null || minor - unit > 0.001))
    out.push({ sector: o.sector, iscoCode: `${o.iscoCode.slice(0, 3)}?`, years: round2(minor - (unit ?? 0)) });
  if (minor === null || all - minor > 0.001)
    out.push({ sector: o.sector, iscoCode: "", years: round2(all - (minor ?? 0)) });
  return out;
}
const round2 = (n: number) => Math.round(n * 100) / 100;

const PAGE = 10_000;

const toPool = (o: MatchOrder, docs: readonly MatchDocument[]): PoolCandidate[] =>
  docs.map((d) => ({ agencyId: d.agency_id, candidate: candidateFromDocument(o, d) }));

/**
 * Every profile of these agencies that passes all of the order's gate filters, however many. Fails with
 * IndexChangedError if the index changed while paging (the caller reads again).
 */
export function readQualifiedPool(
  search: Search,
  o: MatchOrder,
  agencyIds: readonly string[],
  uid = WORKERS_INDEX,
): Promise<PoolCandidate[]> {
  return guarded(async () => toPool(o, await fetchAllDocuments(search, o, qualifiedFilter(o, agencyIds), uid)));
}

/** Every profile of these agencies that passes every gate but `key` and fails `key` (a near miss on that item). */
export function readNearMissPool(
  search: Search,
  o: MatchOrder,
  agencyIds: readonly string[],
  key: GateKey,
  uid = WORKERS_INDEX,
): Promise<PoolCandidate[]> {
  return guarded(async () => toPool(o, await fetchAllDocuments(search, o, nearMissFilter(o, agencyIds, key), uid)));
}

/** How many near misses there are on each of the order's gate items, in the order's item order. */
export function countNearMisses(
  search: Search,
  o: MatchOrder,
  agencyIds: readonly string[],
  uid = WORKERS_INDEX,
): Promise<{ key: GateKey; count: number }[]> {
  return guarded(async () => {
    const keys = gateKeys(o);
    const counts = await countDocuments(
      search,
      keys.map((k) => nearMissFilter(o, agencyIds, k)),
      uid,
    );
    return keys.map((key, i) => ({ key, count: counts[i]! }));
  });
}

/** The profiles among `ids` that are in the index, whatever their agency or gates (the caller judges them). */
export function readCandidatesByIds(
  search: Search,
  o: MatchOrder,
  ids: readonly string[],
  uid = WORKERS_INDEX,
): Promise<PoolCandidate[]> {
  return guarded(async () => toPool(o, await fetchDocumentsByIds(search, o, ids, uid)));
}

/**
 * Every document passing `filter`, however many (documents/fetch in pages of 10,000; the first page tells the
 * total, the rest are fetched two at a time). Fails if the index changed while paging (the caller retries).
 */
async function fetchAllDocuments(search: Search, o: MatchOrder, filter: Filter, uid: string): Promise<MatchDocument[]> {
  const index = meili(search).index(uid);
  const fields = matchFields(o);
  const first = await index.getDocuments<MatchDocument>({ filter, fields: fields as never, limit: PAGE, offset: 0 });
  const docs = [...first.results];
  const offsets: number[] = [];
  for (let off = PAGE; off < first.total; off += PAGE) offsets.push(off);
  for (let i = 0; i < offsets.length; i += 2) {
    const pages = await Promise.all(
      offsets
        .slice(i, i + 2)
        .map((offset) => index.getDocuments<MatchDocument>({ filter, fields: fields as never, limit: PAGE, offset })),
    );
    for (const p of pages) {
      if (p.total !== first.total) throw new IndexChangedError();
      docs.push(...p.results);
    }
  }
  if (new Set(docs.map((d) => d.id)).size !== first.total) throw new IndexChangedError();
  return docs;
}

/** The index changed while a pool was read page by page: read it again. */
export class IndexChangedError extends Error {
  constructor() {
    super("the index changed while the pool was read");
  }
}

/** How many documents pass each filter (documents/fetch's exact total; one request each, in parallel). */
async function countDocuments(search: Search, filters: readonly Filter[], uid: string): Promise<number[]> {
  const index = meili(search).index(uid);
  return Promise.all(
    filters.map(async (filter) => (await index.getDocuments({ filter, fields: ["id"], limit: 1 })).total),
  );
}

/** The documents among `ids` (at most 1,000 ids a request, two requests at a time). */
async function fetchDocumentsByIds(
  search: Search,
  o: MatchOrder,
  ids: readonly string[],
  uid: string,
): Promise<MatchDocument[]> {
  const index = meili(search).index(uid);
  const fields = matchFields(o);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 1000) chunks.push(ids.slice(i, i + 1000));
  const docs: MatchDocument[] = [];
  for (let i = 0; i < chunks.length; i += 2) {
    const pages = await Promise.all(
      chunks
        .slice(i, i + 2)
        .map((chunk) =>
          index.getDocuments<MatchDocument>({ ids: chunk, fields: fields as never, limit: chunk.length }),
        ),
    );
    for (const p of pages) docs.push(...p.results);
  }
  return docs;
}
