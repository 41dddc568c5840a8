import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { negotiateLocale } from "~/i18n/locales";
import type { RequestContext } from "./context.server";
import { apiError, apiValidationError } from "./errors.server";
import { limitApiWrite } from "./rate-limits.server";
import { requireApiActor } from "./session.server";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class ApiResponse {
  constructor(readonly body: unknown, readonly status = 200) {}
}

/**
 * An /api/v1 endpoint: authenticates the bearer key, runs `fn` as that organisation, and answers JSON. Domain
 * errors become `{error:{code,message,fields}}` with their status, in the Accept-Language language. Mutating
 * calls count against the organisation's API write limit (429 + Retry-After past it).
 */
export async function api(request: Request, ctx: RequestContext, fn: (actor: Actor) => Promise<unknown>): Promise<Response> {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  try {
    const { actor } = await requireApiActor(request, ctx);
    if (!READ_METHODS.has(request.method)) await limitApiWrite(ctx, actor);
    const result = await fn(actor);
    if (result instanceof Response) return result;
    if (result instanceof ApiResponse) return Response.json(result.body, { status: result.status });
    return Response.json(result);
  } catch (e) {
    if (e instanceof ValidationFailure) return apiValidationError(e.issues, locale);
    return apiError(e, locale);
  }
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
    throw new DomainError("invalid", "errors.invalid_json");
  }
  const r = schema.safeParse(body);
  if (!r.success) throw new ValidationFailure(r.error.issues);
  return r.data;
}

export function methodNotAllowed(): never {
  throw new DomainError("invalid", "errors.method_not_allowed");
}

/** Parses URL query parameters with a shared schema; failures answer 422 with every parameter's error. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const r = schema.safeParse(params);
  if (!r.success) throw new ValidationFailure(r.error.issues);
  return r.data;
}
