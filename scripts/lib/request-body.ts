import type express from "express";
import { Readable } from "node:stream";
import {
  BODY_ERROR_CODES,
  bodyPolicyFor,
  checkBodyBytes,
  checkBodyHeaders,
  checkBodySize,
  checkRequestTarget,
  DRAIN_CAP_BYTES,
  LIMITS,
  type BodyRefusal,
} from "~/web/body-rules";
import { answerEarly } from "./early-answer";

// The body rules of app/web/body-rules.ts, applied before Remix: the body is read here (up to the route's limit,
// counting streamed bytes, since a chunked body declares no length), checked, and handed to Remix from memory.
// Remix's express adapter reads the body straight from `req`, so it gets a stand-in whose stream is the buffer.

const BUFFERED = Symbol("buffered body");
type WithBody = express.Request & { [BUFFERED]?: Buffer };

const ERROR_CODE = BODY_ERROR_CODES;

/**
 * A body that stops arriving for this long is answered 408 and its connection closed: a client trickling bytes
 * (slowloris) must not hold a request slot (MAX_IN_FLIGHT counts requests whose bodies are still arriving).
 */
export const BODY_IDLE_SECONDS = 10;

function refuse(req: express.Request, res: express.Response, r: BodyRefusal, api: boolean, close = false) {
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...(close ? { Connection: "close" } : {}) };
  answerEarly(req, res, {
    status: r.status,
    code: ERROR_CODE[r.status],
    messageKey: r.messageKey,
    params: r.params,
    headers,
    field: "body",
    api,
  });
}

export function requestBodyRules() {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const policy = bodyPolicyFor(req.method, req.path);
    const api = policy?.api ?? req.path.startsWith("/api/");
    const badQuery = checkRequestTarget(req.originalUrl);
    if (!policy) return badQuery ? refuse(req, res, badQuery, api) : next();

    const contentLength = req.headers["content-length"];
    const chunked = /\bchunked\b/i.test(req.headers["transfer-encoding"] ?? "");
    let refusal =
      badQuery ??
      checkBodyHeaders(policy, {
        contentType: req.headers["content-type"],
        contentLength,
        chunked,
        contentEncoding: req.headers["content-encoding"],
      });
    if (refusal && Number(contentLength) > DRAIN_CAP_BYTES) {
      // Not worth reading: answer now and let Node close the connection after the answer.
      refuse(req, res, refusal, api, true);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    let idle: NodeJS.Timeout | undefined;
    const stillArriving = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        refuse(
          req,
          res,
          { status: 408, messageKey: "errors.body_too_slow", params: { seconds: String(BODY_IDLE_SECONDS) } },
          api,
          true,
        );
        res.once("finish", () => req.destroy());
      }, BODY_IDLE_SECONDS * 1000);
      idle.unref();
    };
    stillArriving();
    req.once("close", () => clearTimeout(idle));
    req.on("data", (chunk: Buffer) => {
      stillArriving();
      bytes += chunk.byteLength;
      if (refusal) {
        if (bytes > DRAIN_CAP_BYTES) {
          refuse(req, res, refusal, api, true);
          req.destroy();
        }
        return;
      }
      refusal = checkBodySize(policy, bytes);
      if (refusal) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.once("error", () => {
      // The client went away mid-body: nothing to answer, nothing reaches Remix.
      if (!res.headersSent) res.destroy();
    });
    req.once("end", () => {
      clearTimeout(idle);
      if (refusal) return refuse(req, res, refusal, api);
      const body = Buffer.concat(chunks);
      const bad = checkBodyBytes(req.headers["content-type"], body, { jsonSyntax: policy.limitBytes <= LIMITS.api });
      if (bad) return refuse(req, res, bad, api);
      (req as WithBody)[BUFFERED] = body;
      next();
    });
  };
}

const STREAM_MEMBERS = new Set<PropertyKey>([
  "on",
  "once",
  "off",
  "addListener",
  "removeListener",
  "removeAllListeners",
  "emit",
  "pause",
  "resume",
  "read",
  "pipe",
  "unpipe",
  "destroy",
  "readable",
  "readableHighWaterMark",
  "readableEnded",
  "isPaused",
  "setEncoding",
  Symbol.asyncIterator,
]);

/**
 * The request as Remix's adapter should see it: everything from `req` (headers, URL, method, address), except
 * that its body stream replays the buffer read by `requestBodyRules`.
 */
export function withBufferedBody(req: express.Request): express.Request {
  const body = (req as WithBody)[BUFFERED];
  if (!body) return req;
  const replay = Readable.from(body.byteLength ? [body] : []);
  return new Proxy(req, {
    get(target, key) {
      const from: object = STREAM_MEMBERS.has(key) ? replay : target;
      const value: unknown = Reflect.get(from, key, from);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(from) : value;
    },
  });
}
