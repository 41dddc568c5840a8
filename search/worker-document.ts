import { sumYears } from "~/domain/matching/gates";
import { CERTIFICATES, certificateName } from "~/domain/reference/certificates";
import { occupation } from "~/domain/reference/isco";
import { LANGUAGES } from "~/domain/reference/languages";
import { SECTORS } from "~/domain/reference/sectors";
import { bestEvidence, cefrRankOf, describeEvidence, type Evidence } from "~/domain/workers/language-evidence";

/**
 * What the index may know of a worker. Built field by field from an allow-list: NIK, passport, phone, email,
 * street address and exact date of birth are never copied (a test reads the raw documents back to prove it).
 * Flat numeric fields per language and certificate keep Meilisearch filters exact: Meilisearch flattens arrays of
 * objects, so `certs.code = x AND certs.until >= T` could be satisfied by two different certificates.
 */
export interface WorkerSource {
  id: string;
  agencyId: string;
  fullName: string;
  dateOfBirth: string;
  sex: "female" | "male";
  provinceCode: string;
  regency: string | null;
  status: string;
  consent: boolean;
  archived: boolean;
  availableFrom: string;
  updatedAt: Date;
  experiences: { sector: string; iscoCode: string; years: number }[];
  languages: (Evidence & { code: string })[];
  certificates: { code: string; expiresOn?: string }[];
  preferredCountries: string[];
}

export type WorkerDocument = Record<string, string | number | boolean | string[]>;

/** Certificates without an expiry are valid "for ever": year 3000, as a timestamp. */
export const NO_EXPIRY_TS = 32_503_680_000;
export const dayTs = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 1000);

/**
 * The shape version of the documents built here. Bump it when a field is added or changes meaning: documents
 * carry it as a field name (`doc_v4: true`), so Meilisearch's field distribution tells at start-up whether every
 * document is current, and the outbox worker reindexes from PostgreSQL if not.
 */
export const DOCUMENT_VERSION = 5;
export const DOCUMENT_VERSION_FIELD = `doc_v${DOCUMENT_VERSION}`;

export function toWorkerDocument(w: WorkerSource): WorkerDocument {
  const doc: WorkerDocument = {
    id: w.id,
    [DOCUMENT_VERSION_FIELD]: true,
    agency_id: w.agencyId,
    name: w.fullName,
    birth_year: Number(w.dateOfBirth.slice(0, 4)),
    sex: w.sex,
    province_code: w.provinceCode,
    regency: w.regency ?? "",
    status: w.status,
    consent: w.consent,
    available_from: w.availableFrom,
    available_from_ts: dayTs(w.availableFrom),
    // "2027-03": the month the worker is available from, for the booth's availability-by-month counts (a facet)
    available_month: w.availableFrom.slice(0, 7),
    updated_at_ts: Math.floor(w.updatedAt.getTime() / 1000),
    preferred_countries: w.preferredCountries,
    sectors: [...new Set(w.experiences.map((e) => e.sector))],
    isco_codes: [...new Set(w.experiences.map((e) => e.iscoCode))],
    // "cruise:5120": occupation within a sector, as one value (arrays of objects would be flattened), for the exact-occupation score
    sector_isco: [...new Set(w.experiences.map((e) => `${e.sector}:${e.iscoCode}`))],
    occupations: [
      ...new Set(
        w.experiences.flatMap((e) => {
          const o = occupation(e.iscoCode);
          return o ? [o.en, o.id, ...o.aka] : [];
        }),
      ),
    ],
  };
  for (const s of SECTORS) {
    const years = sumYears(w.experiences.filter((e) => e.sector === s).map((e) => e.years));
    if (years > 0) doc[`years_${s}`] = years;
  }
  // Years per occupation within a sector, for the occupation gate (decision 020): `yocc_cruise_5120` (this unit group)
  // and `ymin_cruise_512` (its minor group, related occupations). A field is there, possibly 0, for every experience.
  for (const [field, years] of occupationYears(w.experiences)) doc[field] = years;
  const languages: string[] = [];
  const evidence: string[] = [];
  for (const code of LANGUAGES) {
    const best = bestEvidence(w.languages.filter((l) => l.code === code));
    if (!best) continue;
    languages.push(code);
    doc[`lang_${code}`] = cefrRankOf(best.level);
    evidence.push(`${code}:${best.level}:${describeEvidence(best.evidence)}`);
  }
  doc.languages = languages;
  doc.language_evidence = evidence;
  const certs: string[] = [];
  for (const c of CERTIFICATES) {
    const held = w.certificates.filter((x) => x.code === c.code);
    if (held.length === 0) continue;
    certs.push(c.code);
    // the latest expiry of any certificate of this type counts
    doc[`cert_until_${c.code}`] = Math.max(...held.map((h) => (h.expiresOn ? dayTs(h.expiresOn) : NO_EXPIRY_TS)));
  }
  doc.certificates = certs;
  doc.certificate_names = certs.flatMap((c) => [certificateName(c, "en"), certificateName(c, "id")]);
  return doc;
}

/** Only consenting, non-archived profiles are in the index at all (withdrawing consent removes one at once). */
export const belongsInIndex = (w: Pick<WorkerSource, "consent" | "archived">) => w.consent && !w.archived;

/** The per-occupation years fields of a profile's experiences (field name → years summed). */
export function occupationYears(experiences: readonly { sector: string; iscoCode: string; years: number }[]) {
  const sums = new Map<string, number[]>();
  for (const e of experiences) {
    for (const field of [unitYearsField(e.sector, e.iscoCode), minorYearsField(e.sector, e.iscoCode)]) {
      const list = sums.get(field) ?? [];
      list.push(e.years);
      sums.set(field, list);
    }
  }
  return [...sums].map(([field, years]) => [field, sumYears(years)] as const);
}

/** `yocc_<sector>_<unit group>`: years in this occupation within the sector. */
export const unitYearsField = (sector: string, iscoCode: string) => `yocc_${sector}_${iscoCode}`;
/** `ymin_<sector>_<minor group>`: years in related occupations (the ISCO minor group) within the sector. */
export const minorYearsField = (sector: string, iscoCode: string) => `ymin_${sector}_${iscoCode.slice(0, 3)}`;
