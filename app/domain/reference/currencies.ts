// ISO 4217 codes known to the runtime's ICU (the same list on the server and in the browser).
export const CURRENCY_CODES = Intl.supportedValuesOf("currency") as [string, ...string[]];

/** Currencies offered first in the form: the corridors' own (docs/reference-data.md). */
export const COMMON_CURRENCIES = [
  "USD",
  "EUR",
  "HKD",
  "TWD",
  "MYR",
  "SGD",
  "JPY",
  "KRW",
  "AUD",
  "SAR",
  "AED",
  "RSD",
  "GBP",
] as const;
