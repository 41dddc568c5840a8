import { createContext, useContext, useMemo, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { makeT, translateError, type TFunction } from "~/i18n/translate";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

export function useT(): TFunction {
  const locale = useLocale();
  return useMemo(() => makeT(locale), [locale]);
}

/** Translates encoded error messages (i18n keys from zod schemas and domain errors). */
export function useErrorText(): (message: string) => string {
  const locale = useLocale();
  return (message) => translateError(locale, message);
}
