import { DomainError } from "~/domain/errors";
import { checkJobOrder } from "~/domain/job-orders/checks";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import type { Actor } from "~/domain/org";
import { listStandards } from "~db/destination-standards";
import { insertEvent, insertVersion, patchJobOrder } from "~db/job-orders";
import { findActiveListing } from "~db/problem-employers";
import type { Db } from "~db/client";
import type { Org } from "~db/orgs";
import type { EmployerSnapshot, JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { actorFields, lockForAction } from "./access.server";

export function employerSnapshot(org: Org): EmployerSnapshot | null {
  if (!org.registrationNumber || !org.address || !org.contactEmail || !org.contactPhone) return null;
  return {
    name: org.name,
    country: org.country,
    registrationNumber: org.registrationNumber,
    address: org.address,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
  };
}

/** The automatic checks as they stand now: problem-employer hold, wage floor and hours flags. */
export async function currentFindings(db: Db, order: Pick<JobOrder, "employer_org_id" | "content">) {
  const [standards, listing] = await Promise.all([
    listStandards(db, order.content.country),
    findActiveListing(db, order.employer_org_id),
  ]);
  return checkJobOrder(
    order.content,
    standards,
    listing ? { reason: listing.reason, listedOn: listing.listed_on } : null,
  );
}

/**
 * Submits the order for verification: a new version that freezes the content, the employer's legal details as
 * they are now, and the automatic findings at submission.
 */
export async function submitJobOrder(deps: Deps, actor: Actor, id: string): Promise<JobOrder> {
  return deps.db.transaction().execute(async (tx) => {
    const { order, org, to } = await lockForAction(tx, actor, id, "submit");
    const employer = employerSnapshot(org);
    if (!employer) throw new DomainError("invalid", "errors.employer_details_missing");
    // A draft saved months ago is checked again against today's rules (a start date now in the past, …).
    const recheck = jobOrderSchema(isoDay(deps.now())).safeParse(order.content);
    if (!recheck.success) {
      const fields = Object.fromEntries(recheck.error.issues.map((i) => [i.path.join("."), i.message]));
      throw new DomainError("invalid", "errors.order_needs_update", fields);
    }
    const version = order.version + 1;
    const now = deps.now();
    await insertVersion(tx, {
      job_order_id: order.id,
      version,
      content: order.content,
      employer,
      findings: await currentFindings(tx, order),
      submitted_by: actor.userId,
    });
    await patchJobOrder(tx, order.id, { status: to, version, submitted_at: now }, now);
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: "submitted",
      from_status: order.status,
      to_status: to,
      changes: { version },
    });
    return { ...order, status: to, version, submitted_at: now };
  });
}
