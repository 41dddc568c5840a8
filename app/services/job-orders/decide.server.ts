import { randomInt } from "node:crypto";
import { DomainError } from "~/domain/errors";
import { isHold } from "~/domain/job-orders/checks";
import type { VerificationInput } from "~/domain/job-orders/schema";
import { CODE_ALPHABET, CODE_LENGTH, VALIDITY_MONTHS } from "~/domain/job-orders/verification-code";
import { type Actor } from "~/domain/org";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import { enqueueFitNotification } from "~db/fit-notification-jobs";
import { decideVersion, insertEvent, patchJobOrder } from "~db/job-orders";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { actorFields, lockForAction } from "./access.server";
import { currentFindings } from "./submit.server";

const newCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
const EVENT = { approve: "approved", return: "returned", reject: "rejected" } as const;

/**
 * A verifier at a mission covering the destination approves, returns or rejects the submitted version.
 * Approval is refused while the employer is on the problem-employer list (checked now, not at submission).
 */
export async function decideJobOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: VerificationInput,
): Promise<JobOrder> {
  return deps.db.transaction().execute(async (tx) => {
    const { order, to } = await lockForAction(tx, actor, id, input.decision);
    const now = deps.now();
    let patch: Partial<JobOrder> = { status: to };
    if (input.decision === "approve") {
      if ((await currentFindings(tx, order)).some(isHold))
        throw new DomainError("conflict", "errors.problem_employer_hold");
      if (order.content.startDate < isoDay(now)) throw new DomainError("conflict", "errors.start_passed");
      patch = {
        status: to,
        verification_code: newCode(),
        verified_by_org_id: actor.orgId,
        verified_at: now,
        valid_until: addDays(addMonths(isoDay(now), VALIDITY_MONTHS), -1),
      };
    }
    await patchJobOrder(tx, order.id, patch, now);
    await decideVersion(tx, order.id, order.version, {
      decision: input.decision,
      reason: input.reason ?? null,
      note: input.note ?? null,
      userId: actor.userId,
      orgId: actor.orgId,
      at: now,
    });
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: EVENT[input.decision],
      from_status: order.status,
      to_status: to,
      changes: { reason: input.reason ?? null, note: input.note ?? null, version: order.version },
    });
    // agencies whose workers fit it are told shortly after, by a background job written with the approval
    // (decision 023): nothing is lost if the process dies or Meilisearch is down now
    if (input.decision === "approve") await enqueueFitNotification(tx, order.id);
    return { ...order, ...patch };
  });
}

/** A mission covering the destination, or the ministry, withdraws a verification (the public page says so). */
export async function revokeJobOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason: string; note?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const { order, to } = await lockForAction(tx, actor, id, "revoke");
    await patchJobOrder(tx, order.id, { status: to }, deps.now());
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: "revoked",
      from_status: order.status,
      to_status: to,
      changes: { reason: input.reason, note: input.note ?? null },
    });
  });
}
