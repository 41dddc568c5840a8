import { text } from "../text-schema";
import { z } from "../zod-messages";
import { REJECT_REASONS, STAGE_ACTIONS, WITHDRAW_REASONS } from "./stages";

// Every shortlist form and API body is parsed by one of these schemas (pages and /api/v1 alike).

const Id = z.uuid({ error: "errors.invalid" });

/** Adding candidates from the match list: one or many at once. */
export const AddCandidatesSchema = z.object({
  workerIds: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(Id).min(1, { error: "shortlist.choose_candidates" }).max(100, { error: "shortlist.too_many" }),
  ),
});
export type AddCandidatesInput = z.infer<typeof AddCandidatesSchema>;

const blank = (v: unknown) => (v === "" ? undefined : v);

/** A move along the stages; withdrawing and rejecting need a reason. */
export const StageMoveSchema = z
  .object({
    action: z.enum(STAGE_ACTIONS),
    reason: z.preprocess(blank, z.enum([...new Set([...WITHDRAW_REASONS, ...REJECT_REASONS])]).optional()),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] | null =
      v.action === "withdraw" ? WITHDRAW_REASONS : v.action === "reject" ? REJECT_REASONS : null;
    if (allowed && !(v.reason && allowed.includes(v.reason)))
      ctx.addIssue({ code: "custom", path: ["reason"], message: "shortlist.reason_required" });
  });
export type StageMoveInput = z.infer<typeof StageMoveSchema>;

export const NoteSchema = z.object({
  body: text({ min: 1, max: 2000, multiline: true, tooShort: "errors.required" }),
});
export type NoteInput = z.infer<typeof NoteSchema>;

/** The page's confirmation that the worker agreed to show their identity to this order's employer. */
export const DisclosureConsentSchema = z.object({
  confirm: z.literal("on", { error: "sl.consent_confirm_required" }),
});

/** The moves an agency may make on many candidates at once (after a confirmation on the page). */
export const BULK_ACTIONS = ["propose", "withdraw"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** One move for several shortlist entries of one order: proposing them, or withdrawing them with a reason. */
export const BulkMoveSchema = z
  .object({
    entryIds: z.preprocess(
      (v) => (typeof v === "string" ? [v] : v),
      z
        .array(Id)
        .min(1, { error: "shortlist.choose_candidates" })
        .max(100, { error: "shortlist.too_many_moves" })
        .transform((ids) => [...new Set(ids)]), // a box posted twice is one candidate
    ),
    action: z.enum(BULK_ACTIONS, { error: "errors.choose_option" }),
    reason: z.preprocess(blank, z.enum(WITHDRAW_REASONS, { error: "errors.choose_option" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.action === "withdraw" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "shortlist.reason_required" });
  });
export type BulkMoveInput = z.infer<typeof BulkMoveSchema>;
