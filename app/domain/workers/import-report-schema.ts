import { z } from "../zod-messages";

// The import's answer (POST /api/v1/workers/import), from which the OpenAPI description is generated.

const IssueSchema = z.object({
  row: z.number().int().describe("CSV line number (header = 1) or JSON array position (1-based)"),
  field: z
    .string()
    .describe("the field as the file calls it: `experiences[2].iscoCode` (CSV), `experiences.1.iscoCode`"),
  message: z.string().describe("in the caller's language (Accept-Language)"),
  value: z.string().optional().describe("the value written (never a personal identifier)"),
});

export const ImportReportSchema = z.object({
  importId: z.uuid(),
  status: z.enum(["running", "completed", "refused", "failed", "interrupted"]),
  total: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  imported: z.number().int(),
  errors: z.array(IssueSchema).describe("rejected rows' problems; a row is rejected when it has at least one"),
  warnings: z
    .array(IssueSchema)
    .describe("imported rows with something to check: an occupation outside its sector, a NIK already in use"),
  warned: z.number().int().describe("how many rows have at least one warning (not counted as rejected)"),
  failedRows: z
    .boolean()
    .describe(
      "a CSV import's rejected rows are kept for 72 hours: GET /workers/imports/{importId}/failed.csv answers them with an error column",
    ),
  mode: z.enum(["valid_only", "all_or_nothing"]),
});
