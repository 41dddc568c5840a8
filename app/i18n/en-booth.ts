// English: the trade-forum booth (events, the kiosk, leads and their follow-up; docs/decisions/019-booth.md).
export const enBooth = {
  "errors.start_month_invalid": "Choose the month the work starts (year and month).",
  "errors.start_month_past": "The start month cannot be in the past.",
  "errors.start_month_too_far": "The start month can be at most 2 years ahead.",
  "errors.vacancy_too_many_languages": "Up to 3 languages.",
  "errors.vacancy_too_many_certificates": "Up to 4 certificates.",
} as const;
