import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bodyPolicyFor } from "~/web/body-rules";
import { testDeps } from "../support/fixtures";
import { apiOrg, orderInput, type ApiOrg } from "../support/job-orders";

// The OpenAPI description is complete: every /api/v1 route file is a documented path, every method the running
// server serves there is a documented operation (and no other), and every status a request drew from an
// operation is one it documents. Requests are real, over HTTP; ids are random, so nothing is changed (but one
// draft order of a fresh employer).

const deps = testDeps();
const BASE = `${inject("baseUrl")}/api/v1`;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROUTES = fileURLToPath(new URL("../../app/routes", import.meta.url));

interface Doc {
  components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        requestBody?: unknown;
        parameters?: { name?: string; in?: string }[];
        responses: Record<
          string,
          { headers?: Record<string, unknown>; content?: Record<string, { schema?: { $ref?: string } }> }
        >;
      }
    >
  >;
}
let doc: Doc;
let keys: ApiOrg[];

/** `api.v1.job-orders.$id.matches.ts` → `/job-orders/{id}/matches` (Remix flat routes: `.` is `/`, `[.]` a dot). */
function pathOfRouteFile(file: string): string | null {
  const name = file.replace(/\.tsx?$/, "").replace(/^api\.v1\./, "");
  const segments = name
    .replace(/\[\.\]/g, "\0")
    .split(".")
    .filter((s) => s !== "_index");
  if (segments.includes("$")) return null; // the splat: unknown paths, answered 404
  return (
    "/" +
    segments
      .map((s) => s.replace(/\0/g, "."))
      .map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s))
      .join("/")
  );
}

const routePaths = () =>
  readdirSync(ROUTES)
    .filter((f) => f.startsWith("api.v1."))
    .map(pathOfRouteFile)
    .filter((p): p is string => p !== null);
const concrete = (path: string) => path.replace(/\{\w+\}/g, () => randomUUID());
const documentedMethods = (path: string) =>
  Object.keys(doc.paths[path] ?? {})
    .filter((k) => k !== "parameters")
    .map((m) => m.toUpperCase())
    .sort();
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    documentedMethods(path).map((method) => ({ path, method, op: item[method.toLowerCase()]! })),
  );

/**
 * A body that passes each operation's schema, so a request gets past it: to the kind check (403), or, for an
 * unknown id, to looking it up (404). The one that creates something makes a draft order of a fresh employer.
 */
const VALID_BODIES: Record<string, unknown> = {
  "POST /job-orders": orderInput(),
  "PUT /job-orders/{id}": orderInput(),
  "POST /job-orders/{id}/verification": { decision: "approve" },
  "POST /job-orders/{id}/shortlist": { workerIds: [randomUUID()] },
  "POST /shortlist/{entryId}/moves": { action: "propose" },
  "POST /shortlist/{entryId}/notes": { body: "A note" },
};

interface Probe {
  key?: ApiOrg;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  query?: string;
}

/** Every (operation, status) a request drew, with what it sent, so a failure names the request. */
const observed: { operation: string; status: number; probe: string; code?: string }[] = [];

async function send(method: string, path: string, p: Probe, label: string) {
  const res = await fetch(`${BASE}${concrete(path)}${p.query ?? ""}`, {
    method,
    headers: {
      ...(p.key ? { Authorization: `Bearer ${p.key.key}` } : {}),
      ...(p.body !== undefined ? { "Content-Type": p.contentType ?? "application/json" } : {}),
      ...p.headers,
    },
    body: p.body,
  });
  const text = await res.text();
  const code = res.status >= 400 ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined;
  observed.push({ operation: `${method} ${path}`, status: res.status, probe: label, ...(code ? { code } : {}) });
  return { status: res.status, headers: res.headers, text };
}

beforeAll(async () => {
  doc = (await (await fetch(`${BASE}/openapi.json`)).json()) as Doc;
  keys = await Promise.all([apiOrg(deps, "agency"), apiOrg(deps, "employer"), apiOrg(deps, "mission")]);
});
afterAll(() => deps.db.destroy());

describe("the OpenAPI description", () => {
  it("documents every API route file, and no path that has none", () => {
    expect(routePaths().sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it("documents exactly the methods the server serves on each path; the others answer 405 with Allow naming them", async () => {
    const [agency] = keys;
    for (const path of new Set([...routePaths(), ...Object.keys(doc.paths)])) {
      const served: string[] = [];
      for (const method of METHODS) {
        const r = await send(method, path, { key: agency, body: method === "GET" ? undefined : "{}" }, "method walk");
        if (r.status !== 405) {
          served.push(method);
          continue;
        }
        expect(JSON.parse(r.text).error.code, `${method} ${path}`).toBe("method_not_allowed");
        expect(r.headers.get("Allow")?.split(/,\s*/).sort(), `Allow on ${method} ${path}`).toEqual(
          documentedMethods(path),
        );
      }
      expect(served, `methods served on ${path}`).toEqual(documentedMethods(path));
    }
  });

  it("lists, for each operation, every status that requests to it draw", async () => {
    for (const { path, method, op } of operations()) {
      const hasBody = method !== "GET";
      const json = hasBody ? "{}" : undefined;
      const [agency] = keys;
      const anon = await send(method, path, { body: json }, "no key");
      expect(anon.status, `${method} ${path} without a key`).toBe(op.security?.length === 0 ? 200 : 401);
      const valid = VALID_BODIES[`${method} ${path}`];
      for (const key of keys)
        await send(
          method,
          path,
          { key, body: valid === undefined ? json : JSON.stringify(valid) },
          `${key.org.kind} key`,
        );
      await send(
        method,
        path,
        { key: agency, body: json, headers: { "Idempotency-Key": "" } },
        "empty Idempotency-Key",
      );
      expect(
        (await send(method, path, { key: agency, body: json, query: "?x=%FF" }, "URL not UTF-8")).status,
        `${method} ${path}?x=%FF`,
      ).toBe(400);
      const query = op.parameters?.find((p) => p.in === "query")?.name;
      if (query) await send(method, path, { key: agency, body: json, query: `?${query}=-1x` }, `bad ?${query}`);
      if (hasBody) {
        await send(method, path, { key: agency, body: "[1]" }, "wrong body shape");
        await send(method, path, { key: agency, body: "{" }, "malformed JSON");
        expect(
          (await send(method, path, { key: agency, body: "{}", contentType: "text/plain" }, "text/plain body")).status,
          `${method} ${path} text/plain`,
        ).toBe(415);
        const limit = bodyPolicyFor(method, `/api/v1${path}`)!.limitBytes;
        expect(
          (await send(method, path, { key: agency, body: " ".repeat(limit + 1) }, "body over its limit")).status,
          `${method} ${path} too large`,
        ).toBe(413);
      }
      if (op.requestBody && !path.includes("import")) {
        expect(
          (await send(method, path, { key: agency, body: "[1]" }, "wrong body shape")).status,
          `${method} ${path} [1]`,
        ).toBe(422);
      }
      if (method === "POST") {
        expect(
          (
            await send(
              method,
              path,
              { key: agency, body: "{}", headers: { "Idempotency-Key": "has space" } },
              "invalid Idempotency-Key",
            )
          ).status,
        ).toBe(422);
      }
    }
    const undocumented = observed.filter((o) => {
      const [method = "", path = ""] = o.operation.split(" ");
      return (
        !(String(o.status) in (doc.paths[path]?.[method.toLowerCase()]?.responses ?? {})) &&
        !(o.status === 405 && !documentedMethods(path).includes(method))
      );
    });
    expect(undocumented).toEqual([]);
    // every error answer is in the Error format with a documented code, unless its status documents another shape too
    const codes = doc.components.schemas.Error.properties.error.properties.code.enum;
    const onlyError = (o: (typeof observed)[number]) => {
      const [method = "", path = ""] = o.operation.split(" ");
      const schema =
        doc.paths[path]?.[method.toLowerCase()]?.responses[String(o.status)]?.content?.["application/json"]?.schema;
      return schema === undefined || schema.$ref === "#/components/schemas/Error";
    };
    expect(observed.filter((o) => o.status >= 400 && !(o.code && codes.includes(o.code)) && onlyError(o))).toEqual([]);
  });

  it("has a valid body for every operation with a body schema (else only its 422 is ever reached)", () => {
    const needed = operations()
      .filter(({ path, op }) => op.requestBody && path !== "/workers/import")
      .map(({ path, method }) => `${method} ${path}`);
    expect(needed.sort()).toEqual(Object.keys(VALID_BODIES).sort());
  });

  it("reaches 404 on every operation whose path names an id, and documents the headers that matter", () => {
    for (const { path, method, op } of operations()) {
      if (path.includes("{"))
        expect(
          observed.some((o) => o.operation === `${method} ${path}` && o.status === 404),
          `${method} ${path} answered 404`,
        ).toBe(true);
      if (op.security?.length !== 0)
        expect(op.responses["401"]?.headers, `${method} ${path} 401`).toHaveProperty("WWW-Authenticate");
      expect(op.responses["503"]?.headers, `${method} ${path} 503`).toHaveProperty("Retry-After");
      if (method !== "GET") expect(op.responses["429"]?.headers, `${method} ${path} 429`).toHaveProperty("Retry-After");
      if (method === "POST") {
        expect(op.parameters?.map((p) => (p as { $ref?: string }).$ref ?? p.name)).toContain(
          "#/components/parameters/IdempotencyKey",
        );
        expect(op.responses["409"], `${method} ${path} 409`).toBeDefined();
      }
    }
  });
});
