// Locale negotiation and formatting: pure, shared by server and browser.
export const LOCALES = ["en", "id"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Best supported locale for an Accept-Language header ("id-ID,id;q=0.9,en;q=0.8" → "id"). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((l) => l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  // "in" is the pre-1989 ISO code for Indonesian, still sent by some older Android phones.
  for (const l of ranked) {
    const base = l.base === "in" ? "id" : l.base;
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

const intlTag = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

// Intl objects are costly to build (an Intl.DisplayNames per country name was 13 % of a /jobs render under load,
// scripts/bench/load): each is made once per locale and options, and names are remembered.
const intlCache = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  let v = intlCache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    if (intlCache.size < 20_000) intlCache.set(key, v); // bounded: codes can come from stored data
  }
  return v;
}

export function formatDate(locale: Locale, value: Date | string, style: "medium" | "long" = "medium"): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return once(
    `date:${locale}:${style}`,
    () => new Intl.DateTimeFormat(intlTag(locale), { dateStyle: style, timeZone: "UTC" }),
  ).format(d);
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return once(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlTag(locale), {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
        timeZoneName: "short",
      }),
  ).format(d);
}

export function formatNumber(locale: Locale, value: number): string {
  return once(`number:${locale}`, () => new Intl.NumberFormat(intlTag(locale))).format(value);
}

/** Money in minor-unit-free amounts (e.g. 2350.5 EUR). Currency is an ISO 4217 code. */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  return once(
    `money:${locale}:${currency}`,
    () => new Intl.NumberFormat(intlTag(locale), { style: "currency", currency }),
  ).format(amount);
}

function displayName(locale: Locale, type: "region" | "language" | "currency", code: string): string {
  return once(`name:${locale}:${type}:${code}`, () => {
    try {
      return once(`names:${locale}:${type}`, () => new Intl.DisplayNames([intlTag(locale)], { type })).of(code) ?? code;
    } catch {
      return code; // not a code Intl knows
    }
  });
}

export function countryName(locale: Locale, code: string): string {
  return displayName(locale, "region", code);
}

const sortedLists = new WeakMap<readonly string[], Map<Locale, readonly { code: string; name: string }[]>>();

/**
 * Countries named and sorted in the reader's language, for pickers and filters. Sorting ~250 names with
 * localeCompare on every render was the largest piece of the board's own rendering; a list is sorted once per
 * locale (keyed by the code list itself, so pass a constant such as DESTINATION_CODES).
 */
export function sortedCountries(locale: Locale, codes: readonly string[]): readonly { code: string; name: string }[] {
  let byLocale = sortedLists.get(codes);
  if (!byLocale) sortedLists.set(codes, (byLocale = new Map()));
  let list = byLocale.get(locale);
  if (!list) {
    const collator = new Intl.Collator(intlTag(locale));
    list = Object.freeze(
      codes.map((code) => ({ code, name: countryName(locale, code) })).sort((a, b) => collator.compare(a.name, b.name)),
    );
    byLocale.set(locale, list);
  }
  return list;
}

export function languageName(locale: Locale, code: string): string {
  return displayName(locale, "language", code);
}

export function currencyName(locale: Locale, code: string): string {
  return displayName(locale, "currency", code);
}
