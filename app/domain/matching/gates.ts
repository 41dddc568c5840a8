import { dayNumber as dayNumberOf, lastDayAfterMonths } from "../dates";
import { CEFR_LEVELS, type CefrLevel } from "../reference/languages";
import { bestEvidence, cefrRankOf, type Evidence } from "../workers/language-evidence";

// The hard gates of matching (docs/decisions/007-matching.md). Pure: the same rules are expressed as Meilisearch
// filters for retrieval and checked here again, so a candidate who fails any gate is never ranked, whatever the index
// returned.

/**
 * How strictly an order holds its occupation (decision 020): only experience in this ISCO unit group counts
 * (`unit`: a nurse order takes nurses), in its minor group (`minor`: related occupations, a cook order takes chefs'
 * 512x colleagues), or anywhere in the sector (`sector`). Experience always has to be in the order's sector.
 */
export const OCCUPATION_SCOPES = ["unit", "minor", "sector"] as const;
export type OccupationScope = (typeof OCCUPATION_SCOPES)[number];

/** What the employer puts first when candidates all pass the gates (decision 020). */
export const MATCH_PRIORITIES = ["experience", "language", "certificates", "destination"] as const;
export type MatchPriority = (typeof MATCH_PRIORITIES)[number];

export interface MatchOrder {
  iscoCode: string;
  sector: string;
  occupationScope: OccupationScope;
  priority: MatchPriority;
  country: string;
  startDate: string;
  contractMonths: number;
  minExperienceYears: number;
  languages: { code: string; minLevel: CefrLevel }[];
  certificates: { code: string; mandatory: boolean }[];
}

export interface Candidate {
  id: string;
  status: string;
  consent: boolean;
  availableFrom: string;
  updatedAt: string;
  experiences: { sector: string; iscoCode: string; years: number }[];
  languages: (Evidence & { code: string })[];
  certificates: { code: string; expiresOn?: string }[];
  preferredCountries: string[];
}

export type GateFailure =
  | { gate: "status"; status: string; consent: boolean }
  | {
      gate: "sector";
      sector: string;
      scope: OccupationScope;
      iscoCode: string;
      /** years of experience that count for this order (in its sector, within its occupation scope) */
      years: number;
      needed: number;
      /** whether the worker has any experience that counts: without it, the worker is not one item away */
      held: boolean;
    }
  | { gate: "language"; code: string; has: CefrLevel | null; evidence: Evidence | null; needs: CefrLevel }
  | { gate: "certificate"; code: string; expiresOn: string | null; contractEnd: string; shortByDays: number | null }
  | { gate: "availability"; availableFrom: string; startDate: string; lateByDays: number };

/** The last day the worker must be covered: the contract runs from the start date for `contractMonths` months. */
export const contractEnd = (o: Pick<MatchOrder, "startDate" | "contractMonths">) => {
  const key = `${o.startDate}+${o.contractMonths}`;
  let end = contractEnds.get(key);
  if (end === undefined) {
    end = lastDayAfterMonths(o.startDate, o.contractMonths);
    if (contractEnds.size > 1000) contractEnds.clear();
    contractEnds.set(key, end);
  }
  return end;
};
// Ranking a pool asks for the same contract end and the same few hundred dates tens of thousands of times.
const contractEnds = new Map<string, string>();
const dayNumbers = new Map<string, number>();

/** Days since 1970 of an ISO date (memoised: pools repeat dates). */
export function dayNumber(isoDate: string): number {
  const day = isoDate.slice(0, 10);
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = dayNumberOf(day);
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

const days = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * Years of experience added up, rounded to 1/100: 0.3 + 0.6 + 0.1 is 0.9999999999999999 in floating point, which
 * would fail a 1-year minimum. The index document uses the same sum.
 */
export const sumYears = (years: readonly number[]) => Math.round(years.reduce((s, y) => s + y, 0) * 100) / 100;

export const sectorYears = (c: Candidate, sector: string) =>
  sumYears(c.experiences.filter((e) => e.sector === sector).map((e) => e.years));

/** The ISCO minor group (three digits) of a unit group: 5120 → 512. */
export const minorGroup = (iscoCode: string) => iscoCode.slice(0, 3);

/** Whether an experience counts for the order: in its sector, and within its occupation scope. */
export function countsFor(o: Pick<MatchOrder, "sector" | "iscoCode" | "occupationScope">) {
  const minor = minorGroup(o.iscoCode);
  return (e: { sector: string; iscoCode: string }) =>
    e.sector === o.sector &&
    (o.occupationScope === "sector" ||
      (o.occupationScope === "minor" ? e.iscoCode.startsWith(minor) : e.iscoCode === o.iscoCode));
}

/** The experiences that count for the order (its sector, within its occupation scope). */
export const countedExperiences = (o: Pick<MatchOrder, "sector" | "iscoCode" | "occupationScope">, c: Candidate) =>
  c.experiences.filter(countsFor(o));

/** Years of experience that count for the order. */
export const countedYears = (o: Pick<MatchOrder, "sector" | "iscoCode" | "occupationScope">, c: Candidate) =>
  sumYears(countedExperiences(o, c).map((e) => e.years));

/** The latest expiry among a worker's certificates of one type; null = none held; "none" = held without expiry. */
export function certificateUntil(c: Candidate, code: string): string | "none" | null {
  const held = c.certificates.filter((x) => x.code === code);
  if (held.length === 0) return null;
  if (held.some((h) => !h.expiresOn)) return "none";
  return held
    .map((h) => h.expiresOn!)
    .sort()
    .at(-1)!;
}

/** Every gate the candidate fails (empty = qualified). One entry per missing item, so near misses can be named. */
export function failedGates(o: MatchOrder, c: Candidate): GateFailure[] {
  const failures: GateFailure[] = [];
  if (c.status !== "available" || !c.consent) failures.push({ gate: "status", status: c.status, consent: c.consent });
  const counted = countedExperiences(o, c);
  const years = sumYears(counted.map((e) => e.years));
  if (counted.length === 0 || years < o.minExperienceYears)
    failures.push({
      gate: "sector",
      sector: o.sector,
      scope: o.occupationScope,
      iscoCode: o.iscoCode,
      years,
      needed: o.minExperienceYears,
      held: counted.length > 0,
    });
  for (const req of o.languages) {
    const best = bestEvidence(c.languages.filter((l) => l.code === req.code));
    if (cefrRankOf(best?.level ?? null) < CEFR_LEVELS.indexOf(req.minLevel) + 1) {
      failures.push({
        gate: "language",
        code: req.code,
        has: best?.level ?? null,
        evidence: best?.evidence ?? null,
        needs: req.minLevel,
      });
    }
  }
  const end = contractEnd(o);
  for (const req of o.certificates.filter((x) => x.mandatory)) {
    const until = certificateUntil(c, req.code);
    if (until === null)
      failures.push({ gate: "certificate", code: req.code, expiresOn: null, contractEnd: end, shortByDays: null });
    else if (until !== "none" && until < end)
      failures.push({
        gate: "certificate",
        code: req.code,
        expiresOn: until,
        contractEnd: end,
        shortByDays: days(until, end),
      });
  }
  if (c.availableFrom > o.startDate)
    failures.push({
      gate: "availability",
      availableFrom: c.availableFrom,
      startDate: o.startDate,
      lateByDays: days(o.startDate, c.availableFrom),
    });
  return failures;
}

/**
 * One missing item of a gate, as users count and filter near misses: `sector`, `language:en`,
 * `certificate:stcw_bst`, `availability`. The status gate (available, consenting) is never a "missing item":
 * a worker who is placed or has not consented is not shown in matching at all.
 */
export type GateKey = "sector" | "availability" | `language:${string}` | `certificate:${string}`;

/** The order's gate items, in the order they are shown. */
export function gateKeys(o: MatchOrder): GateKey[] {
  return [
    "sector",
    ...o.languages.map((l) => `language:${l.code}` as const),
    ...o.certificates.filter((c) => c.mandatory).map((c) => `certificate:${c.code}` as const),
    "availability",
  ];
}

export function failureKey(f: GateFailure): GateKey | "status" {
  switch (f.gate) {
    case "status":
      return "status";
    case "sector":
      return "sector";
    case "language":
      return `language:${f.code}`;
    case "certificate":
      return `certificate:${f.code}`;
    case "availability":
      return "availability";
  }
}

/**
 * Whether a missing item is one the worker can fix, so the worker is a near miss on it (issue 15): fewer years than
 * the minimum in work that counts, a language held below the level, a mandatory certificate missing or expiring
 * before the contract ends, available late. No experience that counts at all, or a language not spoken at all, is
 * not one item away: such a worker is no near miss.
 */
export function isFixable(f: GateFailure): boolean {
  switch (f.gate) {
    case "status":
      return false;
    case "sector":
      return f.held;
    case "language":
      return f.has !== null;
    case "certificate":
    case "availability":
      return true;
  }
}

/** The one fixable item a candidate misses, if that is all that keeps them from qualifying: a near miss. */
export function nearMissOf(failures: readonly GateFailure[]): GateFailure | null {
  return failures.length === 1 && isFixable(failures[0]!) ? failures[0]! : null;
}

/** How far a near miss is from passing (smaller = closer): years, CEFR levels or days short. */
export function failureGap(f: GateFailure): number {
  switch (f.gate) {
    case "status":
      return Number.POSITIVE_INFINITY;
    case "sector":
      return f.needed - f.years;
    case "language":
      return CEFR_LEVELS.indexOf(f.needs) + 1 - cefrRankOf(f.has);
    case "certificate":
      return f.shortByDays ?? Number.POSITIVE_INFINITY;
    case "availability":
      return f.lateByDays;
  }
}
