import type { IsoDay } from "../dates";
import { workerProfileSchema, type WorkerProfileInput } from "./profile-schema";

// The checks an import makes on its rows before anything is written, pure so that they run the same in the
// request's thread (rows handed over in code) and in the import parse worker (uploaded files).

export interface ImportRow {
  /** where the row is in the file: CSV line number (header = 1) or JSON array position (1-based) */
  row: number;
  data: unknown;
}

export interface RowIssue {
  row: number;
  field: string;
  /** an i18n key */
  message: string;
}

export type ValidRow = { row: number; input: WorkerProfileInput };

export const MAX_IMPORT_ROWS = 100_000;

/**
 * Checks rows one at a time against the shared schema and against the rows before them (a reference used twice
 * in one file is an error on the later row): a valid row, or its issues (one per field). `today` is the import's.
 */
export function importRowChecker(today: IsoDay) {
  const schema = workerProfileSchema(today);
  const refsSeen = new Map<string, number>();
  return (r: ImportRow): ValidRow | RowIssue[] => {
    const parsed = schema.safeParse(r.data);
    if (!parsed.success) {
      const issues: RowIssue[] = [];
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".") || "row";
        if (seen.has(field)) continue;
        seen.add(field);
        issues.push({ row: r.row, field, message: issue.message });
      }
      return issues;
    }
    const ref = parsed.data.externalRef;
    if (ref !== undefined) {
      const first = refsSeen.get(ref);
      if (first !== undefined)
        return [{ row: r.row, field: "externalRef", message: `errors.duplicate_in_file?row=${first}` }];
      refsSeen.set(ref, r.row);
    }
    return { row: r.row, input: parsed.data };
  };
}
