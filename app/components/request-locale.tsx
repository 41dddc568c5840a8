import { createContext, useContext } from "react";
import { isLocale, type Locale } from "~/i18n/locales";

// The reader's language for this request, chosen before rendering (app/entry.server.tsx: cookie, account,
// Accept-Language). The root layout normally takes it from the root loader, but when an action or loader below
// it throws, Remix renders the error page without the root loader's data: then this says the language, on the
// server from the request, in the browser from <html lang> (which the server rendered with it).
const RequestLocaleContext = createContext<Locale | null>(null);
export const RequestLocaleProvider = RequestLocaleContext.Provider;

export function useRequestLocale(): Locale | null {
  const fromServer = useContext(RequestLocaleContext);
  if (fromServer) return fromServer;
  if (typeof document !== "undefined" && isLocale(document.documentElement.lang)) return document.documentElement.lang;
  return null;
}
