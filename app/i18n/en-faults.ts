// English: outages and shed load (503 pages and API errors).
export const enFaults = {
  "error.503_title": "Temporarily unavailable",
  "error.retry": "Try again",
  "errors.unavailable_postgres":
    "Jembatan's database is not answering at the moment (it may be restarting). Nothing you sent in this request was saved. Please try again in a minute.",
  "errors.unavailable_meilisearch":
    "Candidate search is not answering at the moment. Your data is safe; changes are kept and will be searchable when search is back. Please try again in a minute.",
  "errors.unavailable_busy": "Jembatan is very busy right now. Nothing you sent was saved. Please try again in a few seconds.",
} as const;
