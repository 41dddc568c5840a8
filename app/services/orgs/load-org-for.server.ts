import { DomainError } from "~/domain/errors";
import { isMinistryAdmin, type Actor } from "~/domain/org";
import { findOrgBySlug, type Org } from "~db/orgs";
import type { Deps } from "../deps.server";

/**
 * The organisation behind a slug, if the actor may see it: its own members, or a ministry administrator when
 * `ministryMayView`. Anything else is "not found" (404), so slugs of other tenants are not confirmed.
 */
export async function loadOrgFor(
  deps: Deps,
  actor: Actor,
  slug: string,
  opts: { ministryMayView: boolean },
): Promise<Org> {
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) throw new DomainError("not_found", "errors.org_not_found");
  if (org.id === actor.orgId) return org;
  if (opts.ministryMayView && isMinistryAdmin(actor)) return org;
  throw new DomainError("not_found", "errors.org_not_found");
}
