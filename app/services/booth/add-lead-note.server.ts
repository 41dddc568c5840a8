import type { LeadNoteInput } from "~/domain/booth/follow-up-schema";
import type { Actor } from "~/domain/org";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { changeLead } from "./load-lead-for.server";

/** A member of the booth staff writes down what was said or agreed with the visitor. */
export async function addLeadNote(deps: Deps, actor: Actor, slug: string, leadId: string, input: LeadNoteInput) {
  await changeLead(deps, actor, slug, leadId, (tx, { lead, now }) =>
    insertLeadEvent(tx, { leadId: lead.id, actorUserId: actor.userId, kind: "note", note: input.note }, now),
  );
}
