import { LEAD_INVITATION_DAYS, type InviteLeadInput } from "~/domain/booth/invitation";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { patchLeadFollowUp } from "~db/lead-follow-up";
import { insertLeadInvitation, revokeOpenLeadInvitation } from "~db/lead-invitations";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { randomToken, sha256 } from "../auth/crypto.server";
import { changeLead } from "./load-lead-for.server";

/**
 * The event's staff invite a lead to post a job order: a one-time link (only its sha256 is stored), valid for
 * LEAD_INVITATION_DAYS, shown once to the staff member, who passes it on (Jembatan sends no email yet). A new
 * invitation replaces the open one (a lost link is made again, not recovered). The lead becomes "invited" unless
 * it was closed. A lead already converted to an employer, or erased, takes no invitation (409).
 */
export async function inviteLead(deps: Deps, actor: Actor, slug: string, leadId: string, input: InviteLeadInput) {
  return changeLead(deps, actor, slug, leadId, async (tx, { lead, now }) => {
    if (lead.employerOrgId) throw new DomainError("conflict", "errors.lead_already_converted");
    if (!lead.consentContact) throw new DomainError("conflict", "errors.lead_no_contact_consent");
    const replaced = await revokeOpenLeadInvitation(tx, lead.id, now);
    const token = randomToken();
    const invitation = await insertLeadInvitation(tx, {
      leadId: lead.id,
      tokenHash: sha256(token),
      email: input.email,
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + LEAD_INVITATION_DAYS * 86_400_000),
      at: now,
    });
    if (lead.status === "new" || lead.status === "contacted") {
      await patchLeadFollowUp(tx, lead.id, { status: "invited" }, now);
    }
    await insertLeadEvent(
      tx,
      { leadId: lead.id, actorUserId: actor.userId, kind: "invited", detail: { replaced: replaced > 0 } },
      now,
    );
    return { token, invitation };
  });
}

/** Withdraws the lead's open invitation: its link stops working at once. 409 when there is none. */
export async function revokeLeadInvitation(deps: Deps, actor: Actor, slug: string, leadId: string) {
  return changeLead(deps, actor, slug, leadId, async (tx, { lead, now }) => {
    if ((await revokeOpenLeadInvitation(tx, lead.id, now)) === 0) {
      throw new DomainError("conflict", "errors.lead_no_open_invitation");
    }
    await insertLeadEvent(tx, { leadId: lead.id, actorUserId: actor.userId, kind: "invitation_revoked" }, now);
  });
}
