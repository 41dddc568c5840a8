import type { CefrLevel } from "../reference/languages";
import { bestEvidence, type Evidence } from "../workers/language-evidence";
import { certificateUntil, sectorYears, type Candidate, type MatchOrder } from "./gates";

/**
 * What the one-line explanation of a rank says, as data: the occupation and years in the order's sector, the
 * best evidence for each required language, and how long each required certificate is valid. The i18n layer
 * turns it into "Cook 5 yrs · English B2 (IELTS 6.0) · STCW BST valid to 2029-04".
 */
export interface Explanation {
  occupation: { iscoCode: string; years: number } | null;
  languages: { code: string; level: CefrLevel; evidence: Evidence }[];
  certificates: { code: string; until: string | null }[];
}

export function explain(o: MatchOrder, c: Candidate): Explanation {
  const inSector = c.experiences.filter((e) => e.sector === o.sector);
  const shown = inSector.find((e) => e.iscoCode === o.iscoCode) ?? [...inSector].sort((a, b) => b.years - a.years)[0];
  return {
    occupation: shown ? { iscoCode: shown.iscoCode, years: sectorYears(c, o.sector) } : null,
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
