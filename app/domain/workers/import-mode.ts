// How an import treats bad rows, as the API's `?mode=` and the import page's form both say it: one schema, so a
// value the page never offers (a tampered form) gets the same field error as on the API, not a silent default.
import { z } from "zod";
import { DomainError } from "../errors";

export const IMPORT_MODES = ["valid_only", "all_or_nothing"] as const;
export type ImportModeValue = (typeof IMPORT_MODES)[number];

/** Absent → `valid_only` (every valid row is stored); `all_or_nothing` stores nothing unless every row is valid. */
export const ImportModeSchema = z.enum(IMPORT_MODES).default("valid_only");

/** The mode asked for (a query or form value; null when absent), or a field error on `mode`. */
export function importModeOf(value: unknown): ImportModeValue {
  const r = ImportModeSchema.safeParse(value === null ? undefined : value);
  if (!r.success)
    throw new DomainError("invalid", "errors.import_mode_invalid", { mode: "errors.import_mode_invalid" });
  return r.data;
}
