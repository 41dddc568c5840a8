import { AVERAGE_MONTH_DAYS } from "../dates";
import { CEFR_LEVELS } from "../reference/languages";
import { bestEvidence, cefrRankOf } from "../workers/language-evidence";
import {
  certificateUntil,
  contractEnd,
  dayNumber,
  failedGates,
  failureGap,
  failureKey,
  gateKeys,
  sectorYears,
  type Candidate,
  type GateFailure,
  type MatchOrder,
} from "./gates";

// The score is a sum of named components, each shown to users. Weights are deliberate, small integers: an exact
// occupation matters most, then depth of experience, language and certificates; recency breaks near-ties.
export const WEIGHTS = {
  iscoExact: 30,
  perYearBeyondMin: 2,
  yearsCap: 20,
  perLevelAboveMin: 5,
  languageCap: 15,
  perPreferredCert: 8,
  perSixMonthsHeadroom: 1,
  headroomCap: 10,
  preferredDestination: 5,
  updatedWithin90Days: 3,
  updatedWithinYear: 1,
} as const;

export interface ScoreComponents {
  iscoExact: number;
  experience: number;
  language: number;
  preferredCertificates: number;
  certificateHeadroom: number;
  preferredDestination: number;
  recency: number;
}

// dates.monthsBetween, over the memoised day numbers (a pool asks for the same few hundred dates again and again)
const monthsBetween = (from: string, to: string) => (dayNumber(to) - dayNumber(from)) / AVERAGE_MONTH_DAYS;

export function scoreCandidate(
  o: MatchOrder,
  c: Candidate,
  today: string,
): { score: number; components: ScoreComponents } {
  const end = contractEnd(o);
  const years = sectorYears(c, o.sector);
  let language = 0;
  for (const req of o.languages) {
    const best = bestEvidence(c.languages.filter((l) => l.code === req.code));
    language +=
      Math.max(0, cefrRankOf(best?.level ?? null) - (CEFR_LEVELS.indexOf(req.minLevel) + 1)) * WEIGHTS.perLevelAboveMin;
  }
  const preferredCertificates =
    o.certificates
      .filter((r) => !r.mandatory)
      .filter((r) => {
        const until = certificateUntil(c, r.code);
        return until === "none" || (until !== null && until >= end);
      }).length * WEIGHTS.perPreferredCert;
  // Headroom: how long the tightest mandatory certificate stays valid after the contract ends (renewal margin).
  const mandatory = o.certificates.filter((r) => r.mandatory).map((r) => certificateUntil(c, r.code));
  const dated = mandatory.filter((u): u is string => u !== null && u !== "none");
  const headroomMonths = dated.length
    ? Math.min(...dated.map((u) => monthsBetween(end, u)))
    : mandatory.length
      ? Infinity
      : 0;
  const certificateHeadroom = Math.min(
    WEIGHTS.headroomCap,
    Math.floor(Math.max(0, headroomMonths) / 6) * WEIGHTS.perSixMonthsHeadroom,
  );
  const age = monthsBetween(c.updatedAt.slice(0, 10), today);
  const components: ScoreComponents = {
    iscoExact: c.experiences.some((e) => e.sector === o.sector && e.iscoCode === o.iscoCode) ? WEIGHTS.iscoExact : 0,
    experience: Math.min(WEIGHTS.yearsCap, Math.max(0, years - o.minExperienceYears) * WEIGHTS.perYearBeyondMin),
    language: Math.min(WEIGHTS.languageCap, language),
    preferredCertificates,
    certificateHeadroom,
    preferredDestination: c.preferredCountries.includes(o.country) ? WEIGHTS.preferredDestination : 0,
    recency: age <= 90 / 30.4375 ? WEIGHTS.updatedWithin90Days : age <= 12 ? WEIGHTS.updatedWithinYear : 0,
  };
  const score = Object.values(components).reduce((a, b) => a + b, 0);
  return { score, components };
}

export interface Ranked {
  candidate: Candidate;
  score: number;
  components: ScoreComponents;
}

export interface NearMiss {
  candidate: Candidate;
  failed: GateFailure;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Highest score first; equal scores by id, so the order is stable across calls and engines. */
export const compareRanked = (a: { score: number; id: string }, b: { score: number; id: string }) =>
  b.score - a.score || byId(a, b);

/**
 * Near misses in the order they are listed: by the order's gate items (sector, languages, certificates,
 * availability), then closest to passing first, then by id.
 */
export function compareNearMisses(o: MatchOrder) {
  const position = new Map<string, number>(gateKeys(o).map((k, i) => [k, i]));
  return (a: { id: string; failed: GateFailure }, b: { id: string; failed: GateFailure }) =>
    (position.get(failureKey(a.failed)) ?? 99) - (position.get(failureKey(b.failed)) ?? 99) ||
    failureGap(a.failed) - failureGap(b.failed) ||
    byId(a, b);
}

/**
 * Ranks the whole pool: qualified candidates by score (highest first, ties by id, so the order is stable), and
 * near misses: available, consenting candidates failing exactly one gate item, with that item.
 */
export function rankPool(
  o: MatchOrder,
  pool: readonly Candidate[],
  today: string,
): { ranked: Ranked[]; nearMisses: NearMiss[] } {
  const ranked: Ranked[] = [];
  const nearMisses: NearMiss[] = [];
  for (const c of pool) {
    const failures = failedGates(o, c);
    if (failures.length === 0) ranked.push({ candidate: c, ...scoreCandidate(o, c, today) });
    else if (failures.length === 1 && failures[0]!.gate !== "status")
      nearMisses.push({ candidate: c, failed: failures[0]! });
  }
  ranked.sort((a, b) => compareRanked({ score: a.score, id: a.candidate.id }, { score: b.score, id: b.candidate.id }));
  const near = compareNearMisses(o);
  nearMisses.sort((a, b) => near({ id: a.candidate.id, failed: a.failed }, { id: b.candidate.id, failed: b.failed }));
  return { ranked, nearMisses };
}
