import { addDays, addMonths } from "../job-orders/verification-code";
import { CEFR_LEVELS, type CefrLevel } from "../reference/languages";
import { bestEvidence, cefrRankOf, type Evidence } from "../workers/language-evidence";

// The hard gates of matching (issue 6). Pure: the same rules are expressed as Meilisearch filters for retrieval and
// checked here again, so a candidate who fails any gate is never ranked, whatever the index returned.

export interface MatchOrder {
  iscoCode: string;
  sector: string;
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
  | { gate: "sector"; sector: string; years: number; needed: number }
  | { gate: "language"; code: string; has: CefrLevel | null; evidence: Evidence | null; needs: CefrLevel }
  | { gate: "certificate"; code: string; expiresOn: string | null; contractEnd: string; shortByDays: number | null }
  | { gate: "availability"; availableFrom: string; startDate: string; lateByDays: number };

/** The last day the worker must be covered: the contract runs from the start date for `contractMonths`. */
export const contractEnd = (o: Pick<MatchOrder, "startDate" | "contractMonths">) => addDays(addMonths(o.startDate, o.contractMonths), -1);

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const sectorYears = (c: Candidate, sector: string) => c.experiences.filter((e) => e.sector === sector).reduce((s, e) => s + e.years, 0);

/** The latest expiry among a worker's certificates of one type; null = none held; "none" = held without expiry. */
export function certificateUntil(c: Candidate, code: string): string | "none" | null {
  const held = c.certificates.filter((x) => x.code === code);
  if (held.length === 0) return null;
  if (held.some((h) => !h.expiresOn)) return "none";
  return held.map((h) => h.expiresOn!).sort().at(-1)!;
}

/** Every gate the candidate fails (empty = qualified). One entry per missing item, so near misses can be named. */
export function failedGates(o: MatchOrder, c: Candidate): GateFailure[] {
  const failures: GateFailure[] = [];
  if (c.status !== "available" || !c.consent) failures.push({ gate: "status", status: c.status, consent: c.consent });
  const hasSector = c.experiences.some((e) => e.sector === o.sector);
  const years = sectorYears(c, o.sector);
  if (!hasSector || years < o.minExperienceYears) failures.push({ gate: "sector", sector: o.sector, years, needed: o.minExperienceYears });
  for (const req of o.languages) {
    const best = bestEvidence(c.languages.filter((l) => l.code === req.code));
    if (cefrRankOf(best?.level ?? null) < CEFR_LEVELS.indexOf(req.minLevel) + 1) {
      failures.push({ gate: "language", code: req.code, has: best?.level ?? null, evidence: best?.evidence ?? null, needs: req.minLevel });
    }
  }
  const end = contractEnd(o);
  for (const req of o.certificates.filter((x) => x.mandatory)) {
    const until = certificateUntil(c, req.code);
    if (until === null) failures.push({ gate: "certificate", code: req.code, expiresOn: null, contractEnd: end, shortByDays: null });
    else if (until !== "none" && until < end) failures.push({ gate: "certificate", code: req.code, expiresOn: until, contractEnd: end, shortByDays: days(until, end) });
  }
  if (c.availableFrom > o.startDate) failures.push({ gate: "availability", availableFrom: c.availableFrom, startDate: o.startDate, lateByDays: days(o.startDate, c.availableFrom) });
  return failures;
}
