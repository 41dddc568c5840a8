import type { CefrLevel } from "../reference/languages";
import { bestEvidence, type Evidence } from "../workers/language-evidence";
import { certificateUntil, countedExperiences, countedYears, type Candidate, type MatchOrder } from "./gates";

/**
 * What the one-line explanation of a rank says, as data: the occupation and the years that count for the order, the
 * best evidence for each required language, and how long each required certificate is valid. The i18n layer
 * turns it into "Cook 5 yrs · English B2 (IELTS 6.0) · STCW BST valid to 2029-04".
 */
export interface Explanation {
  occupation: { iscoCode: string; years: number } | null;
  languages: { code: string; level: CefrLevel; evidence: Evidence }[];
  certificates: { code: string; until: string | null }[];
}

export function explain(o: MatchOrder, c: Candidate): Explanation {
  const counted = countedExperiences(o, c);
  const shown = counted.find((e) => e.iscoCode === o.iscoCode) ?? [...counted].sort((a, b) => b.years - a.years)[0];
  return {
    occupation: shown ? { iscoCode: shown.iscoCode, years: countedYears(o, c) } : null,
    languages: o.languages.flatMap((req) => {
      const best = bestEvidence(c.languages.filter((l) => l.code === req.code));
      return best ? [{ code: req.code, level: best.level, evidence: best.evidence }] : [];
    }),
    certificates: o.certificates.flatMap((req) => {
      const until = certificateUntil(c, req.code);
      return until === null ? [] : [{ code: req.code, until: until === "none" ? null : until }];
    }),
  };
}
