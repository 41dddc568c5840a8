// Error pages that say what happened and what to do next, in the reader's language (as the Epic Stack's
// GeneralErrorBoundary). A thrown response carries what happened as an i18n key, with params
// (app/web/errors.server.ts throwAsResponse: `{ messageKey, params }`; routes may also throw the bare key as
// text); the page shows that message under a title chosen by the status, then the next step for that status.
// The root renders it for every route; a route exports its own to add a way back to where the reader was.
import { isRouteErrorResponse, Link, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n/en";
import { isMessageKey } from "~/i18n/translate";
import { useT } from "./i18n";

/** The message a thrown error response carries, when it is one of ours. */
export function errorMessageOf(
  error: unknown,
): { messageKey: MessageKey; params: Record<string, string | number> } | null {
  if (!isRouteErrorResponse(error)) return null;
  const d: unknown = error.data;
  if (typeof d === "string") return isMessageKey(d) ? { messageKey: d, params: {} } : null;
  if (!d || typeof d !== "object") return null;
  const { messageKey, params } = d as { messageKey?: unknown; params?: unknown };
  if (typeof messageKey !== "string" || !isMessageKey(messageKey)) return null;
  const safeParams: Record<string, string | number> = {};
  if (params && typeof params === "object") {
    for (const [k, v] of Object.entries(params)) if (typeof v === "string" || typeof v === "number") safeParams[k] = v;
  }
  return { messageKey, params: safeParams };
}

// Messages that only restate the status: the page's own text for that status says it better.
const GENERIC = new Set<string>(["errors.not_found", "errors.invalid", "errors.forbidden"]);

type Kind = "400" | "401" | "403" | "404" | "409" | "429" | "500";

function kindOf(status: number): Kind {
  if (status === 401 || status === 403 || status === 404 || status === 409 || status === 429)
    return String(status) as Kind;
  if (status >= 400 && status < 500) return "400";
  return "500";
}

const TITLE: Record<Kind, MessageKey> = {
  "400": "error.400_title",
  "401": "error.401_title",
  "403": "error.403_title",
  "404": "error.404_title",
  "409": "error.409_title",
  "429": "error.429_title",
  "500": "error.500_title",
};
const TEXT: Record<Kind, MessageKey> = {
  "400": "error.400_text",
  "401": "error.next_401",
  "403": "error.403_text",
  "404": "error.404_text",
  "409": "error.400_text",
  "429": "error.400_text",
  "500": "error.500_text",
};
const NEXT: Record<Kind, MessageKey> = {
  "400": "error.next_400",
  "401": "error.next_401",
  "403": "error.next_403",
  "404": "error.next_404",
  "409": "error.next_409",
  "429": "error.next_429",
  "500": "error.next_500",
};

export interface BackLink {
  to: string;
  labelKey: MessageKey;
}

/**
 * The error page body. `back` is the route's way back (e.g. to the list the reader came from); the home page, the
 * dashboard when signed in and sign-in when the answer was 401 are always offered. A 503 naming what is down is
 * rendered by the root (app/root.tsx), not here.
 */
export function GeneralErrorBoundary({ back, children }: { back?: BackLink; children?: ReactNode }) {
  const error = useRouteError();
  const t = useT();
  const location = useLocation();
  const root = useRouteLoaderData<{ user: unknown } | undefined>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = kindOf(status);
  const said = errorMessageOf(error);
  const message = said && !GENERIC.has(said.messageKey) ? t(said.messageKey, said.params) : t(TEXT[kind]);
  const here = location.pathname + location.search;
  return (
    <main id="main" tabIndex={-1} className="narrow error-page">
      <h1>{t(TITLE[kind])}</h1>
      <p role={kind === "500" ? "alert" : undefined}>{message}</p>
      {children}
      <h2 className="small-heading">{t("error.what_next")}</h2>
      <p>{t(NEXT[kind])}</p>
      <ul className="links">
        {back ? (
          <li>
            <Link to={back.to}>{t(back.labelKey)}</Link>
          </li>
        ) : null}
        {kind === "401" ? (
          <li>
            <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`}>{t("error.sign_in")}</Link>
          </li>
        ) : null}
        {kind === "409" || kind === "500" ? (
          <li>
            <Link reloadDocument to={here}>
              {t("error.reload")}
            </Link>
          </li>
        ) : null}
        {root?.user ? (
          <li>
            <Link to="/dashboard">{t("error.dashboard")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/">{t("error.home")}</Link>
        </li>
      </ul>
    </main>
  );
}
