import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { anonymise, DISCLOSED_FIELDS, type AnonymousCandidate } from "~/domain/shortlists/anonymise";
import { EMPLOYER_STAGES, stageActions, type Stage, type StageAction } from "~/domain/shortlists/stages";
import { insertDisclosures } from "~db/disclosure-log";
import { listEntries } from "~db/shortlists";
import { jobOrderRecordOf, type JobOrderRecord } from "~db/job-orders";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { loadVisible } from "../job-orders/access.server";

// The employer's side of a job order's candidates (issue 7): the candidates agencies proposed, anonymised, side
// by side. A worker's identity is added only once the agency recorded the worker's consent to disclosure for
// this order, and every time it is shown that is written to the disclosure log (who, which fields, when, which
// order, page or API).

export interface EmployerCandidate extends AnonymousCandidate {
  entryId: string;
  stage: Stage;
  reason: string | null;
  actions: StageAction[];
  /** present only after the worker's consent to disclosure for this order */
  identity: { fullName: string; dateOfBirth: string; phone: string | null } | null;
}

export async function reviewCandidates(
  deps: Deps,
  actor: Actor,
  orderId: string,
  via: "page" | "api",
): Promise<{ order: JobOrderRecord; candidates: EmployerCandidate[] }> {
  // whoever cannot see the order: not found; whoever sees it but is not its employer (an agency, a mission): refused
  const { order, role } = await loadVisible(deps, actor, orderId);
  requireViewerRole(role, ["owner"]);
  const today = isoDay(deps.now());
  const rows = await listEntries(deps.db, order.id, { stages: EMPLOYER_STAGES });
  // a worker who withdrew consent to matching, or whose profile was archived, is no longer shown to anyone
  const shown = rows.filter(
    (r) => r.worker_id !== null && r.profile !== null && r.consent_matching === true && r.archived_at === null,
  );
  const candidates: EmployerCandidate[] = shown.map((r) => ({
    ...anonymise(
      r.id,
      { date_of_birth: r.date_of_birth!, province_code: r.province_code!, profile: r.profile! },
      today,
    ),
    entryId: r.id,
    stage: r.stage,
    reason: r.reason,
    actions: stageActions(r.stage, "employer"),
    identity: r.disclosure_consent_at
      ? { fullName: r.full_name!, dateOfBirth: r.date_of_birth!, phone: r.phone }
      : null,
  }));
  const disclosed = shown.filter((r) => r.disclosure_consent_at !== null);
  await insertDisclosures(
    deps.db,
    disclosed.map((r) => ({
      workerId: r.worker_id!,
      jobOrderId: order.id,
      employerOrgId: actor.orgId,
      viewerUserId: actor.userId,
      viewerLabel: actor.label ?? null,
      fields: DISCLOSED_FIELDS.filter((f) => f !== "phone" || r.phone !== null), // what was actually shown
      via,
    })),
  );
  return { order: jobOrderRecordOf(order), candidates };
}
