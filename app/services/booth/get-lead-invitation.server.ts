import type { Actor } from "~/domain/org";
import { findOpenLeadInvitation } from "~db/lead-invitations";
import type { Deps } from "../deps.server";
import { loadLeadFor } from "./load-lead-for.server";

/** The invitation page of a lead: the lead (guarded as its page is) and its open invitation, if any. */
export async function getLeadInvitation(deps: Deps, actor: Actor, slug: string, leadId: string) {
  const { event, item } = await loadLeadFor(deps, actor, slug, leadId);
  const open = await findOpenLeadInvitation(deps.db, item.lead.id);
  return { event, item, open: open ?? null, now: deps.now() };
}
