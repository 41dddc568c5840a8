import type { MessageKey } from "~/i18n/en";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";

interface Match {
  id: string;
  data: unknown;
}

/** `<title>` in the user's language: "Log in · Jembatan". The locale comes from the root loader. */
export function pageTitle(matches: Match[], key?: MessageKey, params?: Record<string, string | number>) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const app = translate(locale, "app.name");
  return [{ title: key ? `${translate(locale, key, params)} · ${app}` : app }];
}
