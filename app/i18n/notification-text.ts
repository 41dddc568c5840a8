import type { MessageKey } from "./en";
import { pluralKey } from "./follow-up-text";
import { formatNumber, type Locale } from "./locales";
import { translate } from "./translate";

// A notification's words in the reader's language, the same in the app and in its mail. Counts follow the
// language's plural rules ("fits one of your workers", "fits 12 …"; Indonesian never inflects).

type Part = "subject" | "text";
type Params = Record<string, string | number>;

function keyOf(locale: Locale, kind: string, part: Part, params: Params): MessageKey {
  if (kind === "order_fits")
    return pluralKey(locale, Number(params.count), `notify.order_fits.${part}_one`, `notify.order_fits.${part}_many`);
  return `notify.${kind}.${part}` as MessageKey;
}

export function notificationText(locale: Locale, kind: string, part: Part, params: Params): string {
  const shown: Params = { ...params };
  if (params.count !== undefined) shown.count = formatNumber(locale, Number(params.count));
  return translate(locale, keyOf(locale, kind, part, params), shown);
}
