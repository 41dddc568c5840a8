import type { ApiOperation } from "./api-operations.server";
import { BODY_ERROR_CODES } from "./body-rules";

// The statuses an /api/v1 operation answers, by rule from what the request passes through (scripts/http-server.ts,
// app/web/api.server.ts), plus the operation's own from app/web/api-operations.server.ts. Each rule names where
// the status comes from, so a new middleware or guard has one obvious place to be written down.

export type ResponseHeader = "Retry-After" | "Allow" | "Idempotent-Replayed" | "WWW-Authenticate";

export interface StatusDoc {
  description: string;
  /** the headers that matter on this answer (each a `#/components/headers/*`) */
  headers: ResponseHeader[];
  /** the body is the Error schema (false: the success answer) */
  error: boolean;
}

const refusal = (status: keyof typeof BODY_ERROR_CODES, what: string) =>
  `${what} (code \`${BODY_ERROR_CODES[status]}\`)`;

/** Every status of `op`, ascending, with what it means there. */
export function statusesOf(op: ApiOperation): Map<number, StatusDoc> {
  const out = new Map<number, StatusDoc>();
  const add = (status: number, description: string, headers: ResponseHeader[] = []) => {
    const had = out.get(status);
    if (had)
      out.set(status, {
        ...had,
        description: `${had.description}; ${description}`,
        headers: [...new Set([...had.headers, ...headers])],
      });
    else out.set(status, { description, headers, error: status >= 400 });
  };
  const hasBody = op.method !== "get";

  out.set(op.ok.status, {
    description: op.ok.description,
    headers: op.method === "post" ? ["Idempotent-Replayed"] : [],
    error: false,
  });
  // scripts/lib/request-body.ts: a path or query whose %-escapes are not UTF-8, on every request
  add(400, refusal(400, "The URL is not valid UTF-8"));
  if (op.auth !== "public")
    add(401, "Missing, unknown or revoked API key (code `unauthenticated`)", ["WWW-Authenticate"]);
  // app/web/body-rules.ts bodyPolicyFor: every method but GET/HEAD/OPTIONS has a body policy under /api/
  if (hasBody) {
    add(400, refusal(400, "The body is not valid UTF-8 or not JSON"));
    add(408, refusal(408, "The body arrived too slowly"));
    add(413, refusal(413, "The body is larger than this route takes"));
    add(415, refusal(415, "A media type, charset or Content-Encoding this route does not take"));
  }
  // app/web/api.server.ts: Idempotency-Key on POST; the write limit on every method but GET
  if (op.method === "post") {
    add(409, "A request with this Idempotency-Key is still running");
    add(422, "The Idempotency-Key is invalid, or was used for a different request");
  } else {
    // scripts/lib/early-answer.ts refuses an empty one on any /api/ request (Remix would drop the header)
    add(422, "An empty Idempotency-Key header");
  }
  if (hasBody && op.auth !== "public")
    add(429, "Over the organisation's API write limit (code `rate_limited`)", ["Retry-After"]);
  // scripts/lib/load-shedding.ts and app/web/outages.server.ts: shed load, PostgreSQL or Meilisearch down
  add(503, "Busy (load shed) or a dependency is down; safe to retry (code `unavailable`)", ["Retry-After"]);
  for (const [status, description] of Object.entries(op.statuses ?? {})) add(Number(status), description);
  if (op.query) add(422, "A query parameter is invalid; `fields` names it");
  return new Map([...out].sort(([a], [b]) => a - b));
}
