// HTTP body rules, checked before Remix sees a request (scripts/lib/request-body.ts applies them): which media
// types a route takes, how large a body may be, and that text is valid UTF-8. Pure, so every rule is unit-tested;
// the limits per route are written down in docs/decisions/010-input-limits.md.

import { isUtf8 as isUtf8Bytes } from "node:buffer";

export type BodyKind = "json" | "csv" | "form" | "multipart" | "other";

export interface BodyPolicy {
  /** What the route is, for the error format: API routes answer JSON errors, pages plain text. */
  api: boolean;
  limitBytes: number;
  accepts: readonly BodyKind[];
}

export const KB = 1024;
export const MB = 1024 * KB;
export const LIMITS = { form: 64 * KB, api: 1 * MB, import: 25 * MB } as const;
/**
 * A body declared larger than this is refused at once and the connection closed; a smaller one over its limit is
 * read to the end (and discarded) first, so the client reliably reads the 413 instead of a reset connection.
 */
export const DRAIN_CAP_BYTES = 32 * MB;

const NO_BODY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The rules for a request's body, or null when its method carries none (GET, HEAD, OPTIONS). */
export function bodyPolicyFor(method: string, path: string): BodyPolicy | null {
  if (NO_BODY_METHODS.has(method.toUpperCase())) return null;
  if (path === "/api/v1/workers/import") return { api: true, limitBytes: LIMITS.import, accepts: ["json", "csv"] };
  if (path.startsWith("/api/")) return { api: true, limitBytes: LIMITS.api, accepts: ["json"] };
  // The import page posts its file as multipart (the form) or to its streaming twin /workers/import/stream.
  if (path === "/workers/import" || path.startsWith("/workers/import.") || path.startsWith("/workers/import/")) {
    return { api: false, limitBytes: LIMITS.import, accepts: ["multipart", "form"] };
  }
  return { api: false, limitBytes: LIMITS.form, accepts: ["form", "multipart"] };
}

export interface MediaType {
  kind: BodyKind;
  /** lower-cased charset parameter, if any */
  charset: string | undefined;
}

/**
 * The media type and its charset. Parameters are read as RFC 9110 writes them (`name=value`, optional quotes,
 * case-insensitive names) and leniently as clients send them (`charset = utf-16`); when a charset is named more
 * than once, any one that is not UTF-8 counts, so `charset=utf-8; charset=utf-16` cannot slip through.
 */
export function mediaTypeOf(contentType: string | undefined): MediaType | null {
  if (!contentType) return null;
  const [type = "", ...params] = contentType.split(";").map((p) => p.trim().toLowerCase());
  const charsets = params
    .map((p) => {
      const eq = p.indexOf("=");
      return eq < 0
        ? null
        : {
            name: p.slice(0, eq).trim(),
            value: p
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, "$1")
              .trim(),
          };
    })
    .filter((p): p is { name: string; value: string } => p !== null && p.name === "charset")
    .map((p) => p.value);
  const charset = charsets.find((c) => !isUtf8Label(c)) ?? charsets[0];
  const kind: BodyKind =
    type === "application/json"
      ? "json"
      : type === "text/csv"
        ? "csv"
        : type === "application/x-www-form-urlencoded"
          ? "form"
          : type === "multipart/form-data"
            ? "multipart"
            : "other";
  return { kind, charset };
}

const isUtf8Label = (charset: string) => charset === "utf-8" || charset === "utf8";

const EXPECTED: Record<BodyKind, string> = {
  json: "application/json",
  csv: "text/csv",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
  other: "",
};

export interface BodyRefusal {
  status: 400 | 408 | 413 | 415;
  messageKey:
    | "errors.body_too_slow"
    | "errors.body_too_large"
    | "errors.unsupported_media_type"
    | "errors.unsupported_encoding"
    | "errors.invalid_utf8"
    | "errors.invalid_json";
  params: Record<string, string>;
}

/** The API error code of each refusal (the answer's `error.code`). */
export const BODY_ERROR_CODES = {
  400: "malformed",
  408: "timeout",
  413: "too_large",
  415: "unsupported_media_type",
} as const satisfies Record<BodyRefusal["status"], string>;

export const formatLimit = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;

const tooLarge = (policy: BodyPolicy): BodyRefusal => ({
  status: 413,
  messageKey: "errors.body_too_large",
  params: { limit: formatLimit(policy.limitBytes) },
});

/**
 * What the headers alone decide: a declared length over the limit (413), a media type the route does not take,
 * a charset other than UTF-8 or a compressed body (415: Jembatan does not inflate request bodies, so a gzip body
 * would otherwise be read as its compressed bytes, and a decompression bomb never gets a chance). An empty body
 * passes whatever it is labelled (`POST …/submit` has none).
 */
export function checkBodyHeaders(
  policy: BodyPolicy,
  h: {
    contentType: string | undefined;
    contentLength: string | undefined;
    chunked: boolean;
    contentEncoding?: string | undefined;
  },
): BodyRefusal | null {
  const declared = h.contentLength === undefined ? null : Number(h.contentLength);
  if (declared !== null && Number.isFinite(declared) && declared > policy.limitBytes) return tooLarge(policy);
  if (declared === 0 || (declared === null && !h.chunked)) return null;
  const codings = (h.contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  if (codings.length > 0)
    return { status: 415, messageKey: "errors.unsupported_encoding", params: { encoding: codings.join(", ") } };
  const media = mediaTypeOf(h.contentType);
  const expected = policy.accepts.map((k) => EXPECTED[k]).join(", ");
  const refuse: BodyRefusal = { status: 415, messageKey: "errors.unsupported_media_type", params: { expected } };
  if (!media || !policy.accepts.includes(media.kind)) return refuse;
  if (media.charset !== undefined && !isUtf8Label(media.charset)) return refuse;
  return null;
}

/** A streamed body that has passed its limit (chunked bodies declare no length up front). */
export const checkBodySize = (policy: BodyPolicy, bytes: number): BodyRefusal | null =>
  bytes > policy.limitBytes ? tooLarge(policy) : null;

// Node's validator checks the bytes without decoding them into a string (a 20 MB import was a 20 MB string,
// made and dropped on the request's thread, just to learn that it decodes).
const isUtf8 = (bytes: Uint8Array) => isUtf8Bytes(bytes);

/**
 * The bytes a urlencoded body or query stands for ("%C3%A9" → C3 A9, "+" → space): `%FF` is invalid UTF-8 even
 * though the body itself is ASCII. A "%" not followed by two hex digits stays as it is (URLSearchParams does too).
 */
export function percentDecodedBytes(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.byteLength);
  let n = 0;
  const hex = (b: number | undefined) =>
    b === undefined
      ? -1
      : b >= 0x30 && b <= 0x39
        ? b - 0x30
        : (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66
          ? (b | 0x20) - 0x57
          : -1;
  for (let i = 0; i < raw.byteLength; i++) {
    const b = raw[i]!;
    const hi = b === 0x25 ? hex(raw[i + 1]) : -1;
    const lo = hi >= 0 ? hex(raw[i + 2]) : -1;
    if (lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else {
      out[n++] = b === 0x2b ? 0x20 : b;
    }
  }
  return out.subarray(0, n);
}

const invalidUtf8: BodyRefusal = { status: 400, messageKey: "errors.invalid_utf8", params: {} };

/**
 * A body read whole: text bodies (JSON, CSV, urlencoded) must be valid UTF-8, and a urlencoded body's %-escapes
 * too. Multipart bodies carry files: the import checks the file's text itself. With `jsonSyntax`, a JSON body must
 * also parse (400): a route that ignores its body (`POST …/submit`) must not act on a malformed one. The import's
 * 25 MB JSON is not parsed twice: it reports an unreadable file itself.
 */
export function checkBodyBytes(
  contentType: string | undefined,
  body: Uint8Array,
  opts: { jsonSyntax?: boolean } = {},
): BodyRefusal | null {
  const kind = mediaTypeOf(contentType)?.kind;
  if (kind === "multipart" || kind === undefined || body.byteLength === 0) return null;
  if (!isUtf8(body)) return invalidUtf8;
  if (kind === "form" && !isUtf8(percentDecodedBytes(body))) return invalidUtf8;
  if (kind === "json" && opts.jsonSyntax) {
    try {
      JSON.parse(new TextDecoder().decode(body));
    } catch {
      return { status: 400, messageKey: "errors.invalid_json", params: {} };
    }
  }
  return null;
}

/**
 * A path or query string whose %-escapes are not UTF-8 (`/api/v1/job-orders/%FF`, `?country=%FF`): the query
 * would reach the schemas as U+FFFD, the path would fail Remix's decoding (an unformatted 400 page, even under
 * /api/). Answered here in the route's format instead.
 */
export function checkRequestTarget(url: string): BodyRefusal | null {
  if (!url.includes("%")) return null;
  return isUtf8(percentDecodedBytes(new TextEncoder().encode(url))) ? null : invalidUtf8;
}

/** An uploaded file's text, or null when it is not UTF-8 (a file's bytes are never silently replaced by U+FFFD). */
export async function utf8FileText(file: Blob): Promise<string | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isUtf8(bytes)) return null;
  return new TextDecoder("utf-8").decode(bytes);
}
