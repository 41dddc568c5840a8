import { occupationTitle } from "~/domain/reference/isco";
import { en, type MessageKey } from "./en";
import { id } from "./id";
import type { Locale } from "./locales";

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, id };

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function makeT(locale: Locale): TFunction {
  return (key, params) => translate(locale, key, params);
}

/**
 * Error messages travel as i18n keys, optionally with parameters: "errors.rate_limited?minutes=15".
 * They are translated where they are shown, in that user's language.
 */
export function encodeMessage(key: string, params?: Record<string, string | number>): string {
  if (!params || Object.keys(params).length === 0) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}

/** Translate an encoded message; anything that is not one of our keys shows the generic error. */
export function translateError(locale: Locale, message: string, params?: Record<string, string | number>): string {
  const [key = "", query] = message.split("?", 2);
  const all: Record<string, string | number> = { ...Object.fromEntries(new URLSearchParams(query ?? "")), ...params };
  for (const [k, v] of Object.entries(all)) if (typeof v === "string" && isMessageKey(v)) all[k] = translate(locale, v);
  // an ISCO code travels as the code; its title is the reader's language's
  if (typeof all.isco === "string" && all.occupation === undefined) all.occupation = occupationTitle(all.isco, locale);
  return translate(locale, isMessageKey(key) ? key : "errors.invalid", all);
}
