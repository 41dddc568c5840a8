import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Link,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { LocaleProvider, useT } from "~/components/i18n";
import { useNonce } from "~/components/nonce";
import { useRequestLocale } from "~/components/request-locale";
import { SiteHeader } from "~/components/site-header";
import { SiteFooter } from "~/components/site-footer";
import { errorMessageOf, GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-title";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/en";
import { getLocale } from "~/web/locale.server";
import { getSignedIn } from "~/web/session.server";
import { takeFlash } from "~/web/flash.server";
import { unreadCount } from "~/services/notifications/notifications.server";
import styles from "~/styles/app.css";

export const meta: MetaFunction = ({ matches, error }) =>
  pageTitle(
    matches,
    !error
      ? undefined
      : isRouteErrorResponse(error) && error.status === 404
        ? "error.404_title"
        : isRouteErrorResponse(error) && error.status === 403
          ? "error.403_title"
          : isRouteErrorResponse(error) && error.status < 500
            ? "error.400_title"
            : isRouteErrorResponse(error) && error.status === 503
              ? "error.503_title"
              : "error.500_title",
  );

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, signedIn, { flash, clear }] = await Promise.all([
    getLocale(request, context),
    getSignedIn(request, context),
    takeFlash(request, context),
  ]);
  const user = signedIn
    ? {
        name: signedIn.user.name,
        orgSlug: signedIn.org.slug,
        orgKind: signedIn.org.kind,
        role: signedIn.user.role,
        unread: await unreadCount(context.deps.db, signedIn.org.id),
      }
    : null;
  return data({ locale, user, flash }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const outage = outageOfError(useRouteError());
  const requestLocale = useRequestLocale();
  const locale = root?.locale ?? outage?.locale ?? requestLocale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const bare = useBare();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleProvider locale={locale}>
          {bare ? null : <SiteHeader user={root?.user ?? null} />}
          {children}
          {bare ? null : <SiteFooter />}
        </LocaleProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

function Flash() {
  const root = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  if (!root?.flash) return null;
  return (
    <div className="flash" role="status">
      {t(root.flash)}
    </div>
  );
}

/** A route whose handle says `{ bare: true }` (the booth's kiosk) fills the screen: no site header or footer. */
function useBare(): boolean {
  return useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true);
}

export default function App() {
  const bare = useBare();
  return (
    <main id="main" tabIndex={-1} className={bare ? "kiosk-main" : undefined}>
      <Flash />
      <Outlet />
    </main>
  );
}

/** A 503 from app/web/outages.server.ts carries what is down (an i18n key) and the language to say it in. */
function outageOfError(error: unknown): { messageKey: MessageKey; locale: Locale } | null {
  if (!isRouteErrorResponse(error) || error.status !== 503) return null;
  const said = errorMessageOf(error);
  if (!said) return null;
  const locale: unknown =
    typeof error.data === "object" && error.data ? (error.data as { locale?: unknown }).locale : undefined;
  return { messageKey: said.messageKey, locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (!isRouteErrorResponse(error)) console.error(error);
  const outage = outageOfError(error);
  const location = useLocation();
  if (outage) {
    return (
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t("error.503_title")}</h1>
        <p role="alert">{t(outage.messageKey)}</p>
        <p>
          <Link reloadDocument to={location.pathname + location.search}>
            {t("error.retry")}
          </Link>
        </p>
      </main>
    );
  }
  return <GeneralErrorBoundary />;
}
