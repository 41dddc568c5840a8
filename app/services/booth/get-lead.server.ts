import type { Actor } from "~/domain/org";
import { isMinistryAdmin } from "~/domain/org";
import { listLeadEvents } from "~db/lead-follow-up";
import type { Deps } from "../deps.server";
import { loadLeadFor } from "./load-lead-for.server";

/** A lead's page: everything the visitor left, its stage, owner, follow-up date, history and notes. */
export async function getLead(deps: Deps, actor: Actor, slug: string, leadId: string) {
  const { event, staff, item } = await loadLeadFor(deps, actor, slug, leadId);
  const history = await listLeadEvents(deps.db, item.lead.id);
  return { event, staff, item, history, isAdmin: isMinistryAdmin(actor) };
}
