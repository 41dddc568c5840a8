import { DomainError } from "~/domain/errors";
import type { LeadOwnerInput } from "~/domain/booth/follow-up-schema";
import type { Actor } from "~/domain/org";
import { patchLeadFollowUp } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { changeLead } from "./load-lead-for.server";

/** Staff give a lead to one of the event's staff to follow up, or take it from whoever had it (no owner). */
export async function assignLeadOwner(
  deps: Deps,
  actor: Actor,
  slug: string,
  leadId: string,
  input: LeadOwnerInput,
): Promise<{ changed: boolean }> {
  return changeLead(deps, actor, slug, leadId, async (tx, { staff, lead, now }) => {
    const ownerId = input.ownerId ?? null;
    if (ownerId !== null && !staff.some((s) => s.userId === ownerId))
      throw new DomainError("invalid", "errors.lead_owner_not_staff", { ownerId: "errors.lead_owner_not_staff" });
    if (lead.ownerId === ownerId) return { changed: false };
    await patchLeadFollowUp(tx, lead.id, { ownerId }, now);
    await insertLeadEvent(
      tx,
      { leadId: lead.id, actorUserId: actor.userId, kind: "owner", detail: { from: lead.ownerId, to: ownerId } },
      now,
    );
    return { changed: true };
  });
}
