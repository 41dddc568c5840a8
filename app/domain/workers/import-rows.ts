import type { IsoDay } from "../dates";
import { PROFILE_KEYS, workerProfileSchema, type WorkerProfileInput } from "./profile-schema";
import { sectorMismatches } from "./sector-fit";

// The checks an import makes on its rows before anything is written, pure so that they run the same in the
// request's thread (rows handed over in code) and in the import parse worker (uploaded files).

export interface ImportRow {
  /** where the row is in the file: CSV line number (header = 1) or JSON array position (1-based) */
  row: number;
  data: unknown;
  /** problems found before the row's data (a CSV header's unknown column) */
  issues?: { field: string; message: string }[];
  /** a CSV row: issues name the file's columns (province_code), not the schema's fields (provinceCode) */
  format?: "csv";
}

export interface RowIssue {
  row: number;
  /** the field as the file calls it: a CSV column (`certificates`, item 2: `certificates[2].expiresOn`) or a JSON path */
  field: string;
  /** an i18n key */
  message: string;
  /** the value the file gave, as text (shortened; personal identifiers are never echoed) */
  value?: string;
}

/** How many rows have at least one issue: the summary counts rows, not problems. */
export const rowsWithIssues = (issues: readonly { row: number }[]) => new Set(issues.map((i) => i.row)).size;

const CSV_COLUMN_OF: Record<string, string> = {
  externalRef: "external_ref",
  fullName: "full_name",
  dateOfBirth: "date_of_birth",
  provinceCode: "province_code",
  passportNumber: "passport_number",
  passportExpiry: "passport_expiry",
  availableFrom: "available_from",
  preferredCountries: "preferred_countries",
  consentToMatching: "consent",
};
/** Fields whose values are personal identifiers: an issue names them but never repeats what was written. */
const PERSONAL = new Set(["fullName", "dateOfBirth", "phone", "nik", "passportNumber", "passportExpiry", "regency"]);

/** A schema path as the file calls it: `experiences.1.iscoCode` → CSV `experiences[2].iscoCode`, JSON as is. */
function fieldName(path: readonly PropertyKey[], csv: boolean): string {
  const [head, index, ...rest] = path.map(String);
  if (head === undefined) return "row";
  if (!csv) return path.map(String).join(".");
  const column = CSV_COLUMN_OF[head] ?? head;
  if (index === undefined) return column;
  return /^\d+$/.test(index) ? `${column}[${Number(index) + 1}]${rest.length ? "." + rest.join(".") : ""}` : column;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.length && PERSONAL.has(String(path[0]))) return undefined;
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[String(k)];
  }
  if (v === undefined || v === null || typeof v === "object") return undefined;
  const text = String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const foldKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const KEY_ALIASES: Record<string, string> = {
  consent: "consentToMatching",
  name: "fullName",
  province: "provinceCode",
  dob: "dateOfBirth",
  passport: "passportNumber",
};

/** Keys the profile does not have, at every level, each with the key it most likely means. */
function unknownKeys(data: unknown): { path: string; key: string; suggest?: string }[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const out: { path: string; key: string; suggest?: string }[] = [];
  const check = (obj: Record<string, unknown>, known: readonly string[], prefix: string) => {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const suggest =
        known.find((k) => foldKey(k) === foldKey(key)) ?? (prefix === "" ? KEY_ALIASES[foldKey(key)] : undefined);
      out.push({ path: prefix + key, key, ...(suggest ? { suggest } : {}) });
    }
  };
  const root = data as Record<string, unknown>;
  check(root, PROFILE_KEYS.root, "");
  for (const list of ["experiences", "languages", "certificates"] as const) {
    const items = root[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (item !== null && typeof item === "object" && !Array.isArray(item))
        check(item as Record<string, unknown>, PROFILE_KEYS[list], `${list}.${i}.`);
    });
  }
  return out;
}

/** A row that passed: it is imported; its warnings (an occupation outside its sector) go in the report. */
export type ValidRow = { row: number; input: WorkerProfileInput; warnings?: RowIssue[] };

/** An occupation outside the sector given with it: a warning on the row, naming the field and the code written. */
export function sectorWarnings(row: number, input: Pick<WorkerProfileInput, "experiences">, csv: boolean): RowIssue[] {
  return sectorMismatches(input.experiences).map((m) => ({
    row,
    field: fieldName(["experiences", m.index, "iscoCode"], csv),
    message: `import.sector_mismatch?${new URLSearchParams({ isco: m.iscoCode, sector: `sector.${m.sector}` })}`,
    value: m.iscoCode,
  }));
}

export const MAX_IMPORT_ROWS = 100_000;

/**
 * Checks rows one at a time against the shared schema and against the rows before them (a reference used twice
 * in one file is an error on the later row): a valid row, or its issues (one per field). `today` is the import's.
 */
export function importRowChecker(today: IsoDay) {
  const schema = workerProfileSchema(today);
  const refsSeen = new Map<string, number>();
  return (r: ImportRow): ValidRow | RowIssue[] => {
    const csv = r.format === "csv";
    const before: RowIssue[] = (r.issues ?? []).map((i) => ({ row: r.row, ...i }));
    // a key the format does not have is refused, never dropped: `"consent": true` would import as not consenting
    for (const u of csv ? [] : unknownKeys(r.data))
      before.push({
        row: r.row,
        field: u.path,
        message: u.suggest
          ? `errors.unknown_key_suggest?${new URLSearchParams({ key: u.key, suggest: u.suggest })}`
          : `errors.unknown_key?${new URLSearchParams({ key: u.key })}`,
      });
    const consent = (r.data as { consentToMatching?: unknown } | null)?.consentToMatching;
    if (typeof consent === "string")
      before.push({
        row: r.row,
        field: csv ? "consent" : "consentToMatching",
        message: "errors.consent_word",
        value: consent.slice(0, 60),
      });
    const parsed = schema.safeParse(r.data);
    if (!parsed.success || before.length) {
      const issues: RowIssue[] = [...before];
      const seen = new Set<string>(before.map((i) => i.field));
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const field = fieldName(issue.path, csv);
        if (seen.has(field)) continue;
        seen.add(field);
        const value = valueAt(r.data, issue.path);
        issues.push({ row: r.row, field, message: issue.message, ...(value !== undefined ? { value } : {}) });
      }
      return issues;
    }
    const ref = parsed.data.externalRef;
    if (ref !== undefined) {
      const first = refsSeen.get(ref);
      if (first !== undefined)
        return [
          { row: r.row, field: fieldName(["externalRef"], csv), message: `errors.duplicate_in_file?row=${first}` },
        ];
      refsSeen.set(ref, r.row);
    }
    const warnings = sectorWarnings(r.row, parsed.data, csv);
    return warnings.length ? { row: r.row, input: parsed.data, warnings } : { row: r.row, input: parsed.data };
  };
}
