import { z } from "zod";
import { JobOrderSchema, VerificationSchema } from "~/domain/job-orders/schema";
import { MatchQuerySchema, MatchResponseSchema } from "~/domain/matching/api-schema";
import { CandidatesResponseSchema } from "~/domain/shortlists/api-schema";
import { AddCandidatesSchema, NoteSchema, StageMoveSchema } from "~/domain/shortlists/schema";
import { ImportReportSchema } from "~/domain/workers/import-report-schema";
import { WorkerProfileSchema } from "~/domain/workers/profile-schema";

// Every /api/v1 operation, once. app/web/openapi.server.ts turns this table into the OpenAPI document and adds
// the statuses every operation shares by rule (api-statuses.server.ts); an operation lists only its own.
// tests/integration/openapi-complete.test.ts walks the routes and fails on any route, method or status missing here.

export type Method = "get" | "post" | "put" | "delete";

export interface ApiOperation {
  method: Method;
  /** relative to /api/v1, in OpenAPI form: `/job-orders/{id}` */
  path: string;
  summary: string;
  description?: string;
  /** "public": no API key (the description itself); default "key" */
  auth?: "key" | "public";
  /** the JSON body, parsed by this schema (`parseJsonBody`) */
  body?: z.ZodType;
  /** a body other than one JSON schema (the import's JSON array or CSV) */
  rawBody?: Record<string, z.ZodType>;
  /** URL query parameters, parsed by this schema (`parseQuery`) */
  query?: z.ZodObject;
  /** query parameters read without a schema */
  queryParameters?: { name: string; schema: Record<string, unknown>; description?: string }[];
  /** the success answer: its status and, where a schema describes it, its shape (a component name) */
  ok: { status: 200 | 201; description: string; schema?: keyof typeof RESPONSE_SCHEMAS };
  /** error statuses whose body may also be the success shape (the import's all_or_nothing refusal is its report) */
  okShapeAlsoOn?: number[];
  /** the statuses this operation answers besides the ones every operation shares by rule */
  statuses?: Partial<Record<403 | 404 | 409 | 422, string>>;
}

/** Response schemas, each a component of the document (`#/components/schemas/<name>`). */
export const RESPONSE_SCHEMAS = {
  MatchResponse: MatchResponseSchema,
  CandidatesResponse: CandidatesResponseSchema,
  ImportReport: ImportReportSchema,
} as const;

const NOT_VISIBLE = "The job order does not exist or this organisation may not see it";
const NOT_AGENCY_WORKER = "Not a worker of this agency (or not an agency key)";
const NO_ENTRY = "The shortlist entry does not exist or is not visible to this organisation";
const STATE = "The order's state does not allow it";
const INVALID = "Invalid input; `fields` says which and why";

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/openapi.json",
    auth: "public",
    summary: "This description (OpenAPI 3.1)",
    ok: { status: 200, description: "The OpenAPI document" },
  },
  {
    method: "get",
    path: "/me",
    summary: "The organisation this key acts as",
    ok: { status: 200, description: "The organisation" },
  },
  {
    method: "get",
    path: "/job-orders",
    summary: "Job orders visible to this organisation",
    queryParameters: [
      { name: "status", schema: { type: "string" }, description: "a job order state; others are ignored" },
      { name: "country", schema: { type: "string" }, description: "ISO 3166-1 alpha-2" },
      { name: "sector", schema: { type: "string" } },
      { name: "page", schema: { type: "integer", minimum: 1, default: 1 } },
    ],
    ok: { status: 200, description: "A page of job orders" },
  },
  {
    method: "post",
    path: "/job-orders",
    summary: "Create a draft job order (employer key)",
    body: JobOrderSchema,
    ok: { status: 201, description: "Created" },
    statuses: { 403: "Not an employer key", 422: INVALID },
  },
  {
    method: "get",
    path: "/job-orders/{id}",
    summary: "One job order",
    ok: { status: 200, description: "The job order, its actions, versions and events" },
    statuses: { 404: NOT_VISIBLE },
  },
  {
    method: "put",
    path: "/job-orders/{id}",
    summary: "Replace a draft's content (employer key)",
    body: JobOrderSchema,
    ok: { status: 200, description: "The job order" },
    statuses: { 403: "Not this order's employer", 404: NOT_VISIBLE, 409: STATE, 422: INVALID },
  },
  {
    method: "post",
    path: "/job-orders/{id}/submit",
    summary: "Submit for verification (employer key)",
    ok: { status: 200, description: "The job order" },
    statuses: {
      403: "Not this order's employer",
      404: NOT_VISIBLE,
      409: STATE,
      422: "The employer's details are missing, or the order must be updated to today's rules",
    },
  },
  {
    method: "post",
    path: "/job-orders/{id}/verification",
    summary: "Approve, return or reject (mission key)",
    body: VerificationSchema,
    ok: { status: 200, description: "The job order" },
    statuses: { 403: "Not the mission for this order", 404: NOT_VISIBLE, 409: STATE, 422: INVALID },
  },
  {
    method: "get",
    path: "/job-orders/{id}/matches",
    summary: "Ranked candidates and near misses of a verified order (agency key: its own profiles only)",
    description:
      "Every gate is a hard constraint; `results` is exact over the agency's whole qualified pool, best first (ties by workerId). `nearMisses` fail exactly one gate item, listed by item, closest first.",
    query: MatchQuerySchema,
    ok: { status: 200, description: "Matches", schema: "MatchResponse" },
    statuses: {
      403: "Not an agency key (the order's employer or mission)",
      404: NOT_VISIBLE,
      409: "The order is not verified with open positions",
    },
  },
  {
    method: "get",
    path: "/job-orders/{id}/shortlist",
    summary: "The agency's shortlist for the order (agency key): stages, what each candidate fails now, notes",
    ok: { status: 200, description: "The shortlist" },
    statuses: { 403: "Not an agency key", 404: NOT_VISIBLE },
  },
  {
    method: "post",
    path: "/job-orders/{id}/shortlist",
    summary: "Add candidates to the shortlist (agency key; 1–100 at once)",
    body: AddCandidatesSchema,
    ok: { status: 201, description: "{added: entry ids, already: n}" },
    statuses: {
      403: "Not an agency key",
      404: NOT_VISIBLE,
      409: "The order is not verified with open positions",
      422: INVALID,
    },
  },
  {
    method: "get",
    path: "/job-orders/{id}/candidates",
    summary: "Proposed candidates, anonymised (the order's employer key)",
    ok: { status: 200, description: "Candidates", schema: "CandidatesResponse" },
    statuses: { 403: "Not this order's employer", 404: NOT_VISIBLE },
  },
  {
    method: "post",
    path: "/shortlist/{entryId}/moves",
    summary: "Move a candidate to its next stage",
    description:
      "Agency keys: propose (only while every gate passes), sign_contract, depart, withdraw (reason). Employer keys: request_interview, select (only while a position is open), reject (reason).",
    body: StageMoveSchema,
    ok: { status: 200, description: "{stage, orderStatus}" },
    statuses: {
      403: "Not this side's move",
      404: NO_ENTRY,
      409: "Not allowed in this stage, a gate fails, or no position is open",
      422: INVALID,
    },
  },
  {
    method: "post",
    path: "/shortlist/{entryId}/notes",
    summary: "A private note on the candidate (agency key)",
    body: NoteSchema,
    ok: { status: 201, description: "The note" },
    statuses: { 403: "Not the agency's entry", 404: NO_ENTRY, 422: INVALID },
  },
  {
    method: "post",
    path: "/shortlist/{entryId}/disclosure-consent",
    summary: "Record the worker's consent to show their identity to this order's employer (agency key)",
    ok: { status: 200, description: "{ok: true}" },
    statuses: { 403: "Not the agency's entry", 404: NO_ENTRY },
  },
  {
    method: "delete",
    path: "/workers/{id}",
    summary: "Erase the worker on request (agency key)",
    ok: { status: 200, description: "{erased: true}" },
    statuses: { 404: NOT_AGENCY_WORKER, 409: "The worker holds a position" },
  },
  {
    method: "get",
    path: "/workers/{id}/disclosures",
    summary: "Every disclosure of the worker's identity to an employer (agency key)",
    ok: { status: 200, description: "{disclosures: [...]}" },
    statuses: { 404: NOT_AGENCY_WORKER },
  },
  {
    method: "get",
    path: "/workers/{id}/export",
    summary: "Everything held about the worker (agency key)",
    ok: { status: 200, description: "The export" },
    statuses: { 404: NOT_AGENCY_WORKER },
  },
  {
    method: "post",
    path: "/workers/import",
    summary: "Import worker profiles (agency key): a JSON array or CSV (text/csv)",
    queryParameters: [
      { name: "mode", schema: { type: "string", enum: ["valid_only", "all_or_nothing"], default: "valid_only" } },
    ],
    rawBody: { "application/json": z.array(WorkerProfileSchema), "text/csv": z.string() },
    ok: { status: 200, description: "The per-row report", schema: "ImportReport" },
    okShapeAlsoOn: [422],
    statuses: {
      404: "Not an agency key",
      422: "Unreadable file, too many rows or an unknown mode (Error); with all_or_nothing, a row is invalid: the per-row report",
    },
  },
  {
    method: "get",
    path: "/workers/imports",
    summary: "The agency's 20 most recent imports with their status and counts (agency key)",
    ok: { status: 200, description: "{imports: [...]}" },
    statuses: { 404: "Not an agency key" },
  },
  {
    method: "get",
    path: "/workers/imports/{id}/failed.csv",
    summary: "A CSV import's rejected rows with an `error` column, for 72 hours after the import (agency key)",
    description:
      "The file's own columns and cells (each formula-safe: a cell starting with = + - @ gets a leading '), then `error`: each problem as `field: message` in Accept-Language. Importing the corrected file again works as it is: the import ignores an `error` column and reads the leading ' back.",
    ok: { status: 200, description: "text/csv" },
    statuses: { 404: "Not an import of this agency, no rejected rows kept, or past the 72 hours" },
  },
];
