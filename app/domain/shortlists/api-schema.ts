import { z } from "../zod-messages";
import { CEFR_LEVELS } from "../reference/languages";
import { STAGE_ACTIONS, STAGES } from "./stages";

// The employer's view of proposed candidates, as the API answers it (and the OpenAPI document describes it).
// Strict objects: a response carrying any field not listed here (a name, an id) fails this schema in the tests.

export const EmployerCandidateSchema = z.strictObject({
  entryId: z.uuid().describe("the candidacy on this order (not the worker)"),
  code: z
    .string()
    .regex(/^C-[0-9A-F]{6}$/)
    .describe("per-order candidate code"),
  stage: z.enum(STAGES),
  reason: z.string().nullable(),
  actions: z.array(z.enum(STAGE_ACTIONS)).describe("moves the employer can make now"),
  experiences: z.array(z.strictObject({ sector: z.string(), iscoCode: z.string(), years: z.number() })),
  languages: z.array(z.strictObject({ code: z.string(), level: z.enum(CEFR_LEVELS) })),
  certificates: z.array(
    z.strictObject({
      code: z.string(),
      validUntil: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .nullable()
        .describe("month; null: no expiry"),
    }),
  ),
  ageBand: z.string().describe("e.g. 25-29, 50+"),
  provinceCode: z.string().describe("province of origin (BPS code)"),
  identity: z
    .strictObject({ fullName: z.string(), dateOfBirth: z.string(), phone: z.string().nullable() })
    .nullable()
    .describe("only once the worker consented to disclosure for this order; every response carrying it is logged"),
});

export const CandidatesResponseSchema = z.strictObject({
  jobOrder: z.strictObject({
    id: z.uuid(),
    reference: z.string(),
    status: z.string(),
    positions: z.number().int(),
    positionsFilled: z.number().int(),
  }),
  candidates: z.array(EmployerCandidateSchema),
});
