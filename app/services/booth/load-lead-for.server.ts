import { DomainError, isUuid } from "~/domain/errors";
import { isOverdue, leadStage, type LeadStage } from "~/domain/booth/lead-stage";
import { isoDay } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import type { Db } from "~db/client";
import type { BoothEvent, EventStaffMember } from "~db/events";
import { findFollowUp, lockEventLead, type LeadFollowUp } from "~db/lead-follow-up";
import type { Lead } from "~db/leads";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";

/** A lead as staff see it: its stage (the order's once there is one) and whether its follow-up date has passed. */
export interface FollowUpItem extends LeadFollowUp {
  stage: LeadStage;
  overdue: boolean;
}

export const followUpItem = (f: LeadFollowUp, today: string): FollowUpItem => {
  const stage = leadStage(f.lead.status, f.orderState);
  return { ...f, stage, overdue: isOverdue(f.lead.followUpOn, stage, today) };
};

/**
 * One lead of an event the actor may see (its staff or a ministry administrator: requireEventStaff, 404 for anyone
 * else); a lead of another event, or none, is "not found" too, so a lead's id names nothing outside its event.
 */
export async function loadLeadFor(
  deps: Deps,
  actor: Actor,
  slug: string,
  leadId: string,
): Promise<{ event: BoothEvent; staff: EventStaffMember[]; item: FollowUpItem }> {
  const { event, staff } = await loadEventFor(deps, actor, slug);
  const found = isUuid(leadId) ? await findFollowUp(deps.db, event.id, leadId) : undefined;
  if (!found) throw new DomainError("not_found", "errors.not_found");
  return { event, staff, item: followUpItem(found, isoDay(deps.now())) };
}

/**
 * A change of the staff to one lead, in a transaction holding the lead's row: the event is checked first (404),
 * then the lead (404), and an erased lead takes no more changes (409: there is nobody left to follow up).
 */
export async function changeLead<T>(
  deps: Deps,
  actor: Actor,
  slug: string,
  leadId: string,
  change: (tx: Db, ctx: { event: BoothEvent; staff: EventStaffMember[]; lead: Lead; now: Date }) => Promise<T>,
): Promise<T> {
  const { event, staff } = await loadEventFor(deps, actor, slug);
  if (!isUuid(leadId)) throw new DomainError("not_found", "errors.not_found");
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const lead = await lockEventLead(tx, event.id, leadId);
    if (!lead) throw new DomainError("not_found", "errors.not_found");
    if (lead.erasedAt) throw new DomainError("conflict", "errors.lead_erased");
    return change(tx, { event, staff, lead, now });
  });
}
