import { redirect } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { authenticateApiKey } from "~/services/api-keys/api-keys.server";
import { resolveSession, type SessionLookup, type SignedIn } from "~/services/auth/sessions.server";
import { requireAgency } from "~/services/guards.server";
import { resolveKioskDevice } from "~/services/booth/resolve-kiosk-device.server";
import type { RequestContext } from "./context.server";
import { throwAsResponse } from "./errors.server";

// One lookup per request, however many loaders ask (root + route loaders run on the same Request).
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

export async function getSessionToken(request: Request, ctx: RequestContext): Promise<string | null> {
  const value: unknown = await ctx.cookies.session.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export function lookupSession(request: Request, ctx: RequestContext): Promise<SessionLookup> {
  let p = lookups.get(request);
  if (!p) {
    p = getSessionToken(request, ctx).then((token) => resolveSession(ctx.deps, token));
    lookups.set(request, p);
  }
  return p;
}

export async function getSignedIn(request: Request, ctx: RequestContext): Promise<SignedIn | null> {
  const l = await lookupSession(request, ctx);
  return l.state === "ok" ? l.signedIn : null;
}

/** The signed-in user, or a redirect to the login page (which explains a licence block). Throws Responses. */
export async function requireSignedIn(request: Request, ctx: RequestContext): Promise<SignedIn> {
  const l = await lookupSession(request, ctx);
  if (l.state === "ok") return l.signedIn;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (l.state === "blocked") {
    params.set("blocked", l.reason);
    throw redirect(`/login?${params}`, {
      headers: { "Set-Cookie": await ctx.cookies.session.serialize("", { maxAge: 0 }) },
    });
  }
  throw redirect(`/login?${params}`);
}

/** A page of the agency's worker register: signed in, then the services' guard (anyone else: "not found"). */
export async function requireAgencyUser(request: Request, ctx: RequestContext): Promise<SignedIn> {
  const signedIn = await requireSignedIn(request, ctx);
  try {
    requireAgency(signedIn.actor);
  } catch (e) {
    throwAsResponse(e);
  }
  return signedIn;
}

/** For /api/v1/*: the organisation behind `Authorization: Bearer <key>`, or a 401 in the API error format. */
export async function requireApiActor(request: Request, ctx: RequestContext) {
  const header = request.headers.get("Authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const found = key ? await authenticateApiKey(ctx.deps, key) : null;
  if (!found) throw new DomainError("unauthenticated", "errors.unauthenticated");
  return found;
}

// The trade-forum booth's kiosks: a device credential (cookie jmb_kiosk), never a user session.
const kiosks = new WeakMap<Request, Promise<Awaited<ReturnType<typeof resolveKioskDevice>>>>();

/** The enrolled kiosk device of the event `slug` behind this request, or null (cached per Request). */
export function getKioskDevice(request: Request, ctx: RequestContext, slug: string) {
  let p = kiosks.get(request);
  if (!p) {
    p = ctx.cookies.kiosk
      .parse(request.headers.get("Cookie"))
      .then((v: unknown) => resolveKioskDevice(ctx.deps, typeof v === "string" ? v : null, slug));
    kiosks.set(request, p);
  }
  return p;
}

/** For the kiosk's pages and endpoints: the device enrolled for this event, or a 401 (not enrolled, revoked, another event's). */
export async function requireKioskDevice(request: Request, ctx: RequestContext, slug: string) {
  const found = await getKioskDevice(request, ctx, slug);
  if (!found) throwAsResponse(new DomainError("unauthenticated", "errors.kiosk_not_enrolled"));
  return found;
}
