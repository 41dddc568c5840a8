import type { JobOrderInput } from "~/domain/job-orders/schema";
import { isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { insertEvent, insertJobOrder, updateJobOrderContent } from "~db/job-orders";
import { linkOrderToLead } from "~db/lead-invitations";
import { insertLeadEvent } from "~db/leads";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { requireKindToAct } from "../guards.server";
import { actorFields, lockForAction } from "./access.server";

/**
 * An employer drafts a job order (from the form or POST /api/v1/job-orders). `fromLead`: the booth lead the form
 * was pre-filled from; the order is linked to it in the same transaction when the lead was converted to this
 * organisation and has no order yet (otherwise the order is saved unlinked), and the lead's stage then follows
 * the order (decision 019, "Invitation").
 */
export async function createJobOrder(
  deps: Deps,
  actor: Actor,
  input: JobOrderInput,
  opts: { fromLead?: string } = {},
): Promise<JobOrder> {
  requireKindToAct(actor, "employer");
  return deps.db.transaction().execute(async (tx) => {
    const order = await insertJobOrder(tx, actor.orgId, input, actor.userId);
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: "created",
      from_status: null,
      to_status: "draft",
    });
    const leadId = opts.fromLead;
    if (leadId && isUuid(leadId) && (await linkOrderToLead(tx, leadId, actor.orgId, order.id, deps.now()))) {
      await insertLeadEvent(
        tx,
        { leadId, actorUserId: actor.userId, kind: "order_linked", detail: { jobOrderId: order.id } },
        deps.now(),
      );
    }
    return order;
  });
}

/** The field names whose values differ: what an audit entry says was changed. */
export function changedFields(before: JobOrderInput, after: JobOrderInput): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof JobOrderInput>;
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

/** Edits a draft, or a returned or rejected order before it is resubmitted. */
export async function editJobOrder(deps: Deps, actor: Actor, id: string, input: JobOrderInput): Promise<JobOrder> {
  return deps.db.transaction().execute(async (tx) => {
    const { order } = await lockForAction(tx, actor, id, "edit");
    const fields = changedFields(order.content, input);
    if (fields.length === 0) return order;
    await updateJobOrderContent(tx, order.id, order.status, input, deps.now());
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: "edited",
      from_status: order.status,
      to_status: order.status,
      changes: { fields },
    });
    return { ...order, content: input };
  });
}
