// English: outages and shed load (503 pages and API errors).
export const enFaults = {
  "error.503_title": "Temporarily unavailable",
  "error.retry": "Try again",
  "errors.unavailable_postgres":
    "Jembatan's database is not answering at the moment (it may be restarting). Nothing you sent in this request was saved. Please try again in a minute.",
  "errors.unavailable_meilisearch":
    "Candidate search is not answering at the moment. Your data is safe; changes are kept and will be searchable when search is back. Please try again in a minute.",
  "errors.unavailable_busy":
    "Jembatan is very busy right now. Nothing you sent was saved. Please try again in a few seconds.",
  "errors.idempotency_key_invalid":
    "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).",
  "errors.idempotency_key_reused":
    "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
  "errors.idempotency_in_progress":
    "A request with this Idempotency-Key is still being processed. Try again in a moment to get its answer.",
  "errors.form_in_progress":
    "This form was already sent and is still being saved. Wait a moment, then check whether it was saved before sending it again.",
  "error.401_title": "Please sign in",
  "error.429_title": "Too many attempts",
  "error.409_title": "This has changed",
  "error.next_400": "Go back to the previous page, check what you entered and try again.",
  "error.next_401": "Sign in, then open this page again.",
  "error.next_403": "If you need this, ask an administrator of your organisation, or sign in with another account.",
  "error.next_404": "Check the address, or find it again from your dashboard or the home page.",
  "error.next_409": "Reload the page to see how things stand now, then try again.",
  "error.next_429": "Wait for the time given above, then try again.",
  "error.next_500":
    "Try again in a moment. If it keeps happening, tell the Jembatan team what you were doing and when.",
  "error.what_next": "What you can do",
  "error.sign_in": "Sign in",
  "error.dashboard": "Your dashboard",
  "error.reload": "Reload this page",
  "error.back_job_orders": "Back to job orders",
  "error.back_workers": "Back to your workers",
  "error.back_orgs": "Back to organisations",
} as const;
