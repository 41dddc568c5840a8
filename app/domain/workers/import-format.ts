import { csvRows, jsonArrayElements, toCsvLine } from "../csv";
import { z } from "../zod-messages";
import { WorkerProfileSchema } from "./profile-schema";

// The bulk import's CSV format. One row per worker; lists go in one cell, items separated by ";" and parts by ":".
// JSON imports are an array of objects shaped like WorkerProfileSchema. Both are validated by that one schema.

export const CSV_COLUMNS = [
  "external_ref",
  "full_name",
  "date_of_birth",
  "sex",
  "province_code",
  "regency",
  "phone",
  "nik",
  "passport_number",
  "passport_expiry",
  "experiences",
  "languages",
  "certificates",
  "available_from",
  "status",
  "preferred_countries",
  "consent",
] as const;

export const CSV_COLUMN_HELP: Record<(typeof CSV_COLUMNS)[number], string> = {
  external_ref: "Your own reference for the worker (re-importing the same reference updates the profile)",
  full_name: "Full name as on the KTP",
  date_of_birth: "YYYY-MM-DD",
  sex: "female | male",
  province_code: "Kemendagri province code, e.g. 33 (Jawa Tengah)",
  regency: "Regency or city of origin",
  phone: "With country code, e.g. +62 812 3456 7890",
  nik: "16 digits",
  passport_number: "6–12 letters and digits",
  passport_expiry: "YYYY-MM-DD",
  experiences: "sector:ISCO code:years; … e.g. cruise:5131:4;hospitality:5120:1.5",
  languages: "language:test:score or level; … e.g. en:ielts:6.0;ja:jlpt:N4;de:cefr:B1;ja:jlpt:N3:110",
  certificates: "code:expiry date:number:issue date; … e.g. stcw_bst:2029-02-01:6201234567 (expiry may be empty)",
  available_from: "YYYY-MM-DD",
  status: "available | in_process | placed | withdrawn (default available)",
  preferred_countries: "ISO codes separated by ; e.g. US;MT",
  consent: "yes if the worker consented to matching (recorded with today's date and your name)",
};

const items = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : Number(s.replace(",", ".")));
const opt = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());

/** Tests whose result is a numbered level, never a score: "ko:topik:2" is TOPIK level 2. */
const NUMBERED_LEVELS = new Set(["topik", "hsk", "testdaf"]);

/** Language evidence cell: "en:ielts:6.0" (score), "ja:jlpt:N4" (level), "ja:jlpt:N3:110" (level and score). */
function evidence(item: string) {
  const [code = "", kind = "", a, b] = item.split(":").map((s) => s.trim());
  const isNumber = a !== undefined && /^\d+([.,]\d+)?$/.test(a) && !NUMBERED_LEVELS.has(kind.toLowerCase());
  return {
    code: code.toLowerCase(),
    kind: kind.toLowerCase(),
    ...(isNumber ? { score: num(a) } : { level: opt(a), score: num(b) }),
  };
}

/** A CSV record (column → cell) as the object the shared schema parses. */
export function csvRecordToInput(r: Record<string, string | undefined>): unknown {
  return {
    externalRef: opt(r.external_ref),
    fullName: r.full_name ?? "",
    dateOfBirth: opt(r.date_of_birth),
    sex: opt(r.sex)?.toLowerCase(),
    provinceCode: opt(r.province_code),
    regency: opt(r.regency),
    phone: opt(r.phone),
    nik: opt(r.nik),
    passportNumber: opt(r.passport_number),
    passportExpiry: opt(r.passport_expiry),
    experiences: items(r.experiences).map((i) => {
      const [sector = "", iscoCode = "", years] = i.split(":").map((s) => s.trim());
      return { sector: sector.toLowerCase(), iscoCode, years: num(years) };
    }),
    languages: items(r.languages).map(evidence),
    certificates: items(r.certificates).map((i) => {
      const [code = "", expiresOn, number, issuedOn] = i.split(":").map((s) => s.trim());
      return { code: code.toLowerCase(), expiresOn: opt(expiresOn), number: opt(number), issuedOn: opt(issuedOn) };
    }),
    availableFrom: opt(r.available_from),
    status: opt(r.status)?.toLowerCase(),
    preferredCountries: items(r.preferred_countries),
    consentToMatching: ["yes", "y", "true", "1", "ya"].includes((r.consent ?? "").trim().toLowerCase()),
  };
}

/** CSV text → records keyed by column, with their line numbers (header = line 1). */
export function csvRecords(rows: string[][]): { line: number; record: Record<string, string> }[] {
  const [header = [], ...data] = rows;
  const names = header.map((h) => h.trim().toLowerCase());
  return data.map((cells, i) => ({
    line: i + 2,
    record: Object.fromEntries(names.map((n, j) => [n, cells[j] ?? ""])),
  }));
}

/** The JSON Schema of one import row, generated from the shared zod schema (served at /workers/import/schema.json). */
export function workerImportJsonSchema() {
  return z.toJSONSchema(WorkerProfileSchema, { io: "input", unrepresentable: "any" });
}

/** An uploaded file as rows for the import: a JSON array of profiles, or CSV with the documented columns. */
export function parseImportFile(text: string): { row: number; data: unknown }[] | null {
  const rows = importFileRows(text);
  if (!rows) return null;
  try {
    return [...rows];
  } catch {
    return null;
  }
}

/**
 * The same, one row at a time (the import yields to the event loop between chunks). Null when the file is
 * neither a JSON array nor CSV with a full_name column; a JSON array that turns out malformed further on throws a
 * SyntaxError while iterating.
 */
export function importFileRows(text: string): Iterable<{ row: number; data: unknown }> | null {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("[")) {
    return (function* () {
      let i = 0;
      for (const data of jsonArrayElements(trimmed)) yield { row: ++i, data };
    })();
  }
  const records = csvRows(trimmed);
  const first = records.next();
  const header = first.done ? [] : first.value.map((h) => h.trim().toLowerCase());
  if (!header.includes("full_name")) return null;
  return (function* () {
    let line = 1;
    for (const cells of records) {
      line++;
      yield { row: line, data: csvRecordToInput(Object.fromEntries(header.map((n, j) => [n, cells[j] ?? ""]))) };
    }
  })();
}

/** The downloadable template: the header, one example row, nothing else. */
export function csvTemplate(): string {
  const example: Record<(typeof CSV_COLUMNS)[number], string> = {
    external_ref: "MB-2026-0001",
    full_name: "Siti Nurhaliza",
    date_of_birth: "1996-04-12",
    sex: "female",
    province_code: "33",
    regency: "Kab. Cilacap",
    phone: "+62 812 3456 7890",
    nik: "3301015204960001",
    passport_number: "C1234567",
    passport_expiry: "2031-01-31",
    experiences: "cruise:5131:4;hospitality:5120:1",
    languages: "en:ielts:6.0;ja:jlpt:N4",
    certificates: "stcw_bst:2029-02-01:6201234567;food_safety:2027-08-31",
    available_from: "2027-01-15",
    status: "available",
    preferred_countries: "US;MT",
    consent: "yes",
  };
  return [toCsvLine(CSV_COLUMNS), toCsvLine(CSV_COLUMNS.map((c) => example[c]))].join("\r\n") + "\r\n";
}
