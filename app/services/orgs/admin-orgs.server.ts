import { DomainError } from "~/domain/errors";
import { pageWindow } from "~/domain/paging";
import type { Actor, OrgKind } from "~/domain/org";
import type { ChangeLicenceInput } from "~/domain/schemas/org";
import { recordAudit } from "~db/audit";
import { insertLicenceEvent, listLicenceEvents } from "~db/licence-events";
import { countOrgs, findOrgBySlug, listOrgs, updateOrg } from "~db/orgs";
import { deleteSessionsOfOrg } from "~db/sessions";
import { listOrgMembers } from "~db/users";
import type { Deps } from "../deps.server";
import { requireMinistryAdmin } from "../guards.server";

export const ORGS_PER_PAGE = 20;

export async function listOrganisations(deps: Deps, actor: Actor, opts: { kind?: OrgKind; page: number }) {
  requireMinistryAdmin(actor);
  const total = await countOrgs(deps.db, opts.kind);
  const { page, pages, limit, offset } = pageWindow(total, opts.page, ORGS_PER_PAGE);
  const orgs = await listOrgs(deps.db, { kind: opts.kind, limit, offset });
  return { orgs, total, page, pages };
}

export async function getOrganisationDetail(deps: Deps, actor: Actor, slug: string) {
  requireMinistryAdmin(actor);
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) throw new DomainError("not_found", "errors.org_not_found");
  const [members, licenceHistory] = await Promise.all([
    listOrgMembers(deps.db, org.id),
    org.kind === "agency" ? listLicenceEvents(deps.db, org.id) : Promise.resolve([]),
  ]);
  return {
    org,
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role })),
    licenceHistory,
  };
}

/** Suspend (in part or whole, optionally until a date), revoke or reinstate an agency's licence. */
export async function changeLicence(deps: Deps, actor: Actor, slug: string, input: ChangeLicenceInput) {
  requireMinistryAdmin(actor);
  const org = await findOrgBySlug(deps.db, slug);
  if (!org || org.kind !== "agency") throw new DomainError("not_found", "errors.org_not_found");
  await unsafeChangeLicence(deps, org.id, input, actor.userId);
}

export async function unsafeChangeLicence(deps: Deps, orgId: string, input: ChangeLicenceInput, by: string | null) {
  await deps.db.transaction().execute(async (tx) => {
    const suspendedUntil = input.status === "suspended" ? (input.suspendedUntil ?? null) : null;
    await updateOrg(tx, orgId, {
      licence_status: input.status,
      licence_suspended_until: suspendedUntil,
      ...(input.validUntil ? { licence_valid_until: input.validUntil } : {}),
    });
    // Suspension or revocation ends every session at once; a reinstatement does not revive old ones.
    if (input.status !== "active") await deleteSessionsOfOrg(tx, orgId);
    await insertLicenceEvent(tx, {
      orgId,
      status: input.status,
      reason: input.reason,
      scope: input.scope ?? null,
      suspendedUntil,
      recordedBy: by,
    });
    await recordAudit(tx, {
      orgId,
      actorUserId: by,
      actorLabel: by ? null : "cli",
      action: "licence.changed",
      subjectType: "organisation",
      subjectId: orgId,
      details: {
        status: input.status,
        reason: input.reason,
        suspendedUntil,
        scope: input.scope ?? null,
        validUntil: input.validUntil ?? null,
      },
    });
  });
}
