import type express from "express";
import type { MessageKey } from "~/i18n/en";
import { negotiateLocale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";

/**
 * An answer given by the HTTP server before Remix sees the request (shed load, an unknown method, a refused body),
 * in the client's language: the API's error format under /api/, plain text elsewhere.
 */
export function answerEarly(
  req: express.Request,
  res: express.Response,
  a: {
    status: number;
    code: string;
    messageKey: MessageKey;
    params?: Record<string, string>;
    headers?: Record<string, string>;
    /** the field at fault, named in the API error ("body", a header) */
    field?: string;
    /** default: the path is under /api/ */
    api?: boolean;
  },
): void {
  if (res.headersSent) return;
  const message = translate(negotiateLocale(req.headers["accept-language"]), a.messageKey, a.params);
  for (const [name, value] of Object.entries(a.headers ?? {})) res.setHeader(name, value);
  if (a.api ?? req.path.startsWith("/api/")) {
    return void res
      .status(a.status)
      .json({ error: { code: a.code, message, fields: a.field ? { [a.field]: message } : {} } });
  }
  res.status(a.status).type("text/plain; charset=utf-8").send(message);
}

/**
 * An empty `Idempotency-Key` header is a client's mistake (a template that left the key out), not "no key": it is
 * refused as an invalid key, as app/web/api.server.ts refuses any other. Answered here because Remix's express
 * adapter drops empty headers, so the API would see none and run the request without protection.
 */
export function refuseEmptyIdempotencyKey(req: express.Request, res: express.Response, next: express.NextFunction) {
  const value = req.headers["idempotency-key"];
  if (value === undefined || !req.path.startsWith("/api/") || (typeof value === "string" && value.trim() !== ""))
    return next();
  answerEarly(req, res, {
    status: 422,
    code: "invalid",
    messageKey: "errors.idempotency_key_invalid",
    field: "Idempotency-Key",
    headers: { "Cache-Control": "no-store" },
  });
}

const KNOWN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Methods Jembatan serves; anything else (TRACE, PROPFIND, …) is 405 with Allow before it reaches Remix, which
 * answers unknown methods with a 500 or an unformatted 405. OPTIONS is answered here too (no CORS is granted):
 * Remix would run the route's GET loader for it.
 */
export function rejectUnknownMethods(req: express.Request, res: express.Response, next: express.NextFunction) {
  const allow = KNOWN_METHODS.join(", ");
  if (req.method === "OPTIONS") return void res.status(204).setHeader("Allow", allow).end();
  if (KNOWN_METHODS.includes(req.method)) return next();
  answerEarly(req, res, {
    status: 405,
    code: "method_not_allowed",
    messageKey: "errors.method_not_allowed",
    headers: { Allow: allow },
  });
}
