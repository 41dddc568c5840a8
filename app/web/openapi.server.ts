import { z } from "zod";
import { API_OPERATIONS, RESPONSE_SCHEMAS, type ApiOperation } from "./api-operations.server";
import { statusesOf, type ResponseHeader } from "./api-statuses.server";
import { API_ERROR_CODES } from "./errors.server";

// The OpenAPI 3.1 description served at /api/v1/openapi.json, built from the table of operations
// (api-operations.server.ts), the statuses they answer by rule (api-statuses.server.ts) and the same zod schemas
// that parse requests, so it cannot drift from what the API accepts. docs/decisions/018-openapi.md.

const json = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;

const ErrorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "fields"],
      properties: {
        code: { type: "string", enum: [...API_ERROR_CODES] },
        message: { type: "string", description: "in the Accept-Language language (en or id)" },
        fields: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "per-field messages (dotted paths)",
        },
      },
    },
  },
};

const HEADERS: Record<ResponseHeader, { description: string; schema: Record<string, unknown> }> = {
  "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 0 } },
  Allow: { description: "The methods this path serves", schema: { type: "string" } },
  "Idempotent-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  },
  "WWW-Authenticate": { description: "`Bearer`", schema: { type: "string" } },
};

/** Every POST takes an Idempotency-Key (app/web/api.server.ts), as Stripe's API does. */
const IdempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Send the same key (e.g. a UUID) when retrying a POST: the first answer is returned again (with `Idempotent-Replayed: true`) instead of running it twice. Kept 24 hours per organisation; a key reused for a different request answers 422, one still running 409.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
const headerRefs = (names: string[]) =>
  names.length ? { headers: Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }])) } : {};

function responses(op: ApiOperation) {
  return Object.fromEntries(
    [...statusesOf(op)].map(([status, s]) => {
      const okSchema = op.ok.schema ? { $ref: `#/components/schemas/${op.ok.schema}` } : { type: "object" };
      const content = !s.error
        ? { "application/json": { schema: okSchema } }
        : op.okShapeAlsoOn?.includes(status)
          ? { "application/json": { schema: { oneOf: [errorContent["application/json"].schema, okSchema] } } }
          : errorContent;
      return [String(status), { description: s.description, ...headerRefs(s.headers), content }];
    }),
  );
}

function parameters(op: ApiOperation) {
  const fromSchema = op.query
    ? (json(op.query, "input") as { properties: Record<string, Record<string, unknown>>; required?: string[] })
    : null;
  return [
    ...(fromSchema
      ? Object.entries(fromSchema.properties).map(([name, schema]) => ({
          name,
          in: "query",
          required: fromSchema.required?.includes(name) ?? false,
          schema,
        }))
      : []),
    ...(op.queryParameters ?? []).map((p) => ({ in: "query", required: false, ...p })),
    ...(op.method === "post" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
  ];
}

function requestBody(op: ApiOperation) {
  if (op.body)
    return { requestBody: { required: true, content: { "application/json": { schema: json(op.body, "input") } } } };
  if (op.rawBody)
    return {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          Object.entries(op.rawBody).map(([type, schema]) => [type, { schema: json(schema, "input") }]),
        ),
      },
    };
  return {};
}

function operation(op: ApiOperation) {
  const params = parameters(op);
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.auth === "public" ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...requestBody(op),
    responses: responses(op),
  };
}

/** Path parameters (`{id}`, `{entryId}`) are UUIDs, declared once per path. */
function paths() {
  const out: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    out[op.path] ??= names.length
      ? {
          parameters: names.map((name) => ({
            name,
            in: "path",
            required: true,
            schema: { type: "string", format: "uuid" },
          })),
        }
      : {};
    out[op.path]![op.method] = operation(op);
  }
  return out;
}

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jembatan API",
      version: "1",
      description:
        "Job orders, verification, worker profiles, matching and shortlists. Authenticate with `Authorization: Bearer <API key>` (created by an organisation admin under Settings). Messages follow Accept-Language (en, id). Errors are `{error: {code, message, fields}}`. A method a path does not list answers 405 (code `method_not_allowed`) with `Allow` naming the methods it serves; OPTIONS answers 204 with `Allow`.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      parameters: { IdempotencyKey: IdempotencyKeyParameter },
      headers: HEADERS,
      responses: {
        MethodNotAllowed: {
          description: "This path does not serve the method (code `method_not_allowed`)",
          headers: { Allow: { $ref: "#/components/headers/Allow" } },
          content: errorContent,
        },
      },
      schemas: {
        Error: ErrorSchema,
        ...Object.fromEntries(Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => [name, json(schema, "output")])),
      },
    },
    paths: paths(),
  };
}
