// English: outages and shed load (503 pages and API errors).
export const enFaults = {
  "error.503_title": "Temporarily unavailable",
  "error.retry": "Try again",
  "errors.unavailable_postgres":
    "Jembatan's database is not answering at the moment (it may be restarting). Nothing you sent in this request was saved. Please try again in a minute.",
  "errors.unavailable_meilisearch":
    "Candidate search is not answering at the moment. Your data is safe; changes are kept and will be searchable when search is back. Please try again in a minute.",
  "errors.unavailable_busy": "Jembatan is very busy right now. Nothing you sent was saved. Please try again in a few seconds.",
  "errors.idempotency_key_invalid": "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).",
  "errors.idempotency_key_reused": "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
  "errors.idempotency_in_progress": "A request with this Idempotency-Key is still being processed. Try again in a moment to get its answer.",
  "errors.form_in_progress": "This form was already sent and is still being saved. Wait a moment, then check whether it was saved before sending it again.",
} as const;
