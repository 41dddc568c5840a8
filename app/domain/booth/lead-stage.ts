import type { JobOrderState } from "../job-orders/state-machine";
import type { LeadStatus } from "./lead-schema";

// A lead's stage on the follow-up list: new → contacted → invited are set by staff; once the invited employer saves
// a job order from the lead, the order's own state says the rest (drafted → submitted → verified), so the list
// follows the order without anyone updating the lead. "closed" (staff gave up, or the visitor asked to stop) ends it.

export const LEAD_STAGES = [
  "new",
  "contacted",
  "invited",
  "order_drafted",
  "order_submitted",
  "order_verified",
  "closed",
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** What each order state means for the lead that brought it. */
const STAGE_OF_ORDER: Record<JobOrderState, LeadStage> = {
  draft: "order_drafted",
  // sent back for correction or refused: the employer has to act again, as with a draft
  returned: "order_drafted",
  rejected: "order_drafted",
  submitted: "order_submitted",
  verified: "order_verified",
  filled: "order_verified",
  closed: "order_verified",
  expired: "order_verified",
  revoked: "order_verified",
};

export function leadStage(status: LeadStatus, orderState: JobOrderState | null): LeadStage {
  if (orderState !== null) return STAGE_OF_ORDER[orderState];
  return status;
}

/** A follow-up date is overdue once it has passed and the lead still waits on staff (no order yet, not closed). */
export function isOverdue(followUpOn: string | null, stage: LeadStage, today: string): boolean {
  if (followUpOn === null) return false;
  if (stage === "closed" || stage.startsWith("order_")) return false;
  return followUpOn < today;
}
