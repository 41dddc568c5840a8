import { csvRows, fromSpreadsheetCell, jsonArrayElements, toCsvLine } from "../csv";
import { z } from "../zod-messages";
import { ERROR_COLUMN } from "./failed-rows";
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

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const items = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : Number(s.replace(",", ".")));
const opt = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());

/** Consent as agencies write it, in English and Bahasa Indonesia; an empty cell is "not consented". */
const CONSENT_YES = new Set(["yes", "y", "true", "1", "ya", "iya", "y/ya", "setuju", "bersedia", "consented", "agree"]);
const CONSENT_NO = new Set(["", "no", "n", "false", "0", "tidak", "tdk", "tidak setuju", "belum", "not consented"]);

/** The consent cell: true, false, or null when the word is neither (an error: never guess "no"). */
export function consentOf(cell: string | undefined): boolean | null {
  const v = (cell ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  return CONSENT_YES.has(v) ? true : CONSENT_NO.has(v) ? false : null;
}

/**
 * A certificate cell, `code:expiry:number:issue date`. A number may itself contain ":" (some issuers print
 * "62:0123"): the issue date is the last part only when it is a date, and everything between expiry and it is the
 * number, so a colon never shifts the number into a date.
 */
export function certificateCell(item: string) {
  const [code = "", expiresOn, ...rest] = item.split(":").map((s) => s.trim());
  const last = rest.at(-1);
  const dated = rest.length >= 2 && last !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(last);
  const numberParts = dated ? rest.slice(0, -1) : rest;
  return {
    code: code.toLowerCase(),
    expiresOn: opt(expiresOn),
    number: opt(numberParts.join(":")),
    issuedOn: dated ? last : undefined,
  };
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const COLUMN_ALIASES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  consenttomatching: "consent",
  persetujuan: "consent",
  name: "full_name",
  nama: "full_name",
  province: "province_code",
  provinsi: "province_code",
  dob: "date_of_birth",
  birthdate: "date_of_birth",
  passport: "passport_number",
  reference: "external_ref",
  ref: "external_ref",
};

/** The column a misnamed header most likely means ("Consent_To_Matching" → consent), if any. */
export function suggestColumn(name: string): string | undefined {
  const f = fold(name);
  return CSV_COLUMNS.find((c) => fold(c) === f) ?? COLUMN_ALIASES[f];
}

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
    certificates: items(r.certificates).map(certificateCell),
    availableFrom: opt(r.available_from),
    status: opt(r.status)?.toLowerCase(),
    preferredCountries: items(r.preferred_countries),
    // an unknown word is left as the word: the schema refuses it (never read as "no")
    consentToMatching: consentOf(r.consent) ?? (r.consent ?? "").trim(),
  };
}

/** Problems of the file's header, found before any row: a column the format does not have is an error on every row. */
export function headerIssues(header: readonly string[]): { field: string; message: string }[] {
  // `error`: the column of the failed-rows CSV (failed-rows.ts), which is imported again once corrected
  const known = new Set<string>([...CSV_COLUMNS, ERROR_COLUMN]);
  return header
    .filter((h) => h !== "" && !known.has(h))
    .map((h) => {
      const suggest = suggestColumn(h);
      return {
        field: h,
        message: suggest
          ? `errors.unknown_column_suggest?${new URLSearchParams({ column: h, suggest })}`
          : `errors.unknown_column?${new URLSearchParams({ column: h })}`,
      };
    });
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
export function parseImportFile(
  text: string,
): { row: number; data: unknown; issues?: { field: string; message: string }[]; format?: "csv" }[] | null {
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
export function importFileRows(
  text: string,
): Iterable<{ row: number; data: unknown; issues?: { field: string; message: string }[]; format?: "csv" }> | null {
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
  const problems = headerIssues(header);
  return (function* () {
    let line = 1;
    for (const cells of records) {
      line++;
      // a cell we made formula-safe ('+62 812…) reads back as written
      const data = csvRecordToInput(Object.fromEntries(header.map((n, j) => [n, fromSpreadsheetCell(cells[j] ?? "")])));
      yield problems.length
        ? { row: line, data, issues: problems, format: "csv" as const }
        : { row: line, data, format: "csv" as const };
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
