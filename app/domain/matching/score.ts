import { AVERAGE_MONTH_DAYS } from "../dates";
import { CEFR_LEVELS } from "../reference/languages";
import { bestEvidence, cefrRankOf } from "../workers/language-evidence";
import {
  certificateUntil,
  contractEnd,
  countedYears,
  dayNumber,
  failedGates,
  failureGap,
  failureKey,
  gateKeys,
  nearMissOf,
  type Candidate,
  type GateFailure,
  type MatchOrder,
  type MatchPriority,
} from "./gates";

// The score is a sum of named components, each shown to users. Weights are deliberate, small integers, written
// down with the scenarios they must hold in docs/decisions/020-matching-trust.md (tests/unit/matching-weights.test.ts):
// by default depth of experience weighs more than language beyond the order's minimum (a year beyond the minimum is
// worth more than a CEFR level above it, and language stops counting two levels above); an employer can put language,
// certificates or the destination preference first instead (the order's `priority`).
export interface Weights {
  iscoExact: number;
  perYearBeyondMin: number;
  yearsCap: number;
  perLevelAboveMin: number;
  /** per language of the order */
  languageCap: number;
  perPreferredCert: number;
  perSixMonthsHeadroom: number;
  headroomCap: number;
  preferredDestination: number;
  updatedWithin90Days: number;
  updatedWithinYear: number;
}

const BASE: Weights = {
  iscoExact: 12,
  perYearBeyondMin: 4,
  yearsCap: 40,
  perLevelAboveMin: 3,
  languageCap: 6,
  perPreferredCert: 6,
  perSixMonthsHeadroom: 1,
  headroomCap: 6,
  preferredDestination: 4,
  updatedWithin90Days: 2,
  updatedWithinYear: 1,
};

export const WEIGHTS_BY_PRIORITY: Record<MatchPriority, Weights> = {
  experience: BASE,
  language: { ...BASE, perYearBeyondMin: 2, yearsCap: 20, perLevelAboveMin: 10, languageCap: 30 },
  certificates: {
    ...BASE,
    perYearBeyondMin: 2,
    yearsCap: 20,
    perPreferredCert: 16,
    perSixMonthsHeadroom: 2,
    headroomCap: 16,
  },
  destination: { ...BASE, preferredDestination: 30 },
};

/** The default weights (the `experience` priority). */
export const WEIGHTS = BASE;

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

/**
 * The score of a qualified candidate, its components, and its tie-break: when two scores are equal, more years that
 * count for the order come first, then higher language levels (summed over the order's languages), then the earlier
 * available; the id only settles candidates equal in all of these (decision 020).
 */
export function scoreCandidate(
  o: MatchOrder,
  c: Candidate,
  today: string,
): { score: number; components: ScoreComponents; tie: TieBreak } {
  const w = WEIGHTS_BY_PRIORITY[o.priority] ?? BASE;
  const end = contractEnd(o);
  const years = countedYears(o, c);
  let language = 0;
  let languageRanks = 0;
  for (const req of o.languages) {
    const best = bestEvidence(c.languages.filter((l) => l.code === req.code));
    const rank = cefrRankOf(best?.level ?? null);
    languageRanks += rank;
    language += Math.min(
      w.languageCap,
      Math.max(0, rank - (CEFR_LEVELS.indexOf(req.minLevel) + 1)) * w.perLevelAboveMin,
    );
  }
  const preferredCertificates =
    o.certificates
      .filter((r) => !r.mandatory)
      .filter((r) => {
        const until = certificateUntil(c, r.code);
        return until === "none" || (until !== null && until >= end);
      }).length * w.perPreferredCert;
  // Headroom: how long the tightest mandatory certificate stays valid after the contract ends (renewal margin).
  const mandatory = o.certificates.filter((r) => r.mandatory).map((r) => certificateUntil(c, r.code));
  const dated = mandatory.filter((u): u is string => u !== null && u !== "none");
  const headroomMonths = dated.length
    ? Math.min(...dated.map((u) => monthsBetween(end, u)))
    : mandatory.length
      ? Infinity
      : 0;
  const certificateHeadroom = Math.min(
    w.headroomCap,
    Math.floor(Math.max(0, headroomMonths) / 6) * w.perSixMonthsHeadroom,
  );
  const age = monthsBetween(c.updatedAt.slice(0, 10), today);
  const components: ScoreComponents = {
    iscoExact: c.experiences.some((e) => e.sector === o.sector && e.iscoCode === o.iscoCode) ? w.iscoExact : 0,
    experience: Math.min(w.yearsCap, Math.round(Math.max(0, years - o.minExperienceYears) * w.perYearBeyondMin)),
    language,
    preferredCertificates,
    certificateHeadroom,
    preferredDestination: c.preferredCountries.includes(o.country) ? w.preferredDestination : 0,
    recency: age <= 90 / 30.4375 ? w.updatedWithin90Days : age <= 12 ? w.updatedWithinYear : 0,
  };
  const score = Object.values(components).reduce((a, b) => a + b, 0);
  return { score, components, tie: [years, languageRanks, -dayNumber(c.availableFrom)] };
}

/** What orders equal scores, highest first: counted years, summed language ranks, earliest availability (negated). */
export type TieBreak = readonly [number, number, number];

/** The priority's weights, for explanations ("Experience first"). */
export const weightsOf = (p: MatchPriority) => WEIGHTS_BY_PRIORITY[p];

export interface Ranked {
  candidate: Candidate;
  score: number;
  components: ScoreComponents;
  tie: TieBreak;
}

export interface NearMiss {
  candidate: Candidate;
  failed: GateFailure;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Rankable = { score: number; tie: TieBreak; id: string };

/** Highest score first; equal scores by the tie-break, then by id, so the order is stable across calls and engines. */
export const compareRanked = (a: Rankable, b: Rankable) =>
  b.score - a.score || b.tie[0] - a.tie[0] || b.tie[1] - a.tie[1] || b.tie[2] - a.tie[2] || byId(a, b);

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
 * Ranks the whole pool: qualified candidates by score (highest first, then the tie-break), and near misses:
 * available, consenting candidates failing exactly one gate item that they can fix (`nearMissOf`), with that item.
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
    else {
      const near = nearMissOf(failures);
      if (near) nearMisses.push({ candidate: c, failed: near });
    }
  }
  ranked.sort((a, b) =>
    compareRanked(
      { score: a.score, tie: a.tie, id: a.candidate.id },
      { score: b.score, tie: b.tie, id: b.candidate.id },
    ),
  );
  const near = compareNearMisses(o);
  nearMisses.sort((a, b) => near({ id: a.candidate.id, failed: a.failed }, { id: b.candidate.id, failed: b.failed }));
  return { ranked, nearMisses };
}
