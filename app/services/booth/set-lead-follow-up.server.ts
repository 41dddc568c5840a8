import type { LeadFollowUpInput } from "~/domain/booth/follow-up-schema";
import type { Actor } from "~/domain/org";
import { patchLeadFollowUp } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { changeLead } from "./load-lead-for.server";

/** Staff set the day they mean to follow the lead up (flagged overdue once it has passed), or clear it. */
export async function setLeadFollowUp(
  deps: Deps,
  actor: Actor,
  slug: string,
  leadId: string,
  input: LeadFollowUpInput,
): Promise<{ changed: boolean }> {
  return changeLead(deps, actor, slug, leadId, async (tx, { lead, now }) => {
    const followUpOn = input.followUpOn ?? null;
    if (lead.followUpOn === followUpOn) return { changed: false };
    await patchLeadFollowUp(tx, lead.id, { followUpOn }, now);
    await insertLeadEvent(
      tx,
      {
        leadId: lead.id,
        actorUserId: actor.userId,
        kind: "follow_up",
        detail: { from: lead.followUpOn, to: followUpOn },
      },
      now,
    );
    return { changed: true };
  });
}
