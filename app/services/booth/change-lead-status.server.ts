import type { LeadStatusInput } from "~/domain/booth/follow-up-schema";
import type { Actor } from "~/domain/org";
import { patchLeadFollowUp } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { changeLead } from "./load-lead-for.server";

/**
 * Staff move a lead between new, contacted, invited and closed. Once a job order is linked its state is the stage
 * shown (lead-stage.ts); the status is still kept, for the lead's history and should the order go.
 */
export async function changeLeadStatus(
  deps: Deps,
  actor: Actor,
  slug: string,
  leadId: string,
  input: LeadStatusInput,
): Promise<{ changed: boolean }> {
  return changeLead(deps, actor, slug, leadId, async (tx, { lead, now }) => {
    if (lead.status === input.status) return { changed: false };
    await patchLeadFollowUp(tx, lead.id, { status: input.status }, now);
    await insertLeadEvent(
      tx,
      { leadId: lead.id, actorUserId: actor.userId, kind: "status", detail: { from: lead.status, to: input.status } },
      now,
    );
    return { changed: true };
  });
}
