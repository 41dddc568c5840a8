import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { erasePersonalData } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { changeLead } from "./load-lead-for.server";

/**
 * Erases the person behind a lead on their request (confirmed on the page): irreversible. Their details and the
 * staff's notes go; the anonymous vacancy, consent flags and dates stay for the event's results. The history and
 * the audit row say that it was erased, by whom and when, and carry nothing of the person.
 */
export async function eraseLead(deps: Deps, actor: Actor, slug: string, leadId: string): Promise<void> {
  await changeLead(deps, actor, slug, leadId, async (tx, { event, lead, now }) => {
    await erasePersonalData(tx, lead.id, now);
    await insertLeadEvent(
      tx,
      { leadId: lead.id, actorUserId: actor.userId, kind: "erased", detail: { reason: "request" } },
      now,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorLabel: actor.label ?? null,
      action: "lead.erased",
      subjectType: "lead",
      subjectId: lead.id,
      details: { eventId: event.id, reason: "request" },
    });
  });
}
