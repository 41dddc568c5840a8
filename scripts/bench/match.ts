// Benchmark: the matching engine against a PostgreSQL-only ranking of the same N generated profiles (default
// 100,000; written to handle 1,000,000), on throwaway PostgreSQL and Meilisearch.
//   npx tsx scripts/bench/match.ts [N] [IMPORT_ROWS]
// Prints the load and index times, then for five verified job orders (cruise waiter, ship cook, care worker,
// welder, deckhand) the latency of matchJobOrder (the service behind GET /api/v1/job-orders/:id/matches, called
// in-process: the HTTP layer adds only JSON encoding) cold (ranking cache cleared before each call) and warm
// (cached ranking, paging through it), against the baseline: one indexed SQL query over a bench-only features
// table that returns the same page (qualified total, top 20 by the same score with ties by id, near-miss counts
// per gate item and the first near misses). Then "kept": every order's ranking kept by the engine while the agency
// saves 10 profiles a second (outbox worker and ranking keeper running in-process, as in the server), timed against
// the same baseline query; once the outbox is drained the first pages must equal the baseline again. Then a bulk
// import of 3,000 profiles while the pages are read, with requests waiting for catch-ups and without (part 4).
// Every page the engine returned is compared with the baseline's
// ("equal results: yes", or the differences and exit code 1). Ends with p50/p95 per mode and the ratios, and
// the machine (cores, Node version).
import os from "node:os";
import { sql } from "kysely";
import { contractEnd, gateKeys, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { WEIGHTS } from "~/domain/matching/score";
import { CERTIFICATE_CODES } from "~/domain/reference/certificates";
import { cefrRank, LANGUAGES } from "~/domain/reference/languages";
import { SECTORS } from "~/domain/reference/sectors";
import { isoDay } from "~/domain/dates";
import type { Deps } from "~/services/deps.server";
import type { Actor } from "~/domain/org";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { matchJobOrder, matchOrderOf, type MatchView } from "~/services/matching/match-order.server";
import {
  clearMatchCache,
  rankingCacheStats,
  rankingsIdle,
  startRankingKeeper,
} from "~/services/matching/ranking-cache.server";
import { reindexWorkers, startOutboxWorker } from "~/services/search/drain-outbox.server";
import { workerSource } from "~/services/search/worker-source.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { type Db } from "~db/client";
import type { Worker } from "~db/schema";
import { outboxBacklog } from "~db/search-outbox";
import { allWorkers, loadWorkers } from "~db/workers";
import { createSearch } from "~search/client";
import { belongsInIndex, NO_EXPIRY_TS, toWorkerDocument } from "~search/worker-document";
import { countIndexedDocuments } from "~search/workers-index";
import { generateWorker, prng } from "../lib/generate-workers";
import {
  benchVerifiedOrder as verifiedOrder,
  createBenchAgencies,
  ms,
  pct,
  startBenchServices,
  timed,
} from "../lib/bench-kit";

const N = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(N) || N < 100) throw new Error("N must be an integer ≥ 100");
const CHUNK = 20_000; // generated, imported and forgotten one chunk at a time (1,000,000 rows never sit in memory)
const COLD = 20; // calls per order with the ranking cache cleared before each
const WARM = 50; // calls per order on the cached ranking, paging offsets 0, 20, 40 …
const LIVE = 40; // calls per order on kept rankings while profiles change (round-robin over the orders)
const WRITES_PER_SECOND = 10; // profile saves by the measured agency during the LIVE calls (one every 100 ms: 36,000 an hour)
const PAGE = 20;
/** one bulk import of the measured agency while its pages are read (default: the issue's 3,000-row import) */
const IMPORT_ROWS = Number(process.argv[3] ?? 3_000);
if (!Number.isInteger(IMPORT_ROWS) || IMPORT_ROWS < 1) throw new Error("the import's rows must be an integer ≥ 1");
const SETTLE_MS = 10_000; // requests go on this long after the outbox has drained
interface ImportRound {
  during: number[];
  after: number[];
  updating: number;
  importMs: number;
  drainedMs: number;
}
/** A view once no catch-up is under way (a kept ranking served while one runs is marked updating). */
async function currentView(view: () => Promise<MatchView>): Promise<MatchView> {
  for (let i = 0; ; i++) {
    const v = await view();
    if (v.kind !== "agency" || !v.updating || i >= 100) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const fmt = (n: number) => n.toLocaleString("en");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => `${fmt(Math.round((n / ms) * 1000))} rows/s`;

// ---------------------------------------------------------------------------------------------------------------
// Baseline design (PostgreSQL only). A features table with one row per profile holding exactly the fields of
// toWorkerDocument (search/worker-document.ts), so the language-evidence → CEFR mapping and the latest-expiry rule
// are computed once at write time, as the index does (in production it would be written in the same transaction
// as the workers row). Flat typed columns: years_<sector> float8, lang_<code> CEFR rank, cert_until_<code> date
// (no expiry = 3000-01-01). Partial btree indexes over available, consenting profiles, one per gate field, led by
// agency_id: (agency_id, years_<s>) where the profile has sector s, (agency_id, lang_<l>) and
// (agency_id, cert_until_<c>) where the field is set, and (agency_id, available_from). One query per page: a
// profile failing at most one gate item passes the sector gate or the order's most selective other gate, so the
// pool is a BitmapOr of two index scans; each row's gate results, score (the domain's WEIGHTS and formulas) and
// near-miss gap are computed in SQL; qualified total, top 20, near-miss counts per item and the first near misses
// (with names from workers) come back in one round trip.
// ---------------------------------------------------------------------------------------------------------------
const FEATURES = "bench_match_features";
const NO_EXPIRY_DAY = new Date(NO_EXPIRY_TS * 1000).toISOString().slice(0, 10); // 3000-01-01
const CODE = /^[a-z0-9_]{1,40}$/;
const code = (c: string) => {
  if (!CODE.test(c)) throw new Error(`not a reference code: ${c}`);
  return c;
};
const day = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return `date '${d}'`;
};
const num = (n: number) => {
  if (!Number.isFinite(n)) throw new Error(`not a number: ${n}`);
  return String(n);
};
const country = (c: string) => {
  if (!/^[A-Z]{2}$/.test(c)) throw new Error(`not a country code: ${c}`);
  return c;
};
const SERVED = `status = 'available' and consent`; // the pool of every partial index, written identically in queries
const hasSector = (s: string) => `sectors @> '{${code(s)}}'::text[]`;

async function createFeatures(db: Db): Promise<void> {
  const cols = [
    "id uuid primary key",
    "agency_id uuid not null",
    "status text not null",
    "consent boolean not null",
    "available_from date not null",
    "updated_at timestamptz not null",
    "sectors text[] not null",
    "sector_isco text[] not null",
    "preferred_countries text[] not null",
    ...SECTORS.map((s) => `years_${code(s)} float8`), // summed in JavaScript by toWorkerDocument: the same double
    ...LANGUAGES.map((l) => `lang_${code(l)} smallint`),
    ...CERTIFICATE_CODES.map((c) => `cert_until_${code(c)} date`),
  ];
  await sql.raw(`create unlogged table ${FEATURES} (${cols.join(", ")})`).execute(db);
}

/** The features row of a profile, from the same document the index gets. */
function featureRecord(w: Worker): Record<string, unknown> {
  const src = workerSource(w);
  const doc = toWorkerDocument(src);
  const rec: Record<string, unknown> = {
    id: doc.id,
    agency_id: doc.agency_id,
    status: doc.status,
    consent: belongsInIndex(src), // consenting and not archived: what the index holds
    available_from: doc.available_from,
    updated_at: new Date(Number(doc.updated_at_ts) * 1000).toISOString(),
    sectors: doc.sectors,
    sector_isco: doc.sector_isco,
    preferred_countries: doc.preferred_countries,
  };
  for (const s of SECTORS) if (doc[`years_${s}`] !== undefined) rec[`years_${s}`] = doc[`years_${s}`];
  for (const l of LANGUAGES) if (doc[`lang_${l}`] !== undefined) rec[`lang_${l}`] = doc[`lang_${l}`];
  for (const c of CERTIFICATE_CODES) {
    const ts = doc[`cert_until_${c}`];
    if (typeof ts === "number")
      rec[`cert_until_${c}`] = ts >= NO_EXPIRY_TS ? NO_EXPIRY_DAY : new Date(ts * 1000).toISOString().slice(0, 10);
  }
  return rec;
}

async function insertFeatures(db: Db, records: Record<string, unknown>[]): Promise<void> {
  await sql`insert into ${sql.table(FEATURES)} select * from jsonb_populate_recordset(null::${sql.table(FEATURES)}, ${JSON.stringify(records)}::jsonb)`.execute(
    db,
  );
}

/** The features rows of every profile. */
async function fillFeatures(db: Db): Promise<number> {
  let n = 0;
  for await (const rows of allWorkers(db, 10_000)) {
    await insertFeatures(db, rows.map(featureRecord));
    n += rows.length;
  }
  return n;
}

/** The features rows of these profiles written again (as a production write path would, in its transaction). */
async function refreshFeatures(db: Db, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5_000) {
    const chunk = ids.slice(i, i + 5_000);
    await sql`delete from ${sql.table(FEATURES)} where id = any(${chunk}::uuid[])`.execute(db);
    await insertFeatures(db, (await loadWorkers(db, chunk)).map(featureRecord));
  }
}

async function indexFeatures(db: Db): Promise<number> {
  const ddl = [
    ...SECTORS.map(
      (s) => `create index bf_years_${s} on ${FEATURES} (agency_id, years_${s}) where ${SERVED} and ${hasSector(s)}`,
    ),
    ...LANGUAGES.map(
      (l) =>
        `create index bf_lang_${l} on ${FEATURES} (agency_id, lang_${l}) where ${SERVED} and lang_${l} is not null`,
    ),
    ...CERTIFICATE_CODES.map(
      (c) =>
        `create index bf_cert_until_${c} on ${FEATURES} (agency_id, cert_until_${c}) where ${SERVED} and cert_until_${c} is not null`,
    ),
    `create index bf_available_from on ${FEATURES} (agency_id, available_from) where ${SERVED}`,
  ];
  for (const d of ddl) await sql.raw(d).execute(db);
  return ddl.length;
}

interface BaselinePage {
  total: number;
  top: { id: string; score: number; name: string }[];
  nearMissCounts: { key: GateKey; count: number }[];
  near: { id: string; key: GateKey; name: string }[];
}

/** The page query for one order (codes, dates and numbers are checked, then written into the SQL text). */
function baselineSql(o: MatchOrder, today: string) {
  const s = code(o.sector);
  const end = day(contractEnd(o));
  const start = day(o.startDate);
  const min = num(o.minExperienceYears);
  const mandatory = o.certificates.filter((c) => c.mandatory);
  const preferred = o.certificates.filter((c) => !c.mandatory);
  const keys = gateKeys(o);
  // every gate item: passes (never null), and how far a near miss is from passing (the domain's failureGap)
  const items = keys.map((key) => {
    if (key === "sector")
      return {
        pass: `(${hasSector(s)} and coalesce(years_${s}, 0) >= ${min})`,
        gap: `(${min} - coalesce(years_${s}, 0))`,
        // gates.isFixable: a worker with no experience that counts is no near miss
        fixable: "has_sector", // a column of the inner query
      };
    if (key === "availability")
      return { pass: `(available_from <= ${start})`, gap: `(available_from - ${start})`, fixable: "true" };
    const [kind, c] = key.split(":") as ["language" | "certificate", string];
    if (kind === "language") {
      const need = cefrRank(o.languages.find((l) => l.code === c)!.minLevel);
      return {
        pass: `(coalesce(lang_${code(c)}, 0) >= ${need})`,
        gap: `(${need} - coalesce(lang_${code(c)}, 0))`,
        // a language not spoken at all is not one item away
        fixable: `(coalesce(lang_${code(c)}, 0) >= 1)`,
      };
    }
    return {
      pass: `coalesce(cert_until_${code(c)} >= ${end}, false)`,
      gap: `coalesce(${end} - cert_until_${code(c)}, 1000000000)`,
      fixable: "true",
    };
  });
  // Profiles failing at most one item pass the sector gate or the most selective other gate: index both, OR them.
  const second = mandatory[0]
    ? `cert_until_${code(mandatory[0].code)} >= ${end}`
    : o.languages[0]
      ? `lang_${code(o.languages[0].code)} >= ${cefrRank(o.languages[0].minLevel)}`
      : `available_from <= ${start}`;
  // score.ts, component by component and in its order, in float8 as JavaScript computes it (months: ms / 30.4375 days)
  const months = (days: string) => `(${days})::float8 * 86400000 / ${30.4375 * 86_400_000}`;
  // capped per language, as score.ts does
  const language = o.languages.map(
    (l) =>
      `least(${WEIGHTS.languageCap}, greatest(0, coalesce(lang_${code(l.code)}, 0) - ${cefrRank(l.minLevel)}) * ${WEIGHTS.perLevelAboveMin})`,
  );
  // the tie-break (score.ts): counted years, summed language ranks, earlier availability, then id
  const languageRanks = o.languages.length
    ? o.languages.map((l) => `coalesce(lang_${code(l.code)}, 0)`).join(" + ")
    : "0";
  const headroomMonths = mandatory.map(
    (c) =>
      `case when cert_until_${code(c.code)} < ${day(NO_EXPIRY_DAY)} then ${months(`cert_until_${code(c.code)} - ${end}`)} end`,
  );
  const tightest = `least(${headroomMonths.join(", ")})`; // least() skips nulls: null = every mandatory one never expires
  const headroom =
    mandatory.length === 0
      ? "0"
      : `case when ${tightest} is null then ${WEIGHTS.headroomCap} else least(${WEIGHTS.headroomCap}, floor(greatest(0, ${tightest}) / 6) * ${WEIGHTS.perSixMonthsHeadroom}) end`;
  const age = months(`${day(today)} - (updated_at at time zone 'UTC')::date`);
  const score = [
    `case when sector_isco @> array['${s}:${code(o.iscoCode)}'] then ${WEIGHTS.iscoExact} else 0 end`,
    `least(${WEIGHTS.yearsCap}, greatest(0, coalesce(years_${s}, 0) - ${min}) * ${WEIGHTS.perYearBeyondMin})`,
    language.length ? language.join(" + ") : "0",
    preferred.length
      ? `(${preferred.map((c) => `case when cert_until_${code(c.code)} >= ${end} then 1 else 0 end`).join(" + ")}) * ${WEIGHTS.perPreferredCert}`
      : "0",
    headroom,
    `case when preferred_countries @> array['${country(o.country)}'] then ${WEIGHTS.preferredDestination} else 0 end`,
    `case when ${age} <= ${90 / 30.4375}::float8 then ${WEIGHTS.updatedWithin90Days} when ${age} <= 12 then ${WEIGHTS.updatedWithinYear} else 0 end`,
  ]
    .map((x) => `(${x})`)
    .join(" + ");
  // Inner query: the pool through the indexes, each gate evaluated once (offset 0 keeps PostgreSQL from inlining
  // p0, p1 … back into every expression that reads them). Outer: failures, near-miss item and gap, and the score
  // of qualified rows only.
  const p = items.map((_, i) => `p${i}`);
  const columns = [
    "id",
    "agency_id",
    "sector_isco",
    "preferred_countries",
    "updated_at",
    "available_from",
    `years_${s}`,
    ...new Set([
      ...o.languages.map((l) => `lang_${code(l.code)}`),
      ...o.certificates.map((c) => `cert_until_${code(c.code)}`),
    ]),
    `${hasSector(s)} as has_sector`,
    ...items.map((it, i) => `${it.pass} as p${i}`),
  ];
  const outer = [
    "id",
    "agency_id",
    `${p.map((x) => `(case when ${x} then 0 else 1 end)`).join(" + ")} as fails`,
    `case ${p.map((x, i) => `when not ${x} then ${i}`).join(" ")} end as item`,
    `case ${p.map((x, i) => `when not ${x} then (${items[i]!.gap})::float8`).join(" ")} end as gap`,
    `case ${p.map((x, i) => `when not ${x} then ${items[i]!.fixable}`).join(" ")} else false end as fixable`,
    `coalesce(years_${s}, 0) as tie_years`,
    `(${languageRanks}) as tie_lang`,
    "available_from as tie_from",
    `case when ${p.join(" and ")} then ${score} end as score`,
  ];
  return {
    keys,
    before: `select ${outer.join(", ")} from (select ${columns.join(", ")} from ${FEATURES} where ${SERVED} and agency_id = `,
    after: ` and (${hasSector(s)} or ${second}) offset 0) r`,
  };
}

type BaselineRow = { kind: string; id: string | null; v: number | null; item: number | null; name: string | null };

function baselineQuery(o: MatchOrder, agencyId: string, today: string, q: { offset: number; nearOffset: number }) {
  const b = baselineSql(o, today);
  const query = sql<BaselineRow>`
    with pool as materialized (${sql.raw(b.before)}${agencyId}::uuid${sql.raw(b.after)}),
    top as (select id, score, row_number() over (order by score desc, tie_years desc, tie_lang desc, tie_from, id)::int as pos
      from pool where fails = 0
      order by score desc, tie_years desc, tie_lang desc, tie_from, id offset ${q.offset} limit ${PAGE}),
    near as (select id, item, gap from pool where fails = 1 and fixable order by item, gap, id offset ${q.nearOffset} limit ${PAGE})
    select 'total' as kind, null::uuid as id, (select count(*) from pool where fails = 0)::float8 as v, null::int as item, null::text as name
    union all select 'count', null, count(*)::float8, item, null from pool where fails = 1 and fixable group by item
    union all select 'top', t.id, t.score, t.pos, w.full_name from top t join workers w on w.id = t.id
    union all select 'near', n.id, n.gap, n.item, w.full_name from near n join workers w on w.id = n.id`;
  return { keys: b.keys, query };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** How PostgreSQL reads the features table for this order's page (scan nodes and the indexes they use). */
async function baselinePlan(db: Db, o: MatchOrder, agencyId: string, today: string): Promise<string> {
  const { query } = baselineQuery(o, agencyId, today, { offset: 0, nearOffset: 0 });
  const r = await sql<{ "QUERY PLAN": { Plan: PlanNode }[] }>`explain (format json) ${query}`.execute(db);
  const out: string[] = [];
  const indexes = (n: PlanNode): string[] => [
    ...(n["Index Name"] ? [n["Index Name"]] : []),
    ...(n.Plans ?? []).flatMap(indexes),
  ];
  const walk = (n: PlanNode) => {
    if (n["Relation Name"] === FEATURES)
      out.push(
        `${n["Node Type"]}${n["Node Type"] === "Bitmap Heap Scan" ? ` ← ${(n.Plans ?? []).map((c) => `${c["Node Type"].replace("Bitmap ", "")}(${indexes(c).join(", ")})`).join(" ")}` : n["Index Name"] ? ` (${n["Index Name"]})` : ""}`,
      );
    else for (const c of n.Plans ?? []) walk(c);
  };
  walk(r.rows[0]!["QUERY PLAN"][0]!.Plan);
  return out.join("; ");
}

/** The ministry's counts in SQL: qualified per agency and near misses per item, over the given agencies. */
async function baselineCounts(db: Db, o: MatchOrder, agencyIds: readonly string[], today: string) {
  const b = baselineSql(o, today);
  const r = await sql<{ kind: string; k: string; n: number }>`
    with pool as materialized (${sql.raw(b.before.replace(/agency_id = $/, "agency_id = any("))}${sql.val([...agencyIds])}::uuid[])${sql.raw(b.after)})
    select 'agency' as kind, agency_id::text as k, count(*)::int as n from pool where fails = 0 group by agency_id
    union all select 'item', item::text, count(*)::int from pool where fails = 1 and fixable group by item`.execute(db);
  return {
    byAgency: new Map(r.rows.filter((x) => x.kind === "agency").map((x) => [x.k, x.n])),
    nearMissCounts: b.keys.map((key, i) => ({
      key,
      count: r.rows.find((x) => x.kind === "item" && x.k === String(i))?.n ?? 0,
    })),
  };
}

async function baselinePage(
  db: Db,
  o: MatchOrder,
  agencyId: string,
  today: string,
  q: { offset: number; nearOffset: number },
): Promise<BaselinePage> {
  const b = baselineQuery(o, agencyId, today, q);
  const r = await b.query.execute(db);
  const rows = r.rows;
  const byId = (a: { id: string | null }, c: { id: string | null }) => (a.id! < c.id! ? -1 : a.id! > c.id! ? 1 : 0);
  // the union does not promise an order between rows: put the (at most 20 + 20) page rows back in theirs
  // (top rows carry their rank position in `item`: equal scores are ordered by the tie-break, not by id)
  const top = rows.filter((x) => x.kind === "top").sort((a, c) => a.item! - c.item!);
  const near = rows.filter((x) => x.kind === "near").sort((a, c) => a.item! - c.item! || a.v! - c.v! || byId(a, c));
  const counts = new Map(rows.filter((x) => x.kind === "count").map((x) => [x.item!, x.v!]));
  return {
    total: rows.find((x) => x.kind === "total")!.v!,
    top: top.map((x) => ({ id: x.id!, score: x.v!, name: x.name! })),
    nearMissCounts: b.keys.map((key, i) => ({ key, count: counts.get(i) ?? 0 })),
    near: near.map((x) => ({ id: x.id!, key: b.keys[x.item!]!, name: x.name! })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The five orders of tests/integration/matching-agreement.test.ts, on the complete order of tests/support.
// ---------------------------------------------------------------------------------------------------------------
// The baseline's feature table holds years per sector only, so the orders count any occupation in their sector
// (occupationScope "sector", decision 020); the engine's unit and minor scopes are checked by the agreement test.
const ORDERS: Record<string, unknown>[] = (<Record<string, unknown>[]>[
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
]).map((o) => ({ ...o, occupationScope: "sector" }));

// ---------------------------------------------------------------------------------------------------------------
// Loading uses a client with a long HTTP timeout; matching uses the production client (search/client.ts, 5 s), so
// what is measured is what the API runs.
const { db, meili, loadDeps, stop } = await startBenchServices();
try {
  const { agencies, agencyActor } = await createBenchAgencies(loadDeps);

  // 1. Load: generate a chunk, import it spread over the three agencies (row i → agency i mod 3), forget it.
  const rand = prng(42);
  let imported = 0;
  let importErrors = 0;
  const t0 = performance.now();
  for (let from = 0; from < N; from += CHUNK) {
    const parts: { row: number; data: unknown }[][] = [[], [], []];
    for (let i = from; i < Math.min(N, from + CHUNK); i++)
      parts[i % 3]!.push({ row: i + 2, data: generateWorker(i, rand) });
    for (let k = 0; k < 3; k++) {
      if (parts[k]!.length === 0) continue;
      const report = await importWorkers(loadDeps, agencyActor(agencies[k]!.id), parts[k]!, "valid_only");
      imported += report.created;
      importErrors += report.errors.length;
    }
    if (N >= 200_000 && (from + CHUNK) % 100_000 === 0)
      process.stderr.write(`  imported ${fmt(imported)} / ${fmt(N)} (${secs(performance.now() - t0)})\n`);
  }
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const indexed = await reindexWorkers(loadDeps, CHUNK); // rebuilds the index from PostgreSQL, swaps it in
  await sql`update search_outbox set done_at = now() where done_at is null`.execute(db); // the rebuild covered them
  const indexMs = performance.now() - t1;
  const t2 = performance.now();
  await createFeatures(db);
  const featureRows = await fillFeatures(db);
  const fillMs = performance.now() - t2;
  const t3 = performance.now();
  const nIndexes = await indexFeatures(db);
  await sql`vacuum analyze`.execute(db);
  const featIndexMs = performance.now() - t3;
  const sizes = (
    await sql<{
      table: string;
      indexes: string;
    }>`select pg_size_pretty(pg_table_size(${FEATURES}::regclass)) as table, pg_size_pretty(pg_indexes_size(${FEATURES}::regclass)) as indexes`.execute(
      db,
    )
  ).rows[0]!;
  const stats = { numberOfDocuments: await countIndexedDocuments(loadDeps.search) };

  console.log(
    `profiles:                    ${fmt(N)} generated (prng 42), ${fmt(imported)} imported over 3 agencies (errors: ${importErrors})`,
  );
  console.log(
    `PostgreSQL import:           ${secs(importMs)} = ${rate(imported, importMs)} (importWorkers, chunks of ${fmt(CHUNK)})`,
  );
  console.log(
    `Meilisearch index:           ${fmt(indexed)} documents in ${secs(indexMs)} = ${rate(indexed, indexMs)} (reindexWorkers, batches of ${fmt(CHUNK)}; outbox marked done); index holds ${fmt(stats.numberOfDocuments)}`,
  );
  console.log(
    `PG-only features table:      ${fmt(featureRows)} rows in ${secs(fillMs)} + ${nIndexes} partial indexes and VACUUM ANALYZE in ${secs(featIndexMs)} (table ${sizes.table}, indexes ${sizes.indexes})`,
  );

  // 2. Orders.
  const orders: Awaited<ReturnType<typeof verifiedOrder>>[] = [];
  for (const [i, patch] of ORDERS.entries()) orders.push(await verifiedOrder(loadDeps, i + 1, patch));

  // 3 + 4. Measure, interleaving engine and baseline call by call (same load, same drift), and compare pages.
  const fixedNow = new Date(); // one "today" for the engine and the baseline, even across midnight
  const today = isoDay(fixedNow);
  const deps: Deps = { db, search: createSearch(meili.url, meili.masterKey), now: () => fixedNow };
  const agency = agencies[0]!;
  const actor = agencyActor(agency.id);
  const agencyProfiles = Math.ceil(N / 3);
  const q = (offset: number) => ({ limit: PAGE, offset, nearLimit: PAGE, nearOffset: 0 });
  const asAgency = (v: MatchView) => {
    if (v.kind !== "agency") throw new Error("expected the agency view");
    return v;
  };

  const mismatches: string[] = [];
  const compare = (title: string, offset: number, v: MatchView, b: BaselinePage) => {
    const e = asAgency(v);
    const where = `${title} @ offset ${offset}`;
    if (e.stale !== 0) mismatches.push(`${where}: engine reports ${e.stale} stale rows`);
    if (e.total !== b.total) mismatches.push(`${where}: total engine ${e.total} vs PG ${b.total}`);
    const et = JSON.stringify(e.results.map((r) => [r.workerId, r.score]));
    const bt = JSON.stringify(b.top.map((r) => [r.id, r.score]));
    if (et !== bt) mismatches.push(`${where}: top ${PAGE} differ\n  engine ${et}\n  PG     ${bt}`);
    const ec = JSON.stringify(e.nearMissCounts);
    const bc = JSON.stringify(b.nearMissCounts);
    if (ec !== bc) mismatches.push(`${where}: near-miss counts engine ${ec} vs PG ${bc}`);
    const en = JSON.stringify(e.nearMisses.map((n) => [n.workerId, n.key]));
    const bn = JSON.stringify(b.near.map((n) => [n.id, n.key]));
    if (en !== bn) mismatches.push(`${where}: near-miss page differs\n  engine ${en}\n  PG     ${bn}`);
  };

  const all = {
    engineCold: [] as number[],
    engineWarm: [] as number[],
    pgCold: [] as number[],
    pgWarm: [] as number[],
  };
  const perOrder: {
    title: string;
    total: number;
    near: number;
    engineCold: number[];
    engineWarm: number[];
    pgCold: number[];
    pgWarm: number[];
  }[] = [];
  // warm-up (JIT, connections, Meilisearch and PostgreSQL caches), not measured
  for (const o of orders) {
    clearMatchCache();
    await matchJobOrder(deps, actor, o.id, q(0));
    await rankingsIdle();
    await baselinePage(db, matchOrderOf(o), agency.id, today, { offset: 0, nearOffset: 0 });
  }
  for (const order of orders) {
    const o = matchOrderOf(order);
    const row = {
      title: order.title,
      total: 0,
      near: 0,
      engineCold: [] as number[],
      engineWarm: [] as number[],
      pgCold: [] as number[],
      pgWarm: [] as number[],
    };
    for (let i = 0; i < COLD; i++) {
      clearMatchCache();
      const [v, te] = await timed(() => matchJobOrder(deps, actor, order.id, q(0)));
      await rankingsIdle(); // the near misses read in the background after a first view: neither call's cost
      const [b, tb] = await timed(() => baselinePage(db, o, agency.id, today, { offset: 0, nearOffset: 0 }));
      row.engineCold.push(te);
      row.pgCold.push(tb);
      compare(order.title, 0, v, b);
      if (i === 0) {
        row.total = b.total;
        row.near = b.nearMissCounts.reduce((s, c) => s + c.count, 0);
      }
    }
    clearMatchCache();
    await matchJobOrder(deps, actor, order.id, q(0)); // fills the cache: the warm calls page through this ranking
    await rankingsIdle();
    const span = Math.max(PAGE, Math.ceil(row.total / PAGE) * PAGE);
    for (let i = 0; i < WARM; i++) {
      const offset = (i * PAGE) % span;
      const [v, te] = await timed(() => matchJobOrder(deps, actor, order.id, q(offset)));
      const [b, tb] = await timed(() => baselinePage(db, o, agency.id, today, { offset, nearOffset: 0 }));
      row.engineWarm.push(te);
      row.pgWarm.push(tb);
      compare(order.title, offset, v, b);
    }
    all.engineCold.push(...row.engineCold);
    all.engineWarm.push(...row.engineWarm);
    all.pgCold.push(...row.pgCold);
    all.pgWarm.push(...row.pgWarm);
    perOrder.push(row);
  }

  // The ministry's counts (every agency's qualified profiles and the near misses per item), counted by the index's
  // facets without reading a document, against the same counts in SQL over the features table.
  const ministry = await unsafeCreateOrg(
    loadDeps,
    { kind: "ministry", slug: "bench-ministry", name: "Bench ministry" },
    { userId: null, label: "bench" },
  );
  const ministryActor: Actor = { userId: null, orgId: ministry.id, orgKind: "ministry", role: "admin" };
  const counts = { engine: [] as number[], pg: [] as number[] };
  for (let i = 0; i < COLD; i++) {
    for (const order of orders) {
      const [v, te] = await timed(() => matchJobOrder(deps, ministryActor, order.id, q(0)));
      const [b, tb] = await timed(() =>
        baselineCounts(
          db,
          matchOrderOf(order),
          agencies.map((a) => a.id),
          today,
        ),
      );
      counts.engine.push(te);
      counts.pg.push(tb);
      if (i > 0) continue;
      if (v.kind !== "ministry") throw new Error("expected the ministry's counts");
      const ev = JSON.stringify(agencies.map((a) => v.byAgency.find((x) => x.agencyId === a.id)?.count ?? 0));
      const bv = JSON.stringify(agencies.map((a) => b.byAgency.get(a.id) ?? 0));
      if (ev !== bv) mismatches.push(`${order.title} ministry counts: engine ${ev} vs PG ${bv}`);
      const ec = JSON.stringify(v.nearMissCounts);
      const bc = JSON.stringify(b.nearMissCounts);
      if (ec !== bc) mismatches.push(`${order.title} ministry near misses: engine ${ec} vs PG ${bc}`);
    }
  }

  // Kept rankings while the agency keeps editing profiles: what the API serves in production. The outbox worker and
  // the ranking keeper run in this process as they do in the server; a writer saves WRITES_PER_SECOND profiles
  // of the measured agency (whole new generated profiles on existing workers) through the same use case as the
  // profile form. The engine is timed against the same baseline query (its features table catches up at the
  // end). Afterwards, with the outbox drained, every order's first pages must equal the baseline again.
  const outboxWorker = startOutboxWorker(deps, { intervalMs: 200, onError: (e) => console.error("[outbox]", e) });
  let keeper = startRankingKeeper(deps, { intervalMs: 250, onError: (e) => console.error("[rankings]", e) });
  for (const order of orders) await matchJobOrder(deps, actor, order.id, q(0)); // each order's ranking kept
  await rankingsIdle(); // and its near misses read
  const writable = await db
    .selectFrom("workers")
    .select(["id", "external_ref"])
    .where("agency_org_id", "=", agency.id)
    .orderBy(sql`md5(id::text)`)
    .limit(20_000)
    .execute();
  const touched = new Set<string>();
  let writing = true;
  let writes = 0;
  const wrand = prng(4242);
  const writer = (async () => {
    while (writing) {
      const t = performance.now();
      for (let k = 0; k < WRITES_PER_SECOND / 10; k++) {
        const row = writable[writes % writable.length]!;
        const data = {
          ...generateWorker(N + writes, wrand),
          nik: undefined,
          passportNumber: undefined,
          externalRef: row.external_ref ?? undefined,
        } as WorkerProfileInput;
        await saveWorker(deps, actor, data, row.id);
        touched.add(row.id);
        writes++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - t))));
    }
  })();
  const live = { engine: [] as number[], pg: [] as number[], stale: 0, shown: 0 };
  const statsBefore = rankingCacheStats();
  const liveStart = performance.now();
  for (let i = 0; i < LIVE; i++) {
    for (const [k, order] of orders.entries()) {
      const span = Math.max(PAGE, Math.ceil(perOrder[k]!.total / PAGE) * PAGE);
      const offset = (i * PAGE) % span;
      const [v, te] = await timed(() => matchJobOrder(deps, actor, order.id, q(offset)));
      const [, tb] = await timed(() =>
        baselinePage(db, matchOrderOf(order), agency.id, today, { offset, nearOffset: 0 }),
      );
      live.engine.push(te);
      live.pg.push(tb);
      live.stale += asAgency(v).stale;
      live.shown += asAgency(v).results.length;
    }
  }
  const liveMs = performance.now() - liveStart;
  writing = false;
  await writer;
  const statsLive = rankingCacheStats();
  while ((await outboxBacklog(db)) > 0) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1_000)); // a keeper round after the last batch
  await refreshFeatures(db, [...touched]);
  await sql`analyze ${sql.table(FEATURES)}`.execute(db);
  for (const order of orders) {
    const o = matchOrderOf(order);
    for (const offset of [0, 5 * PAGE]) {
      compare(
        `${order.title} after writes`,
        offset,
        await currentView(() => matchJobOrder(deps, actor, order.id, q(offset))),
        await baselinePage(db, o, agency.id, today, { offset, nearOffset: 0 }),
      );
    }
  }

  // 4b. A bulk import while the agency's pages are read (issue 15, part 4). IMPORT_ROWS new profiles of the measured
  // agency in one importWorkers call, as the import page and the API make it, in this process (as in the server);
  // requests go round-robin over the orders from the import's start until the outbox has drained, then for
  // SETTLE_MS more. Run twice, each on new rows: requests that wait for the catch-up they find (the keeper's wait
  // raised to 10 minutes: the behaviour before part 4) and the default (past 25 ms, the last consistent ranking,
  // marked updating). The ratio is waiting / default. No page is compared here (the baseline's features table
  // does not follow the import); the pages are compared with it above.
  const importPhase = async (waitMs: number | undefined, round: number): Promise<ImportRound> => {
    await keeper.stop();
    keeper = startRankingKeeper(deps, { intervalMs: 250, waitMs, onError: (e) => console.error("[rankings]", e) });
    for (const order of orders) await currentView(() => matchJobOrder(deps, actor, order.id, q(0)));
    const irand = prng(77 + round);
    const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
      row: i + 2,
      data: generateWorker(3 * N + round * IMPORT_ROWS + i, irand),
    }));
    const out = { during: [] as number[], after: [] as number[], updating: 0, importMs: 0, drainedMs: 0 };
    const start = performance.now();
    let importing = true;
    const job = importWorkers(deps, actor, rows, "valid_only").then(() => {
      out.importMs = performance.now() - start;
      importing = false;
    });
    let drainedAt = 0;
    for (let i = 0; ; i++) {
      const order = orders[i % orders.length]!;
      const [v, t] = await timed(() => matchJobOrder(deps, actor, order.id, q(0)));
      if (asAgency(v).updating) out.updating++;
      (drainedAt ? out.after : out.during).push(t);
      if (!drainedAt && !importing && i % orders.length === 0 && (await outboxBacklog(db)) === 0) {
        drainedAt = performance.now();
        out.drainedMs = drainedAt - start;
      }
      if (drainedAt && performance.now() - drainedAt > SETTLE_MS) break;
      await new Promise((r) => setTimeout(r, 20)); // ~40 requests a second, one at a time
    }
    await job;
    return out;
  };
  // alternated, so that neither mode always meets the larger index or the other's leftovers
  const rounds = [await importPhase(600_000, 0), await importPhase(undefined, 1)];
  rounds.push(await importPhase(600_000, 2), await importPhase(undefined, 3));
  const joined = (rs: typeof rounds) => ({
    during: rs.flatMap((r) => r.during),
    after: rs.flatMap((r) => r.after),
    updating: rs.reduce((n, r) => n + r.updating, 0),
    importMs: Math.max(...rs.map((r) => r.importMs)),
    drainedMs: Math.max(...rs.map((r) => r.drainedMs)),
  });
  const waiting = joined([rounds[0]!, rounds[2]!]);
  const serving = joined([rounds[1]!, rounds[3]!]);

  await keeper.stop();
  await outboxWorker.stop();

  // How PostgreSQL ran the baseline.
  const plans = await Promise.all(
    orders.map(async (o) => `${o.title}: ${await baselinePlan(db, matchOrderOf(o), agency.id, today)}`),
  );

  // 5. Report.
  const pp = (xs: number[]) => `${ms(pct(xs, 0.5)).padStart(7)} ${ms(pct(xs, 0.95)).padStart(7)}`;
  console.log("");
  console.log(
    `matching as agency 1 (${fmt(agencyProfiles)} of the ${fmt(N)} profiles); engine = matchJobOrder in-process (the API adds only JSON encoding); ms, p50 p95`,
  );
  console.log(
    `${"order".padEnd(18)} ${"qualified".padStart(9)} ${"near".padStart(7)} | ${"engine cold".padStart(15)} | ${"engine warm".padStart(15)} | ${"PG-only 1st pg".padStart(15)} | ${"PG-only paging".padStart(15)}`,
  );
  for (const r of perOrder) {
    console.log(
      `${r.title.padEnd(18)} ${fmt(r.total).padStart(9)} ${fmt(r.near).padStart(7)} | ${pp(r.engineCold)} | ${pp(r.engineWarm)} | ${pp(r.pgCold)} | ${pp(r.pgWarm)}`,
    );
  }
  console.log("PG-only plans (features table access):");
  for (const p of plans) console.log(`  ${p}`);
  console.log("");
  const checked = perOrder.length * (COLD + WARM + 2 + 1);
  if (mismatches.length) {
    console.log(`equal results: NO — ${mismatches.length} of ${checked} compared pages differ:`);
    for (const m of mismatches.slice(0, 20)) console.log(`  ${m}`);
    process.exitCode = 1;
  } else {
    console.log(
      `equal results: yes (${checked} pages: total, top ${PAGE} ids and scores, near-miss counts per item, first ${PAGE} near misses)`,
    );
  }
  console.log("");
  const ratio = (pgXs: number[], engXs: number[], p: number) => `${(pct(pgXs, p) / pct(engXs, p)).toFixed(2)}x`;
  console.log(
    `N = ${fmt(N)} · machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}, ${os.platform()} ${os.arch()}`,
  );
  console.log(
    `mode                                  calls | engine p50    p95 | PG-only p50    p95 | PG/engine p50    p95`,
  );
  const line = (label: string, eng: number[], pgx: number[]) =>
    console.log(
      `${label.padEnd(37)} ${String(eng.length).padStart(5)} | ${ms(pct(eng, 0.5)).padStart(10)} ${ms(pct(eng, 0.95)).padStart(6)} | ${ms(pct(pgx, 0.5)).padStart(11)} ${ms(pct(pgx, 0.95)).padStart(6)} | ${ratio(pgx, eng, 0.5).padStart(13)} ${ratio(pgx, eng, 0.95).padStart(6)}`,
    );
  line("cold (engine cache cleared each call)", all.engineCold, all.pgCold);
  line("warm (cached ranking, paging)", all.engineWarm, all.pgWarm);
  line(`kept, ${WRITES_PER_SECOND} profile writes/s meanwhile`, live.engine, live.pg);
  line("ministry's counts (every agency)", counts.engine, counts.pg);
  console.log("ratio = PG-only / engine (below 1: PG-only is faster).");
  console.log("");
  console.log(
    `a bulk import of ${fmt(IMPORT_ROWS)} profiles of agency 1 while its pages are read (round-robin over the orders, first page; two imports per mode, alternated; import and drained: the slower of the two):`,
  );
  console.log(
    `requests                               | import  drained | during: calls   p50   p95   max | after ${secs(SETTLE_MS)}: calls   p50   p95 | updating`,
  );
  const imp = (label: string, r: ImportRound) =>
    console.log(
      `${label.padEnd(38)} | ${secs(r.importMs).padStart(6)} ${secs(r.drainedMs).padStart(8)} | ${String(r.during.length).padStart(13)} ${ms(pct(r.during, 0.5)).padStart(5)} ${ms(pct(r.during, 0.95)).padStart(5)} ${ms(Math.max(...r.during)).padStart(5)} | ${String(r.after.length).padStart(18)} ${ms(pct(r.after, 0.5)).padStart(5)} ${ms(pct(r.after, 0.95)).padStart(5)} | ${String(r.updating).padStart(8)}`,
    );
  imp("wait for the catch-up (before)", waiting);
  imp("last consistent ranking past 25 ms", serving);
  console.log(
    `p95 during the import: waiting / serving = ${(pct(waiting.during, 0.95) / pct(serving.during, 0.95)).toFixed(2)}x; after: ${(pct(waiting.after, 0.95) / pct(serving.after, 0.95)).toFixed(2)}x ("updating" = answers marked so)`,
  );
  console.log(
    `kept: ${fmt(writes)} profile writes in ${secs(liveMs)} (${fmt(touched.size)} profiles); rankings read whole ${statsLive.reads - statsBefore.reads}×, caught up by replay ${statsLive.catchUps - statsBefore.catchUps}× (keeper and requests); ` +
      `rows held back as waiting for the index: ${fmt(live.stale)} of ${fmt(live.stale + live.shown)} on the measured pages`,
  );
  console.log(
    "PG-only has no application cache: both rows run the same query (first page, then the same offsets as the engine);",
  );
  console.log(
    "PostgreSQL's shared buffers and the OS page cache are warm in both, as are Meilisearch's for the engine.",
  );
  if (mismatches.length) throw new Error("the engine and the PostgreSQL-only baseline disagree");
} finally {
  await stop();
}
