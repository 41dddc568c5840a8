import { data, type HeadersFunction } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { DomainError, type DomainErrorCode } from "~/domain/errors";
import type { Locale } from "~/i18n/locales";
import { encodeMessage, translateError } from "~/i18n/translate";
import { BODY_ERROR_CODES } from "./body-rules";

const STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
  unauthenticated: 401,
  rate_limited: 429,
  licence_blocked: 403,
  unavailable: 503,
  malformed: 400,
  method_not_allowed: 405,
};

export const statusOf = (e: DomainError) => STATUS[e.code];

/** Every `error.code` the API can answer: the domain's codes and the HTTP server's own refusals of a body. */
export const API_ERROR_CODES: readonly string[] = [
  ...new Set([...Object.keys(STATUS), ...Object.values(BODY_ERROR_CODES)]),
];

/**
 * Fields whose submitted value never goes back to the browser in any reply: conform's reply carries the
 * submitted values (to refill the form), and it is serialised into the page's HTML.
 */
export const NEVER_ECHOED = ["password", "currentPassword", "newPassword"];

/** A domain error on a page: shown next to its field (or above the form), with the right status. */
export function replyWithDomainError<T, X extends object = object>(
  submission: Submission<T>,
  e: DomainError,
  extra?: X,
) {
  const fieldErrors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, [encodeMessage(v, e.params)]]));
  const formErrors = Object.keys(e.fields).length ? [] : [encodeMessage(e.messageKey, e.params)];
  const result = submission.reply({ formErrors, fieldErrors, hideFields: NEVER_ECHOED });
  return data({ ...(extra as X), result }, { status: STATUS[e.code], headers: retryAfterHeaders(e) });
}

/** A form that failed its schema: the errors go back next to the fields, with status 400. */
export function invalid<T, X extends object = object>(
  submission: Submission<T>,
  extra?: X,
  opts: { hideFields?: string[] } = {},
) {
  return data(
    { ...(extra as X), result: submission.reply({ hideFields: [...NEVER_ECHOED, ...(opts.hideFields ?? [])] }) },
    { status: 400 },
  );
}

/** `Retry-After` (seconds) for an error that says when to come back (a rate limit). */
export function retryAfterHeaders(e: DomainError): Record<string, string> {
  return e.retryAfterSeconds === undefined ? {} : { "Retry-After": String(e.retryAfterSeconds) };
}

/**
 * A domain error that ends a page (not found, forbidden, a rate limit…) becomes a thrown response carrying what
 * happened (its i18n key and params), so the error page says it in the reader's language
 * (app/components/error-boundary.tsx). Anything else is rethrown: an unexpected error is a 500 and is logged.
 */
export function throwAsResponse(e: unknown): never {
  if (e instanceof DomainError) {
    const body: ErrorPageData = { messageKey: e.messageKey, params: e.params };
    throw data(body, { status: STATUS[e.code], headers: retryAfterHeaders(e) });
  }
  throw e;
}

/**
 * For routes without a page (downloads, form endpoints): a domain error as plain text in the reader's language,
 * with its status. A thrown `{ messageKey }` there would reach the reader as "Unexpected Server Error".
 */
export function throwAsText(locale: Locale) {
  return (e: unknown): never => {
    if (e instanceof DomainError) throw textError(locale, STATUS[e.code], e.messageKey, e.params, retryAfterHeaders(e));
    throw e;
  };
}

/** A plain-text error answer in the reader's language. */
export function textError(
  locale: Locale,
  status: number,
  messageKey: string,
  params: Record<string, string | number> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(translateError(locale, messageKey, params), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** What a thrown error response carries to the error page (app/components/error-boundary.tsx reads it). */
export interface ErrorPageData {
  messageKey: string;
  params?: Record<string, string | number>;
}

/** API errors: `{error:{code,message,fields}}` with the status of the domain code, in the caller's language. */
export function apiError(e: unknown, locale: Locale): Response {
  if (e instanceof Response) return e;
  if (!(e instanceof DomainError)) throw e;
  const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translateError(locale, v, e.params)]));
  const allow =
    e.code === "method_not_allowed" && typeof e.params.allow === "string" ? { Allow: e.params.allow } : undefined;
  return Response.json(
    { error: { code: e.code, message: translateError(locale, e.messageKey, e.params), fields } },
    {
      status: STATUS[e.code],
      headers: {
        ...allow,
        ...retryAfterHeaders(e),
        ...(e.code === "unauthenticated" ? { "WWW-Authenticate": "Bearer" } : {}),
      },
    },
  );
}

/** zod issues from an API body, in the same format (status 422). */
export function apiValidationError(issues: { path: PropertyKey[]; message: string }[], locale: Locale): Response {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".") || "body";
    fields[key] ??= translateError(locale, i.message);
  }
  return Response.json(
    { error: { code: "invalid", message: translateError(locale, "errors.form_has_errors"), fields } },
    { status: 422 },
  );
}

/**
 * A page route's `headers`: Remix does not copy an action's headers onto the document it renders, so a form
 * that can answer 429 exports this to send the action's Retry-After along.
 */
export const retryAfterFromAction: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
