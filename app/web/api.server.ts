import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { negotiateLocale } from "~/i18n/locales";
import { fingerprintOf, runIdempotent } from "~/services/idempotency/run-idempotent.server";
import type { RequestContext } from "./context.server";
import { apiError, apiValidationError } from "./errors.server";
import { limitApiWrite } from "./rate-limits.server";
import { requireApiActor } from "./session.server";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class ApiResponse {
  constructor(
    readonly body: unknown,
    readonly status = 200,
  ) {}
}

/**
 * An /api/v1 endpoint: authenticates the bearer key, runs `fn` as that organisation, and answers JSON. Domain
 * errors become `{error:{code,message,fields}}` with their status, in the Accept-Language language. Mutating
 * calls count against the organisation's API write limit (429 + Retry-After past it).
 */
export async function api(
  request: Request,
  ctx: RequestContext,
  fn: (actor: Actor) => Promise<unknown>,
): Promise<Response> {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  try {
    const { actor } = await requireApiActor(request, ctx);
    if (!READ_METHODS.has(request.method)) await limitApiWrite(ctx, actor);
    const answer = async () => toResponse(await fn(actor));
    const key = request.method === "POST" ? idempotencyKeyOf(request) : null;
    if (key === null) return await answer();
    // As Stripe's API: a retried POST with the same Idempotency-Key gets the first answer, and is not run twice.
    const { pathname, search } = new URL(request.url);
    const outcome = await runIdempotent(
      ctx.deps,
      {
        scope: `org:${actor.orgId}`,
        key,
        fingerprint: fingerprintOf(request.method, pathname + search, await request.clone().text()),
        field: IDEMPOTENCY_HEADER,
      },
      answer,
      async (res) =>
        res.ok
          ? {
              status: res.status,
              headers: { "Content-Type": res.headers.get("Content-Type") ?? "application/json" },
              body: await res.clone().text(),
            }
          : null,
    );
    if (!outcome.replayed) return outcome.result;
    return new Response(outcome.answer.body, {
      status: outcome.answer.status,
      headers: { ...outcome.answer.headers, "Idempotent-Replayed": "true" },
    });
  } catch (e) {
    if (e instanceof ValidationFailure) return apiValidationError(e.issues, locale);
    return apiError(e, locale);
  }
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result instanceof ApiResponse) return Response.json(result.body, { status: result.status });
  return Response.json(result);
}

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The request's Idempotency-Key: 1–255 visible ASCII characters (a UUID is a good one), or null when absent. */
function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new DomainError("invalid", "errors.idempotency_key_invalid", {
      [IDEMPOTENCY_HEADER]: "errors.idempotency_key_invalid",
    });
  }
  return key;
}

class ValidationFailure extends Error {
  constructor(readonly issues: { path: PropertyKey[]; message: string }[]) {
    super("validation failed");
  }
}

/** Parses a JSON body with a shared form schema; failures answer 422 with every field's error. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new DomainError("malformed", "errors.invalid_json");
  }
  const r = schema.safeParse(body);
  if (!r.success) throw new ValidationFailure(r.error.issues);
  return r.data;
}

/** 405 with an `Allow` header listing the methods the route serves. */
export function methodNotAllowed(...allow: string[]): never {
  throw new DomainError(
    "method_not_allowed",
    "errors.method_not_allowed",
    {},
    allow.length ? { allow: allow.join(", ") } : {},
  );
}

/**
 * The handler for the methods an API route does not serve (its missing `loader` or `action`): 405 + `Allow` in
 * the API error format, before any key is checked. Without it Remix answers 400 "Unexpected Server Error".
 */
export function onlyMethods(...allow: string[]) {
  return ({ request }: { request: Request }) =>
    apiError(
      new DomainError("method_not_allowed", "errors.method_not_allowed", {}, { allow: allow.join(", ") }),
      negotiateLocale(request.headers.get("Accept-Language")),
    );
}

/** Parses URL query parameters with a shared schema; failures answer 422 with every parameter's error. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const r = schema.safeParse(params);
  if (!r.success) throw new ValidationFailure(r.error.issues);
  return r.data;
}
