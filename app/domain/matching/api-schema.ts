import { z } from "../zod-messages";
import { MATCH_PRIORITIES, OCCUPATION_SCOPES } from "./gates";

// The matches API: its query (parsed by the same schema for the page and the API) and its response, from which
// the OpenAPI description at /api/v1/openapi.json is generated.

/** A gate item of an order: "sector", "availability", "language:en", "certificate:stcw_bst". */
export const GateKeySchema = z
  .string()
  .regex(/^(sector|availability|language:[a-z]{2,3}|certificate:[a-z0-9_]{2,40})$/, { error: "errors.invalid" });

export const MatchQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "errors.whole_number" })
    .int({ error: "errors.whole_number" })
    .min(1, { error: "errors.limit_range" })
    .max(100, { error: "errors.limit_range" })
    .default(20),
  offset: z.coerce
    .number({ error: "errors.whole_number" })
    .int({ error: "errors.whole_number" })
    .min(0, { error: "errors.offset_range" })
    .max(1_000_000, { error: "errors.offset_range" })
    .default(0),
  nearLimit: z.coerce
    .number({ error: "errors.whole_number" })
    .int({ error: "errors.whole_number" })
    .min(0, { error: "errors.limit_range" })
    .max(100, { error: "errors.limit_range" })
    .default(20),
  nearOffset: z.coerce
    .number({ error: "errors.whole_number" })
    .int({ error: "errors.whole_number" })
    .min(0, { error: "errors.offset_range" })
    .max(1_000_000, { error: "errors.offset_range" })
    .default(0),
  item: GateKeySchema.optional(),
});
export type MatchQueryInput = z.infer<typeof MatchQuerySchema>;

export const ScoreComponentsSchema = z.object({
  iscoExact: z.number().describe("exact ISCO occupation in the order's sector"),
  experience: z.number().describe("years that count for the order (sector and occupation scope) beyond its minimum"),
  language: z.number().describe("CEFR levels above the minimum, over the required languages (capped per language)"),
  preferredCertificates: z.number().describe("preferred (non-mandatory) certificates valid through the contract"),
  certificateHeadroom: z.number().describe("how long the tightest mandatory certificate outlasts the contract"),
  preferredDestination: z.number().describe("the worker prefers the order's country"),
  recency: z.number().describe("the profile was updated recently"),
});

export const MatchResponseSchema = z.object({
  jobOrder: z.object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    occupationScope: z
      .enum(OCCUPATION_SCOPES)
      .describe("which experience counts: this ISCO unit group, its minor group (related), or the whole sector"),
    priority: z.enum(MATCH_PRIORITIES).describe("what the ranking puts first among qualified candidates"),
    rankingBasis: z.string().describe("the two above in one line, in the Accept-Language language"),
  }),
  total: z.number().int().describe("qualified candidates of this agency (all pages)"),
  updating: z
    .boolean()
    .describe(
      "true while changes the index confirmed (a bulk import, say) are still being applied: the ranking is the last consistent one, and each listed candidate was re-checked against PostgreSQL; ask again in a few seconds",
    ),
  results: z.array(
    z.object({
      workerId: z.uuid(),
      externalRef: z.string().nullable(),
      score: z.number().describe("the sum of the components"),
      components: ScoreComponentsSchema,
      explanation: z.string().describe("one line, in the Accept-Language language (en or id)"),
    }),
  ),
  nearMissTotal: z
    .number()
    .int()
    .describe("candidates failing exactly one gate item (all pages; only `item` if given)"),
  nearMissCounts: z.array(z.object({ item: GateKeySchema, label: z.string(), count: z.number().int() })),
  nearMisses: z.array(
    z.object({
      workerId: z.uuid(),
      externalRef: z.string().nullable(),
      failed: z.object({
        gate: z.enum(["sector", "language", "certificate", "availability"]),
        item: GateKeySchema,
        detail: z.string().describe("what is missing, in the Accept-Language language"),
        fix: z.string().describe("what would fix it, in the Accept-Language language"),
      }),
    }),
  ),
});
export type MatchResponse = z.infer<typeof MatchResponseSchema>;
