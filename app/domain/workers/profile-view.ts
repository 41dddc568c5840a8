import { addMonths, type IsoDay } from "../dates";
import type { CefrLevel } from "../reference/languages";
import { bestEvidence, cefrFromEvidence, describeEvidence, MAPPING_QUALITY } from "./language-evidence";
import type { WorkerProfileInput } from "./profile-schema";

// What the agency's read-only profile page shows, derived from the stored profile and today: pure, so the page only
// translates and formats dates. The evidence is always shown next to the CEFR level it converts to.

/**
 * A certificate that lapses within this many months of the worker's availability would run out during a typical
 * first contract: the page says so before an employer's order does.
 */
export const CONTRACT_HORIZON_MONTHS = 12;

export type CertificateState = "no_expiry" | "valid" | "expires_before" | "expired";

export interface EvidenceLine {
  /** "IELTS 6.5", "TOEIC 785", "JLPT N3 (110)": as the worker's certificate says it */
  evidence: string;
  /** the CEFR level it converts to, or null when it reaches none */
  level: CefrLevel | null;
  /** false for a CEFR level itself: nothing to convert */
  converted: boolean;
  quality: "official" | "approximate" | "disputed";
  takenOn: IsoDay | null;
  /** the evidence that counts for this language (the best one) */
  counts: boolean;
}

export interface LanguageLine {
  code: string;
  level: CefrLevel | null;
  evidence: EvidenceLine[];
}

export interface CertificateLine {
  code: string;
  number: string | null;
  issuedOn: IsoDay | null;
  expiresOn: IsoDay | null;
  state: CertificateState;
}

/** The day a certificate must still be valid on to last a first contract: that long after availability (or today). */
export function contractHorizon(availableFrom: IsoDay, today: IsoDay): IsoDay {
  return addMonths(availableFrom > today ? availableFrom : today, CONTRACT_HORIZON_MONTHS);
}

/** A certificate is valid on its expiry day (as in matching: valid through a date means until ≥ that date). */
export function certificateState(
  expiresOn: IsoDay | null | undefined,
  today: IsoDay,
  horizon: IsoDay,
): CertificateState {
  if (!expiresOn) return "no_expiry";
  if (expiresOn < today) return "expired";
  return expiresOn < horizon ? "expires_before" : "valid";
}

/** Languages in the order first entered, each with all its evidence; the best evidence sets the level. */
export function languageLines(languages: WorkerProfileInput["languages"]): LanguageLine[] {
  const byCode = new Map<string, WorkerProfileInput["languages"]>();
  for (const l of languages) byCode.set(l.code, [...(byCode.get(l.code) ?? []), l]);
  return [...byCode].map(([code, evidence]) => {
    const best = bestEvidence(evidence);
    return {
      code,
      level: best?.level ?? null,
      evidence: evidence.map((e) => ({
        evidence: describeEvidence(e),
        level: cefrFromEvidence(e),
        converted: e.kind !== "cefr",
        quality: MAPPING_QUALITY[e.kind],
        takenOn: e.takenOn ?? null,
        counts: best?.evidence === e,
      })),
    };
  });
}

export function profileView(input: WorkerProfileInput, today: IsoDay) {
  const horizon = contractHorizon(input.availableFrom, today);
  return {
    experiences: input.experiences.map((e) => ({
      iscoCode: e.iscoCode,
      sector: e.sector,
      years: e.years,
      employer: e.employer ?? null,
      country: e.country ?? null,
    })),
    /** each sector once, in the order of the experience */
    sectors: [...new Set(input.experiences.map((e) => e.sector))],
    languages: languageLines(input.languages),
    certificates: input.certificates.map((c): CertificateLine => ({
      code: c.code,
      number: c.number ?? null,
      issuedOn: c.issuedOn ?? null,
      expiresOn: c.expiresOn ?? null,
      state: certificateState(c.expiresOn, today, horizon),
    })),
    horizon,
    availability: { from: input.availableFrom, now: input.availableFrom <= today },
  };
}

export type ProfileView = ReturnType<typeof profileView>;
