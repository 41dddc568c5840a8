import { isLocale, negotiateLocale, type Locale } from "~/i18n/locales";
import type { RequestContext } from "./context.server";
import { getSignedIn } from "./session.server";

/** The user's language: the cookie set by the switcher, then the account's saved choice, then Accept-Language. */
export async function getLocale(request: Request, ctx: RequestContext): Promise<Locale> {
  const fromCookie: unknown = await ctx.cookies.lang.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  const signedIn = await getSignedIn(request, ctx);
  if (signedIn && isLocale(signedIn.user.locale)) return signedIn.user.locale;
  return negotiateLocale(request.headers.get("Accept-Language"));
}
