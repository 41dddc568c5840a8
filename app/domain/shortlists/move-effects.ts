// What a candidate's move on an order does besides changing their stage (docs/decisions/008-shortlists.md): the order's
// positions (and its state), the worker's status, and who is told. Pure decisions; the move's service writes them in
// the transaction that holds the order's lock.
import { transition, type JobOrderState } from "../job-orders/state-machine";
import type { WorkerStatus } from "../workers/profile-schema";
import { holdsSlot, workerStatusAfter, type Stage } from "./stages";

/** The order as these rules read it. */
export interface OrderPositions {
  status: JobOrderState;
  positions: number;
  positions_filled: number;
  valid_until: string | null;
}

/** The order's count of filled positions after a move, and the state it brings. */
export interface PositionsAfter {
  filled: number;
  status: JobOrderState;
}

/** Whether a move takes one of the order's positions (selecting), frees one (a candidate holding one leaves), or neither. */
export function slotChange(from: Stage, to: Stage): "take" | "free" | null {
  if (to === "selected") return "take";
  if (holdsSlot(from) && !holdsSlot(to)) return "free";
  return null;
}

/**
 * Selecting takes a position: one more than are held now (the larger of the recorded count and the candidates
 * holding one), the last of them fills the order. Null when no position is open (or the order is not verified).
 */
export function takePosition(order: OrderPositions, slotHolders: number): PositionsAfter | null {
  const held = Math.max(order.positions_filled, slotHolders);
  if (order.status !== "verified" || held >= order.positions) return null;
  return { filled: held + 1, status: held + 1 === order.positions ? "filled" : order.status };
}

/** A candidate holding a position leaves: one fewer is filled, and a filled order still valid today reopens. */
export function freePosition(order: OrderPositions, today: string): PositionsAfter {
  const reopen =
    order.status === "filled" &&
    transition("filled", "reopen", "system").ok &&
    (order.valid_until === null || order.valid_until >= today);
  return { filled: Math.max(0, order.positions_filled - 1), status: reopen ? "verified" : order.status };
}

/**
 * The worker's new status after a move (null: unchanged). Released from this order, they are available again
 * only if it had made them "in process" (not if they were placed or withdrawn meanwhile).
 */
export function workerStatusChange(from: Stage, to: Stage, current: WorkerStatus): WorkerStatus | null {
  const status = workerStatusAfter(from, to);
  const applies = status !== null && status !== current && !(status === "available" && current !== "in_process");
  return applies ? status : null;
}

/** What a move announces, in this order: a proposal to the employer, a selection to the agency, a filled order to all. */
export type MoveNotice = "candidate_proposed" | "candidate_selected" | "order_filled";

export function noticesOfMove(to: Stage, orderBefore: JobOrderState, orderAfter: JobOrderState): MoveNotice[] {
  const notices: MoveNotice[] = [];
  if (to === "proposed") notices.push("candidate_proposed");
  if (to === "selected") notices.push("candidate_selected");
  if (orderAfter === "filled" && orderBefore !== "filled") notices.push("order_filled");
  return notices;
}
