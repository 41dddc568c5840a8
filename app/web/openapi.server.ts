import { z } from "zod";
import { JobOrderSchema, VerificationSchema } from "~/domain/job-orders/schema";
import { MatchQuerySchema, MatchResponseSchema } from "~/domain/matching/api-schema";
import { WorkerProfileSchema } from "~/domain/workers/profile-schema";

// The OpenAPI 3.1 description served at /api/v1/openapi.json, generated from the same zod schemas that parse
// requests (and, for matches, describe the response), so it cannot drift from what the API accepts.

const json = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;

const ErrorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "fields"],
      properties: {
        code: { type: "string", enum: ["invalid", "unauthorized", "forbidden", "not_found", "conflict", "licence_blocked", "rate_limited"] },
        message: { type: "string", description: "in the Accept-Language language (en or id)" },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "per-field messages (dotted paths)" },
      },
    },
  },
};

const errors = {
  "401": { description: "Missing, unknown or revoked API key", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "Not allowed for this organisation", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "404": { description: "Not found (or not visible to this organisation)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "422": { description: "Invalid input; `fields` says which and why", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};
const ok = (description: string, schema: Record<string, unknown> = { type: "object" }) => ({ "200": { description, content: { "application/json": { schema } } }, ...errors });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema, "input") } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

function queryParameters(schema: z.ZodObject) {
  const s = json(schema, "input") as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(s.properties).map(([name, p]) => ({ name, in: "query", required: s.required?.includes(name) ?? false, schema: p }));
}

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jembatan API",
      version: "1",
      description: "Job orders, verification, worker profiles and matching. Authenticate with `Authorization: Bearer <API key>` (created by an organisation admin under Settings). Messages follow Accept-Language (en, id).",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: ErrorSchema, MatchResponse: json(MatchResponseSchema, "output") },
    },
    paths: {
      "/me": { get: { summary: "The organisation this key acts as", responses: ok("The organisation") } },
      "/job-orders": {
        get: { summary: "Job orders visible to this organisation", responses: ok("A page of job orders") },
        post: { summary: "Create a draft job order (employer key)", requestBody: body(JobOrderSchema), responses: { "201": { description: "Created" }, ...errors } },
      },
      "/job-orders/{id}": {
        parameters: [idParam],
        get: { summary: "One job order", responses: ok("The job order, its actions, versions and events") },
        put: { summary: "Replace a draft's content (employer key)", requestBody: body(JobOrderSchema), responses: ok("The job order") },
      },
      "/job-orders/{id}/submit": { parameters: [idParam], post: { summary: "Submit for verification (employer key)", responses: ok("The job order") } },
      "/job-orders/{id}/verification": { parameters: [idParam], post: { summary: "Approve, return or reject (mission key)", requestBody: body(VerificationSchema), responses: ok("The job order") } },
      "/job-orders/{id}/matches": {
        parameters: [idParam],
        get: {
          summary: "Ranked candidates and near misses of a verified order (agency key: its own profiles only)",
          description: "Every gate is a hard constraint; `results` is exact over the agency's whole qualified pool, best first (ties by workerId). `nearMisses` fail exactly one gate item, listed by item, closest first.",
          parameters: queryParameters(MatchQuerySchema),
          responses: { ...ok("Matches", { $ref: "#/components/schemas/MatchResponse" }), "409": { description: "The order is not verified with open positions", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } },
        },
      },
      "/workers/import": {
        post: {
          summary: "Import worker profiles (agency key): a JSON array or CSV (text/csv)",
          parameters: [{ name: "mode", in: "query", required: false, schema: { type: "string", enum: ["valid_only", "all_or_nothing"], default: "valid_only" } }],
          requestBody: { required: true, content: { "application/json": { schema: { type: "array", items: json(WorkerProfileSchema, "input") } }, "text/csv": { schema: { type: "string" } } } },
          responses: ok("The per-row report"),
        },
      },
    },
  };
}
