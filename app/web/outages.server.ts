import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { isLocale, negotiateLocale, type Locale } from "~/i18n/locales";
import { translateError } from "~/i18n/translate";
import { outageOf, type Outage } from "~/services/availability.server";
import { rateLimitedLog } from "~/services/log/rate-limited-log.server";
import type { RequestContext } from "./context.server";

/** Seconds a client is asked to wait before retrying a request that met an outage or shed load. */
export const RETRY_AFTER_SECONDS = 5;

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/**
 * Every loader and action of the build, wrapped once: an error that says PostgreSQL or Meilisearch is down
 * (or that load was shed) becomes a 503 with Retry-After — JSON in the API's error format under /api/, and
 * for pages a response the root ErrorBoundary turns into "what is down, try again" in the user's language.
 * Any other error is left alone (a real bug stays a logged 500).
 */
export function withOutageResponses(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const mod = route.module as unknown as Record<string, unknown>;
      const wrapped = { ...mod };
      for (const name of ["loader", "action"] as const) {
        const fn = mod[name] as Handler | undefined;
        if (typeof fn === "function") wrapped[name] = wrap(fn);
      }
      return [id, { ...route, module: wrapped as unknown as typeof route.module }];
    }),
  );
  return { ...build, routes };
}

function wrap(fn: Handler): Handler {
  return async (args) => {
    try {
      return await fn(args);
    } catch (e) {
      const outage = outageOf(e);
      if (!outage) throw e;
      logOutage(outage, args.request, e);
      throw await outageResponse(outage, args.request, args.context as RequestContext);
    }
  };
}

async function outageResponse(outage: Outage, request: Request, ctx: RequestContext): Promise<Response> {
  const locale = await requestLocale(request, ctx);
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  const message = translateError(locale, outage.messageKey);
  if (new URL(request.url).pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "unavailable", message, fields: {} } }, { status: 503, headers });
  }
  return Response.json({ messageKey: outage.messageKey, locale }, { status: 503, headers });
}

/** The language without asking PostgreSQL (which may be the part that is down): cookie, then the browser. */
async function requestLocale(request: Request, ctx: RequestContext): Promise<Locale> {
  try {
    const fromCookie: unknown = await ctx.cookies.lang.parse(request.headers.get("Cookie"));
    if (isLocale(fromCookie)) return fromCookie;
  } catch {
    // an unreadable cookie: fall through to Accept-Language
  }
  return negotiateLocale(request.headers.get("Accept-Language"));
}

// One line per part and cause every 10 s, with a count of the ones left out.
const outageLog = rateLimitedLog((line) => console.error(line));
function logOutage(outage: Outage, request: Request, e: unknown) {
  const cause = e instanceof Error ? e.message : String(e);
  outageLog(
    `${outage.part}:${cause}`,
    `[outage] ${outage.part}: ${cause} — ${request.method} ${new URL(request.url).pathname} answered 503`,
  );
}
