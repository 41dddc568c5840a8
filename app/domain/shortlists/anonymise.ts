import { bestEvidence } from "../workers/language-evidence";
import type { CefrLevel } from "../reference/languages";
import type { WorkerCompetencies } from "./types";
import { ageBand, candidateCode } from "./stages";

// What an employer may see of a proposed candidate before the worker consented to disclosure
// (docs/decisions/008-shortlists.md): occupation, years, languages, certificates, age band and province. Never a name,
// photo, NIK, passport, contact, exact date of birth, the agency's own reference, or the worker's id (the code is per
// order).

export interface AnonymousCandidate {
  code: string;
  experiences: { sector: string; iscoCode: string; years: number }[];
  languages: { code: string; level: CefrLevel }[];
  certificates: { code: string; validUntil: string | null }[];
  ageBand: string;
  provinceCode: string;
}

export function anonymise(
  entryId: string,
  w: { date_of_birth: string; province_code: string; profile: WorkerCompetencies },
  today: string,
): AnonymousCandidate {
  const codes = [...new Set(w.profile.languages.map((l) => l.code))];
  const certs = new Map<string, string | null>();
  for (const c of w.profile.certificates) {
    const prev = certs.get(c.code);
    const until = c.expiresOn ? c.expiresOn.slice(0, 7) : null; // month only
    if (prev === undefined) certs.set(c.code, until);
    else if (prev !== null) certs.set(c.code, until === null || until > prev ? until : prev);
  }
  return {
    code: candidateCode(entryId),
    experiences: w.profile.experiences.map((e) => ({ sector: e.sector, iscoCode: e.iscoCode, years: e.years })),
    languages: codes.flatMap((code) => {
      const best = bestEvidence(w.profile.languages.filter((l) => l.code === code));
      return best ? [{ code, level: best.level }] : [];
    }),
    certificates: [...certs].map(([code, validUntil]) => ({ code, validUntil })),
    ageBand: ageBand(w.date_of_birth, today),
    provinceCode: w.province_code,
  };
}

/** The personal fields an employer sees once the worker consented to disclosure for that order. */
export const DISCLOSED_FIELDS = ["full_name", "date_of_birth", "phone"] as const;
