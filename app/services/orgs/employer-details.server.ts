import { DomainError } from "~/domain/errors";
import type { EmployerDetailsInput } from "~/domain/job-orders/schema";
import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { updateOrg } from "~db/orgs";
import type { Deps } from "../deps.server";
import { requireAdminOf } from "../guards.server";
import { loadOrgFor } from "./load-org-for.server";

/** An employer's administrator keeps the company's legal details (copied into each order at submission). */
export async function updateEmployerDetails(deps: Deps, actor: Actor, slug: string, input: EmployerDetailsInput) {
  const org = await loadOrgFor(deps, actor, slug, { ministryMayView: false });
  requireAdminOf(actor, org);
  if (org.kind !== "employer") throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    await updateOrg(tx, org.id, {
      registration_number: input.registrationNumber,
      address: input.address,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: actor.userId,
      action: "employer.details_updated",
      subjectType: "organisation",
      subjectId: org.id,
    });
  });
}
