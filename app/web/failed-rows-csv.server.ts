import { failedRowsCsv, type FailedRows } from "~/domain/workers/failed-rows";
import type { Locale } from "~/i18n/locales";
import { translateError } from "~/i18n/translate";

/**
 * An import's failed rows as a CSV download, its `error` column in the reader's language. Never cached: the rows
 * hold personal data.
 */
export function failedRowsResponse(rows: FailedRows, locale: Locale, importId: string): Response {
  return new Response(
    failedRowsCsv(rows, (m) => translateError(locale, m)),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="import-${importId.slice(0, 8)}-failed-rows.csv"`,
        "Cache-Control": "private, no-store",
      },
    },
  );
}
