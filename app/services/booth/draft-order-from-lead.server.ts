import { jobOrderDraftOfVacancy } from "~/domain/booth/invitation";
import { isoDay } from "~/domain/dates";
import { isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { findLeadToDraft } from "~db/lead-invitations";
import type { Deps } from "../deps.server";
import { requireKindToAct } from "../guards.server";

/**
 * The job-order form's starting values for a lead converted to the actor's organisation (an accepted booth
 * invitation) that has no order yet; null for anything else (another organisation's lead, one already drafted, an
 * unknown id), so the form simply starts empty and the id names nothing.
 */
export async function draftOrderFromLead(deps: Deps, actor: Actor, leadId: string) {
  requireKindToAct(actor, "employer");
  if (!isUuid(leadId)) return null;
  const lead = await findLeadToDraft(deps.db, leadId, actor.orgId);
  if (!lead) return null;
  return { leadId: lead.id, draft: jobOrderDraftOfVacancy(lead.vacancy, isoDay(deps.now())) };
}
