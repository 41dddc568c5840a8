import { DomainError } from "~/domain/errors";
import { canRecordFilled, transition, type JobOrderState } from "~/domain/job-orders/state-machine";
import type { Db } from "~db/client";
import type { JobOrder } from "~db/schema";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { findDueToExpire, insertEvent, lockJobOrder, patchJobOrder } from "~db/job-orders";
import { countSlotHolders } from "~db/shortlists";
import type { Deps } from "../deps.server";
import { actorFields, lockForAction } from "./access.server";

export async function closeJobOrder(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const { order, to } = await lockForAction(tx, actor, id, "close");
    await patchJobOrder(tx, order.id, { status: to }, deps.now());
    await insertEvent(tx, {
      job_order_id: order.id,
      ...actorFields(actor),
      action: "closed",
      from_status: order.status,
      to_status: to,
    });
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
    if (positionsFilled < held)
      throw new DomainError(
        "invalid",
        "errors.filled_below_selected",
        { positionsFilled: "errors.filled_below_selected" },
        { n: held },
      );
    await writePositionsFilled(
      tx,
      actor,
      order,
      positionsFilled,
      positionsFilled === order.positions ? "filled" : order.status,
      deps.now(),
    );
  });
}

/**
 * Inside the transaction holding the order's lock: the new count of filled positions, and the state it brings
 * ("filled" when the last one is taken, "verified" when a filled order reopens), with its event.
 */
export async function writePositionsFilled(
  tx: Db,
  actor: Actor,
  order: JobOrder,
  filled: number,
  status: JobOrderState,
  now: Date,
): Promise<void> {
  await patchJobOrder(
    tx,
    order.id,
    status === order.status ? { positions_filled: filled } : { positions_filled: filled, status },
    now,
  );
  await insertEvent(tx, {
    job_order_id: order.id,
    ...actorFields(actor),
    action: status === order.status ? "placements_recorded" : status === "filled" ? "filled" : "reopened",
    from_status: order.status,
    to_status: status,
    changes: { positionsFilled: { from: order.positions_filled, to: filled } },
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
      await insertEvent(tx, {
        job_order_id: id,
        actor_user_id: null,
        actor_org_id: null,
        actor_label: "system",
        action: "expired",
        from_status: order.status,
        to_status: "expired",
      });
      expired++;
    });
  }
  return expired;
}
