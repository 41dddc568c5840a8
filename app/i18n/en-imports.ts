// English: import records and their modes.
export const enImports = {
  "errors.import_row_refused":
    "The database refused this row (nothing of it was stored). Check its text for unusual characters.",
  "errors.import_mode_invalid": "Choose the mode valid_only or all_or_nothing.",
  "import.history": "Recent imports",
  "import.col_started": "Started",
  "import.col_status": "Status",
  "import.col_mode": "Mode",
  "import.col_rows": "Rows",
  "import.col_written": "Created / updated",
  "import.col_rejected": "Rejected",
  "import.mode_short_valid": "valid rows",
  "import.mode_short_all": "all or nothing",
  "import.status_running": "running",
  "import.status_completed": "completed",
  "import.status_refused": "refused (nothing stored)",
  "import.status_failed": "failed",
  "import.status_interrupted": "interrupted (the batches written before stay)",
  "import.none_yet": "No imports yet.",
  "import.sector_mismatch":
    "Occupation {isco} ({occupation}) is not a \u201c{sector}\u201d occupation. Check the sector: the row is not refused for this.",
  "import.result_warned_one":
    "{total} rows: {created} created, {updated} updated, {failed} rejected, {warned} with a warning.",
  "import.result_warned_many":
    "{total} rows: {created} created, {updated} updated, {failed} rejected, {warned} with warnings.",
  "import.failed_rows_download": "Download the rows that failed (CSV)",
  "import.failed_rows_hint":
    "The rows as your file wrote them, with an error column: correct them and import the file again. Kept for 72 hours.",
  "errors.failed_rows_gone":
    "These rows are not available: the import is not one of your organisation's, had no rejected rows, or was more than 72 hours ago.",
  "import.failed_rows_short": "failed rows (CSV)",
} as const;
