import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import type { CreateOrgInput } from "~/domain/schemas/org";
import { recordAudit } from "~db/audit";
import { insertLicenceEvent } from "~db/licence-events";
import { findOrgBySlug, insertOrg, type Org } from "~db/orgs";
import type { Deps } from "../deps.server";
import { requireMinistryAdmin } from "../guards.server";
import { isUniqueViolation } from "../auth/sign-up-employer.server";

/** A ministry administrator creates an agency, mission, ministry or employer organisation. */
export async function createOrg(deps: Deps, actor: Actor, input: CreateOrgInput): Promise<Org> {
  requireMinistryAdmin(actor);
  return unsafeCreateOrg(deps, input, { userId: actor.userId, label: null });
}

/** Skips authorisation: for the admin CLI, which runs with the operator's shell access. */
export async function unsafeCreateOrg(
  deps: Deps,
  input: CreateOrgInput,
  by: { userId: string | null; label: string | null },
): Promise<Org> {
  if (await findOrgBySlug(deps.db, input.slug)) {
    throw new DomainError("conflict", "errors.slug_taken", { slug: "errors.slug_taken" });
  }
  const isAgency = input.kind === "agency";
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const org = await insertOrg(tx, {
        kind: input.kind,
        slug: input.slug,
        name: input.name,
        country: input.kind === "employer" ? (input.country ?? null) : null,
        countries: input.kind === "mission" ? (input.countries ?? []) : [],
        licence_number: isAgency ? (input.licenceNumber ?? null) : null,
        licence_status: isAgency ? "active" : null,
        licence_valid_until: isAgency ? (input.licenceValidUntil ?? null) : null,
      });
      if (isAgency) {
        await insertLicenceEvent(tx, {
          orgId: org.id,
          status: "active",
          reason: "licence.initial", // an i18n key: shown in the reader's language
          scope: null,
          suspendedUntil: null,
          recordedBy: by.userId,
        });
      }
      await recordAudit(tx, {
        orgId: org.id,
        actorUserId: by.userId,
        actorLabel: by.label,
        action: "organisation.created",
        subjectType: "organisation",
        subjectId: org.id,
        details: { kind: org.kind, slug: org.slug },
      });
      return org;
    });
  } catch (e) {
    if (isUniqueViolation(e, "organisations_slug_key"))
      throw new DomainError("conflict", "errors.slug_taken", { slug: "errors.slug_taken" });
    throw e;
  }
}
