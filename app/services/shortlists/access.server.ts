import { DomainError } from "~/domain/errors";
import { type Actor } from "~/domain/org";
import { EMPLOYER_STAGES } from "~/domain/shortlists/stages";
import { findJobOrder } from "~db/job-orders";
import type { JobOrder, ShortlistEntry } from "~db/schema";
import type { Db } from "~db/client";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { loadVisible } from "../job-orders/access.server";

// Who may reach a shortlist (docs/decisions/008-shortlists.md), shared by its use cases: the order as an agency sees
// it, and which side of a candidate an actor is on.

/**
 * The order as an agency may reach it: verified, or later once the agency has candidates on it (loadVisible).
 * Whoever cannot see the order is told it does not exist; whoever sees it (its employer, a mission) is refused.
 */
export async function orderForAgency(deps: Deps, actor: Actor, orderId: string): Promise<JobOrder> {
  const { order, role } = await loadVisible(deps, actor, orderId);
  requireViewerRole(role, ["agency"], "errors.agency_only");
  return order;
}

/**
 * Which side of a candidate the actor is on: the agency whose entry it is, or the order's employer once the
 * candidate was proposed. Anyone else (another agency, the employer before a proposal, a mission) is told the
 * entry does not exist.
 */
export async function sideOn(
  db: Db,
  actor: Actor,
  entry: ShortlistEntry,
  order?: Pick<JobOrder, "employer_org_id">,
): Promise<"agency" | "employer"> {
  if (entry.agency_org_id === actor.orgId) return "agency";
  const employerOrgId = order ? order.employer_org_id : (await findJobOrder(db, entry.job_order_id))?.employer_org_id;
  if (employerOrgId === actor.orgId && EMPLOYER_STAGES.includes(entry.stage)) return "employer";
  throw new DomainError("not_found", "errors.not_found");
}
