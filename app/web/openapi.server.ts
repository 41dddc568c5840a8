import { z } from "zod";
import { API_ERROR_CODES } from "./errors.server";
import { JobOrderSchema, VerificationSchema } from "~/domain/job-orders/schema";
import { MatchQuerySchema, MatchResponseSchema } from "~/domain/matching/api-schema";
import { WorkerProfileSchema } from "~/domain/workers/profile-schema";
import { CandidatesResponseSchema } from "~/domain/shortlists/api-schema";
import { AddCandidatesSchema, NoteSchema, StageMoveSchema } from "~/domain/shortlists/schema";

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
        code: { type: "string", enum: [...API_ERROR_CODES] },
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

/** Every POST takes an Idempotency-Key (app/web/api.server.ts), as Stripe's API does. */
const IdempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Send the same key (e.g. a UUID) when retrying a POST: the first answer is returned again (with `Idempotent-Replayed: true`) instead of running it twice. Kept 24 hours per organisation; a key reused for a different request answers 422, one still running 409.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

export function openApiDocument(baseUrl: string) {
  const doc = document(baseUrl);
  for (const item of Object.values(doc.paths) as Record<string, { parameters?: unknown[] }>[]) {
    if (item.post) item.post.parameters = [...(item.post.parameters ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
  }
  return doc;
}

function document(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jembatan API",
      version: "1",
      description: "Job orders, verification, worker profiles, matching and shortlists. Authenticate with `Authorization: Bearer <API key>` (created by an organisation admin under Settings). Messages follow Accept-Language (en, id).",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      parameters: { IdempotencyKey: IdempotencyKeyParameter },
      schemas: { Error: ErrorSchema, MatchResponse: json(MatchResponseSchema, "output"), CandidatesResponse: json(CandidatesResponseSchema, "output") },
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
      "/job-orders/{id}/shortlist": {
        parameters: [idParam],
        get: { summary: "The agency's shortlist for the order (agency key): stages, what each candidate fails now, notes", responses: ok("The shortlist") },
        post: { summary: "Add candidates to the shortlist (agency key; 1–100 at once)", requestBody: body(AddCandidatesSchema), responses: { "201": { description: "{added: entry ids, already: n}" }, ...errors, "409": { description: "The order is not verified with open positions" } } },
      },
      "/job-orders/{id}/candidates": {
        parameters: [idParam],
        get: { summary: "Proposed candidates, anonymised (the order's employer key)", responses: ok("Candidates", { $ref: "#/components/schemas/CandidatesResponse" }) },
      },
      "/shortlist/{entryId}/moves": {
        parameters: [{ name: "entryId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        post: {
          summary: "Move a candidate to its next stage",
          description: "Agency keys: propose (only while every gate passes), sign_contract, depart, withdraw (reason). Employer keys: request_interview, select (only while a position is open), reject (reason).",
          requestBody: body(StageMoveSchema),
          responses: { ...ok("{stage, orderStatus}"), "409": { description: "Not allowed in this stage, a gate fails, or no position is open" } },
        },
      },
      "/shortlist/{entryId}/notes": {
        parameters: [{ name: "entryId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        post: { summary: "A private note on the candidate (agency key)", requestBody: body(NoteSchema), responses: { "201": { description: "The note" }, ...errors } },
      },
      "/shortlist/{entryId}/disclosure-consent": {
        parameters: [{ name: "entryId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        post: { summary: "Record the worker's consent to show their identity to this order's employer (agency key)", responses: ok("{ok: true}") },
      },
      "/workers/{id}": { parameters: [idParam], delete: { summary: "Erase the worker on request (agency key); 409 while they hold a position", responses: ok("{erased: true}") } },
      "/workers/{id}/disclosures": { parameters: [idParam], get: { summary: "Every disclosure of the worker's identity to an employer (agency key)", responses: ok("{disclosures: [...]}") } },
      "/workers/{id}/export": { parameters: [idParam], get: { summary: "Everything held about the worker (agency key)", responses: ok("The export") } },
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
