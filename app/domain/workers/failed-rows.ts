import { csvRows, fromSpreadsheetCell, spreadsheetCell, toCsvLine } from "../csv";

// The rows of a CSV import that were rejected, as a CSV to fix and import again: the file's own columns and cells,
// plus an `error` column saying what is wrong with each (field: message). The import ignores an `error` column
// and reads back the apostrophe that makes a cell formula-safe, so the corrected file imports as it is.

/** The column the failed-rows CSV adds; the import ignores it. */
export const ERROR_COLUMN = "error";

export interface FailedRows {
  /** the file's columns as written (without a previous `error` column) */
  header: string[];
  rows: { row: number; cells: string[]; issues: { field: string; message: string }[] }[];
}

/** Whether an upload is CSV (the failed rows are kept only for CSV: a JSON import's rows have no columns). */
export const isCsvText = (text: string) =>
  !text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("[");

/**
 * The CSV's records with the row numbers the import gives them (header = 1, blank lines skipped), a previous
 * `error` column dropped. A generator, so that a caller can give way between chunks of a large file.
 */
export function* csvRowsNumbered(text: string): Generator<{ header: string[] } | { row: number; cells: string[] }> {
  const records = csvRows(text.replace(/^\uFEFF/, "").trimStart());
  const first = records.next();
  if (first.done) return;
  const errorAt = first.value.findIndex((h) => h.trim().toLowerCase() === ERROR_COLUMN);
  const keep = <T>(cells: T[]) => (errorAt < 0 ? cells : cells.filter((_, i) => i !== errorAt));
  yield { header: keep(first.value) };
  let row = 1;
  for (const cells of records) yield { row: ++row, cells: keep(cells).map(fromSpreadsheetCell) };
}

/**
 * The failed rows as CSV text (UTF-8 with a BOM so that spreadsheets read Indonesian names right): every cell
 * formula-safe, the `error` column last; `message` translates an issue's message for the reader.
 */
export function failedRowsCsv(f: FailedRows, message: (key: string) => string): string {
  const lines = [
    toCsvLine([...f.header, ERROR_COLUMN].map(spreadsheetCell)),
    ...f.rows.map((r) => {
      const cells = f.header.map((_, i) => r.cells[i] ?? "");
      const error = r.issues.map((i) => `${i.field}: ${message(i.message)}`).join("; ");
      return toCsvLine([...cells, error].map(spreadsheetCell));
    }),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
