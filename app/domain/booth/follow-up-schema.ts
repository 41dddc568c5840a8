import { z } from "../zod-messages";
import { addDays, type IsoDay } from "../dates";
import { dateWithin } from "../input-ranges";
import { JOB_ORDER_STATES, type JobOrderState } from "../job-orders/state-machine";
import { text } from "../text-schema";
import { LEAD_STATUSES } from "./lead-schema";
import { LEAD_STAGES, leadStage, type LeadStage } from "./lead-stage";

// The staff's follow-up of booth leads (issue 14, decision 019 "Follow-up"): one schema per form of the lead's
// page, shared by the page (conform) and any API, and the list's filters. Pure: "today" is a parameter.

/** A note on a lead: the staff's words about a conversation, several lines. Erasure deletes them. */
export const LEAD_NOTE_MAX = 4000;
export const LeadNoteSchema = z.object({
  note: text({ min: 1, max: LEAD_NOTE_MAX, multiline: true, tooShort: "errors.required" }),
});
export type LeadNoteInput = z.infer<typeof LeadNoteSchema>;

/** The status staff set by hand; the stages after "invited" come from the linked job order (lead-stage.ts). */
export const LeadStatusSchema = z.object({
  status: z.enum(LEAD_STATUSES, { error: "errors.choose_option" }),
});
export type LeadStatusInput = z.infer<typeof LeadStatusSchema>;

/** Who follows the lead up: one of the event's staff (checked by the service), or nobody (the field left empty). */
export const LeadOwnerSchema = z.object({
  ownerId: z.uuid({ error: "errors.lead_owner_not_staff" }).optional(),
});
export type LeadOwnerInput = z.infer<typeof LeadOwnerSchema>;

/** A follow-up date from today to two years ahead; empty clears it. */
export const leadFollowUpSchema = (today?: IsoDay) =>
  z.object({
    followUpOn: dateWithin(
      { from: {}, to: { years: 2 }, tooEarly: "errors.follow_up_past", tooLate: "errors.follow_up_far" },
      today,
    ).optional(),
  });
export type LeadFollowUpInput = z.infer<ReturnType<typeof leadFollowUpSchema>>;

/** Erasing a person's data is irreversible: the page's checkbox confirms that they asked for it. */
export const EraseLeadSchema = z.object({
  confirm: z.literal("on", { error: "follow.erase_must_confirm" }),
});

// ── the list's filters ────────────────────────────────────────────────────────────────────────────────────

export const LEAD_OWNER_FILTERS = ["me", "none"] as const;
export type LeadOwnerFilter = (typeof LEAD_OWNER_FILTERS)[number];

/**
 * The list's query string (?stage=&owner=&overdue=1&page=), for the page and its CSV. A filter nobody could have
 * chosen (an edited URL) is dropped, as the job orders' list drops an unknown status: the list shows, it never
 * refuses.
 */
export const LeadListQuerySchema = z.object({
  stage: z.enum(LEAD_STAGES).optional().catch(undefined),
  owner: z.enum(LEAD_OWNER_FILTERS).optional().catch(undefined),
  overdue: z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type LeadListQuery = z.infer<typeof LeadListQuerySchema>;

export const leadListQueryOf = (sp: URLSearchParams): LeadListQuery =>
  LeadListQuerySchema.parse(Object.fromEntries([...sp].filter(([k]) => k !== "")));

/** The job order states that put a lead at `stage` (none for the stages staff set): the inverse of leadStage. */
export const orderStatesOfStage = (stage: LeadStage): JobOrderState[] =>
  JOB_ORDER_STATES.filter((s) => leadStage("new", s) === stage);

/** True for the stages staff set by hand (no order yet): new, contacted, invited, closed. */
export const isStaffStage = (stage: LeadStage): stage is (typeof LEAD_STATUSES)[number] =>
  (LEAD_STATUSES as readonly string[]).includes(stage);

// ── retention ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The last day an event's unconverted leads are kept: the event's last day plus its retention period. The sweep
 * erases them on any later day.
 */
export const leadsKeptUntil = (event: { endsOn: IsoDay; leadRetentionDays: number }): IsoDay =>
  addDays(event.endsOn, event.leadRetentionDays);
