import { DomainError } from "~/domain/errors";
import type { DestinationStandard } from "~/domain/job-orders/checks";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { recordAudit } from "~db/audit";
import { deleteStandard, insertStandard, listStandards } from "~db/destination-standards";
import { findOrgBySlug, listOrgs } from "~db/orgs";
import { findActiveListing, insertListing, liftListing, listActiveListings } from "~db/problem-employers";
import type { Deps } from "../deps.server";
import { requireMinistryAdmin } from "../guards.server";

// The ministry keeps the problem-employer list and the destination standards; everyone else gets "not found".

export async function getProblemEmployers(deps: Deps, actor: Actor) {
  requireMinistryAdmin(actor);
  const [listed, employers] = await Promise.all([
    listActiveListings(deps.db),
    listOrgs(deps.db, { kind: "employer", limit: 5000, offset: 0 }),
  ]);
  return { listed, employers: employers.map((e) => ({ slug: e.slug, name: e.name })) };
}

export async function listProblemEmployer(
  deps: Deps,
  actor: Actor,
  input: { employer: string; reason: string; listedOn?: string },
) {
  requireMinistryAdmin(actor);
  const org = await findOrgBySlug(deps.db, input.employer);
  if (!org || org.kind !== "employer")
    throw new DomainError("invalid", "errors.choose_option", { employer: "errors.choose_option" });
  if (await findActiveListing(deps.db, org.id))
    throw new DomainError("conflict", "errors.already_listed", { employer: "errors.already_listed" });
  await deps.db.transaction().execute(async (tx) => {
    const row = await insertListing(tx, {
      employerOrgId: org.id,
      reason: input.reason,
      listedOn: input.listedOn ?? isoDay(deps.now()),
      listedBy: actor.userId,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: actor.userId,
      action: "problem_employer.listed",
      subjectType: "organisation",
      subjectId: org.id,
      details: { listingId: row.id, reason: input.reason },
    });
  });
}

export async function liftProblemEmployer(deps: Deps, actor: Actor, listingId: string) {
  requireMinistryAdmin(actor);
  if (!/^\d+$/.test(listingId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await liftListing(tx, listingId, actor.userId, deps.now())))
      throw new DomainError("not_found", "errors.not_found");
    await recordAudit(tx, {
      orgId: null,
      actorUserId: actor.userId,
      action: "problem_employer.lifted",
      subjectType: "problem_listing",
      subjectId: listingId,
    });
  });
}

export async function getStandards(deps: Deps, actor: Actor) {
  requireMinistryAdmin(actor);
  return listStandards(deps.db);
}

export async function addStandard(deps: Deps, actor: Actor | null, s: DestinationStandard) {
  if (actor) requireMinistryAdmin(actor);
  try {
    await insertStandard(deps.db, s, actor?.userId ?? null);
  } catch (e) {
    if ((e as { code?: string }).code === "23505")
      throw new DomainError("conflict", "errors.standard_exists", { country: "errors.standard_exists" });
    throw e;
  }
}

export async function removeStandard(deps: Deps, actor: Actor, id: string) {
  requireMinistryAdmin(actor);
  if (!/^\d+$/.test(id) || !(await deleteStandard(deps.db, id))) throw new DomainError("not_found", "errors.not_found");
}
