import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { Actor } from "~/domain/org";
import { insertEvent, insertJobOrder, updateJobOrderContent } from "~db/job-orders";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { requireKindToAct } from "../guards.server";
import { actorFields, lockForAction } from "./access.server";

/** An employer drafts a job order (from the form or POST /api/v1/job-orders). */
export async function createJobOrder(deps: Deps, actor: Actor, input: JobOrderInput): Promise<JobOrder> {
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
