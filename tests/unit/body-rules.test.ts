import { describe, expect, it } from "vitest";
import {
  bodyPolicyFor,
  checkBodyBytes,
  checkBodyHeaders,
  checkBodySize,
  checkRequestTarget,
  LIMITS,
  mediaTypeOf,
  percentDecodedBytes,
} from "~/web/body-rules";

// The HTTP body rules the server applies before Remix (docs/decisions/010-input-limits.md), as pure functions.

const headers = (contentType: string | undefined, contentLength: string | undefined = "10", chunked = false) => ({
  contentType,
  contentLength,
  chunked,
});
const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe("which rules a route has", () => {
  it("bodiless methods have none; the API takes JSON up to 1 MB, its import JSON or CSV up to 25 MB, pages forms up to 64 KB", () => {
    expect(bodyPolicyFor("GET", "/api/v1/job-orders")).toBeNull();
    expect(bodyPolicyFor("HEAD", "/signup")).toBeNull();
    expect(bodyPolicyFor("POST", "/api/v1/job-orders")).toEqual({
      api: true,
      limitBytes: LIMITS.api,
      accepts: ["json"],
    });
    expect(bodyPolicyFor("PUT", "/api/v1/job-orders/x")?.accepts).toEqual(["json"]);
    expect(bodyPolicyFor("POST", "/api/v1/workers/import")).toEqual({
      api: true,
      limitBytes: LIMITS.import,
      accepts: ["json", "csv"],
    });
    expect(bodyPolicyFor("POST", "/signup")).toEqual({
      api: false,
      limitBytes: LIMITS.form,
      accepts: ["form", "multipart"],
    });
    expect(bodyPolicyFor("POST", "/signup.data")?.limitBytes).toBe(LIMITS.form);
    for (const p of ["/workers/import", "/workers/import.data", "/workers/import/stream"])
      expect(bodyPolicyFor("POST", p)?.limitBytes, p).toBe(LIMITS.import);
    expect(bodyPolicyFor("POST", "/workers/importer")?.limitBytes).toBe(LIMITS.form);
  });

  it("reads media types and charsets", () => {
    expect(mediaTypeOf("Application/JSON; charset=UTF-8")).toEqual({ kind: "json", charset: "utf-8" });
    expect(mediaTypeOf('text/csv;charset="latin1"')).toEqual({ kind: "csv", charset: "latin1" });
    expect(mediaTypeOf("text/plain")?.kind).toBe("other");
    expect(mediaTypeOf(undefined)).toBeNull();
    // spaced, repeated or quoted-with-spaces charsets are read, and a repeated one cannot hide a non-UTF-8 one
    expect(mediaTypeOf("application/json; charset = utf-16")?.charset).toBe("utf-16");
    expect(mediaTypeOf("application/json; charset=utf-8; charset=utf-16")?.charset).toBe("utf-16");
    expect(mediaTypeOf('application/json; CHARSET=" UTF-8 "')?.charset).toBe("utf-8");
  });
});

describe("what the headers decide", () => {
  const api = bodyPolicyFor("POST", "/api/v1/job-orders")!;
  const form = bodyPolicyFor("POST", "/login")!;
  it("415 for a media type the route does not take, or a charset other than UTF-8", () => {
    expect(checkBodyHeaders(api, headers("application/json"))).toBeNull();
    expect(checkBodyHeaders(api, headers("application/json; charset=utf-8"))).toBeNull();
    for (const ct of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
      undefined,
      "application/jsonx",
    ]) {
      expect(checkBodyHeaders(api, headers(ct)), String(ct)).toMatchObject({
        status: 415,
        messageKey: "errors.unsupported_media_type",
        params: { expected: "application/json" },
      });
    }
    for (const ct of [
      "application/json; charset = latin1",
      "application/json; charset=utf-8; charset=utf-16",
      'application/json; charset="utf-16"',
    ]) {
      expect(checkBodyHeaders(api, headers(ct))?.status, ct).toBe(415);
    }
    expect(checkBodyHeaders(form, headers("application/json"))?.status).toBe(415);
    expect(checkBodyHeaders(form, headers("application/x-www-form-urlencoded"))).toBeNull();
  });
  it("415 for a compressed body (request bodies are never inflated)", () => {
    for (const enc of ["gzip", "GZIP", "deflate", "br", "identity, gzip"]) {
      expect(checkBodyHeaders(api, { ...headers("application/json"), contentEncoding: enc }), enc).toMatchObject({
        status: 415,
        messageKey: "errors.unsupported_encoding",
      });
    }
    expect(checkBodyHeaders(api, { ...headers("application/json"), contentEncoding: "gzip" })?.params).toEqual({
      encoding: "gzip",
    });
    for (const enc of [undefined, "", "identity", " Identity "])
      expect(checkBodyHeaders(api, { ...headers("application/json"), contentEncoding: enc }), String(enc)).toBeNull();
  });
  it("an empty body passes whatever it is labelled; a chunked one is checked", () => {
    expect(checkBodyHeaders(api, headers(undefined, "0"))).toBeNull();
    expect(checkBodyHeaders(api, { contentType: "text/plain", contentLength: undefined, chunked: false })).toBeNull();
    expect(checkBodyHeaders(api, { contentType: "text/plain", contentLength: undefined, chunked: true })?.status).toBe(
      415,
    );
  });
  it("413 for a declared length over the limit, and for streamed bytes past it", () => {
    expect(checkBodyHeaders(form, headers("application/x-www-form-urlencoded", String(LIMITS.form + 1)))).toEqual({
      status: 413,
      messageKey: "errors.body_too_large",
      params: { limit: "64 KB" },
    });
    expect(checkBodyHeaders(api, headers("application/json", String(LIMITS.api)))).toBeNull();
    expect(checkBodySize(api, LIMITS.api + 1)?.params).toEqual({ limit: "1 MB" });
    expect(checkBodySize(api, LIMITS.api)).toBeNull();
  });
});

describe("what the bytes decide", () => {
  it("text bodies must be UTF-8; a urlencoded body's %-escapes too", () => {
    expect(checkBodyBytes("application/json", ascii('{"a":"é"}'))).toBeNull();
    expect(checkBodyBytes("application/json", bytes(0x7b, 0xff, 0x7d))?.status).toBe(400);
    expect(checkBodyBytes("text/csv", bytes(0x61, 0xc3))?.messageKey).toBe("errors.invalid_utf8");
    expect(checkBodyBytes("application/x-www-form-urlencoded", ascii("name=%C3%A9"))).toBeNull();
    expect(checkBodyBytes("application/x-www-form-urlencoded", ascii("name=%FF"))?.status).toBe(400);
    expect(checkBodyBytes("application/x-www-form-urlencoded", ascii("name=%ED%A0%80"))?.status).toBe(400); // an encoded lone surrogate
    expect(checkBodyBytes("application/x-www-form-urlencoded", ascii("name=100%"))).toBeNull();
    expect(checkBodyBytes("multipart/form-data; boundary=x", bytes(0xff))).toBeNull();
    expect(checkBodyBytes("application/json", ascii('{"a":'), { jsonSyntax: true })).toMatchObject({
      status: 400,
      messageKey: "errors.invalid_json",
    });
    expect(checkBodyBytes("application/json", ascii('{"a":'))).toBeNull(); // the import parses its own file
  });
  it("decodes %-escapes and + like a form parser", () => {
    expect(Array.from(percentDecodedBytes(ascii("a+%41%zz%4")))).toEqual([...ascii("a A%zz%4")]);
  });
  it("a path's and a query string's %-escapes must be UTF-8", () => {
    expect(checkRequestTarget("/api/v1/job-orders?country=%FF")?.status).toBe(400);
    expect(checkRequestTarget("/api/v1/job-orders/%ff")?.messageKey).toBe("errors.invalid_utf8");
    expect(checkRequestTarget("/jobs/%C0%AF")?.status).toBe(400); // an overlong "/"
    expect(checkRequestTarget("/api/v1/job-orders?q=%C3%A9")).toBeNull();
    expect(checkRequestTarget("/verify/caf%C3%A9")).toBeNull();
    expect(checkRequestTarget("/jobs")).toBeNull();
  });
});
