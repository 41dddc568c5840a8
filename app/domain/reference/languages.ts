// Languages a job order can require (BCP-47: Cantonese and Mandarin differ for HK and TW employers), and CEFR.
export const LANGUAGES = [
  "en",
  "ja",
  "ko",
  "zh",
  "yue",
  "de",
  "ar",
  "ms",
  "el",
  "it",
  "lv",
  "sr",
  "mt",
  "nl",
  "hr",
  "tr",
  "es",
  "fr",
  "pl",
  "cs",
] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
/** A1 = 1 … C2 = 6: numeric ranks make "at least B2" a comparison (and a Meilisearch filter). */
export const cefrRank = (level: CefrLevel) => CEFR_LEVELS.indexOf(level) + 1;
