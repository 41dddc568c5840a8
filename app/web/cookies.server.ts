import { createCookie, type Cookie } from "@remix-run/node";

export interface AppCookies {
  /** opaque session token; the database holds its hash (docs/decisions/002-sessions.md) */
  session: Cookie;
  /** chosen language, for visitors and signed-in users alike */
  lang: Cookie;
  /** one-shot message shown after a redirect */
  flash: Cookie;
  /**
   * a kiosk's device token (the trade-forum booth): no user session, only /booth/* sees it, never sent on a
   * cross-site request; its Expires is set when enrolled (the event's end + a week)
   */
  kiosk: Cookie;
}

export function createAppCookies(opts: { secret: string; secure: boolean; sessionDays: number }): AppCookies {
  const common = { httpOnly: true, sameSite: "lax" as const, secure: opts.secure, path: "/" };
  return {
    session: createCookie("jmb_session", { ...common, secrets: [opts.secret], maxAge: opts.sessionDays * 86_400 }),
    lang: createCookie("jmb_lang", { ...common, maxAge: 365 * 86_400 }),
    flash: createCookie("jmb_flash", { ...common, secrets: [opts.secret], maxAge: 120 }),
    kiosk: createCookie("jmb_kiosk", { ...common, sameSite: "strict", path: "/booth", secrets: [opts.secret] }),
  };
}
