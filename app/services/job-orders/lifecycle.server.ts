import { DomainError } from "~/domain/errors";
import { canRecordFilled, transition } from "~/domain/job-orders/state-machine";
import { isoDay, type Actor } from "~/domain/org";
import { findDueToExpire, insertEvent, lockJobOrder, patchJobOrder } from "~db/job-orders";
import { countSlotHolders } from "~db/shortlists";
import type { Deps } from "../deps.server";
import { actorFields, lockForAction } from "./access.server";

export async function closeJobOrder(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const { order, to } = await lockForAction(tx, actor, id, "close");
    await patchJobOrder(tx, order.id, { status: to }, deps.now());
    await insertEvent(tx, { job_order_id: order.id, ...actorFields(actor), action: "closed", from_status: order.status, to_status: to });
  });
}

/**
 * The employer records how many positions are filled. Never more than the order's positions (also a database
 * constraint); reaching them moves the order to "filled".
 */
export async function recordPlacements(deps: Deps, actor: Actor, id: string, positionsFilled: number): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const { order } = await lockForAction(tx, actor, id, "fill");
    if (!canRecordFilled(order.positions, positionsFilled)) {
      throw new DomainError("invalid", "errors.filled_exceeds", { positionsFilled: "errors.filled_exceeds" });
    }
    // candidates selected through Jembatan hold positions: the count can never drop below them
    const held = await countSlotHolders(tx, order.id);
    if (positionsFilled < held) throw new DomainError("invalid", "errors.filled_below_selected", { positionsFilled: "errors.filled_below_selected" }, { n: held });
    const full = positionsFilled === order.positions;
    const now = deps.now();
    await patchJobOrder(tx, order.id, full ? { positions_filled: positionsFilled, status: "filled" } : { positions_filled: positionsFilled }, now);
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: full ? "filled" : "placements_recorded",
      from_status: order.status,
      to_status: full ? "filled" : order.status,
      changes: { positionsFilled: { from: order.positions_filled, to: positionsFilled } },
    });
  });
}

/** Moves verified orders past their validity to "expired". Run at start-up and hourly by the server. */
export async function expireDueJobOrders(deps: Deps): Promise<number> {
  const now = deps.now();
  const ids = await findDueToExpire(deps.db, isoDay(now));
  let expired = 0;
  for (const id of ids) {
    await deps.db.transaction().execute(async (tx) => {
      const order = await lockJobOrder(tx, id);
      if (!order || !transition(order.status, "expire", "system").ok) return;
      await patchJobOrder(tx, id, { status: "expired" }, now);
      await insertEvent(tx, { job_order_id: id, actor_user_id: null, actor_org_id: null, actor_label: "system", action: "expired", from_status: order.status, to_status: "expired" });
      expired++;
    });
  }
  return expired;
}
