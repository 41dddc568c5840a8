import type { LeadStage } from "~/domain/booth/lead-stage";
import type { Vacancy } from "~/domain/booth/vacancy";
import { occupationTitle } from "~/domain/reference/isco";
import type { MessageKey } from "./en";
import { countryName, formatNumber, type Locale } from "./locales";
import { translate } from "./translate";

// The follow-up of booth leads as people read it, in their language: the page, the list and the CSV say a lead's
// vacancy, stage and counts the same way.

const tag = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

/** The key for `n` by the language's plural rules: English says "1 lead" and "2 leads"; Indonesian never inflects. */
export function pluralKey<K extends MessageKey>(locale: Locale, n: number, one: K, many: K): K {
  return new Intl.PluralRules(tag(locale)).select(n) === "one" ? one : many;
}

/** A count with its noun: "1 lead", "24 positions", "3 prospek". */
export const countText = (locale: Locale, n: number, one: MessageKey, many: MessageKey) =>
  translate(locale, pluralKey(locale, n, one, many), { n: formatNumber(locale, n) });

/** "March 2027" / "Maret 2027" for "2027-03". */
export function formatMonth(locale: Locale, month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(tag(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

export const stageLabel = (locale: Locale, stage: LeadStage) =>
  translate(locale, `follow.stage.${stage}` as MessageKey);

/** The vacancy in one line: occupation (ISCO-08 title), destination, positions, start month. */
export function vacancySummary(locale: Locale, v: Vacancy): string {
  return [
    occupationTitle(v.iscoCode, locale),
    countryName(locale, v.country),
    countText(locale, v.positions, "follow.positions_one", "follow.positions_many"),
    translate(locale, "follow.starting", { month: formatMonth(locale, v.startMonth) }),
  ].join(" · ");
}
