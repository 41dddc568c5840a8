import { DomainError, isUuid } from "~/domain/errors";
import { failedGates } from "~/domain/matching/gates";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { StageMoveInput } from "~/domain/shortlists/schema";
import {
  freePosition,
  noticesOfMove,
  slotChange,
  takePosition,
  workerStatusChange,
  type MoveNotice,
} from "~/domain/shortlists/move-effects";
import { candidateCode, moveStage, STAGE_RULES, type Stage, type StageActor } from "~/domain/shortlists/stages";
import { lockJobOrder } from "~db/job-orders";
import { enqueueSearchUpdate } from "~db/search-outbox";
import {
  agenciesOnOrder,
  countSlotHolders,
  findEntry,
  insertShortlistEvents,
  lockEntry,
  setStage,
} from "~db/shortlists";
import { loadWorkers, setWorkerStatus } from "~db/workers";
import type { JobOrder, ShortlistEntry, Worker } from "~db/schema";
import type { Db } from "~db/client";
import type { Deps } from "../deps.server";
import { actorFields } from "../job-orders/access.server";
import { writePositionsFilled } from "../job-orders/lifecycle.server";
import { candidateOf, isMatchable, matchOrderOf } from "../matching/match-order.server";
import { sideOn } from "./access.server";
import { notify } from "./notify.server";

// Shortlists (docs/decisions/008-shortlists.md): an agency's candidates for a verified order and their way through the
// stages. Every move locks the order, then the entry (always in that order, so two moves never deadlock); selecting
// counts the order's held positions under that lock, so two selections at the same moment can never overfill it. What a
// move does besides its stage (positions, the worker's status, who is told) is decided in
// app/domain/shortlists/move-effects.ts.

/**
 * One move of a candidate on an order. Agencies propose (only while every gate passes), sign, record departure
 * and withdraw; employers request interviews, select (only while a position is open) and reject. Selecting the
 * last open position fills the order; a selected candidate who leaves frees the position (and reopens a filled
 * order). The worker's status follows: selected → in process, departed → placed, released → available.
 */
export async function moveCandidate(
  deps: Deps,
  actor: Actor,
  entryId: string,
  input: StageMoveInput,
): Promise<{ stage: Stage; orderStatus: JobOrder["status"] }> {
  const peek = await entryToMove(deps.db, actor, entryId); // refused before anything is locked; checked again on the locked rows
  const now = deps.now();
  const today = isoDay(now);
  return deps.db.transaction().execute(async (tx) => {
    const { order, entry, side, workerId } = await lockOrderThenEntry(tx, actor, peek.job_order_id, entryId);
    const to = stageAfter(entry, input, side);
    const worker = await movingWorker(tx, workerId);
    checkCandidate(order, worker, input.action, to, today);
    const orderStatus = await updatePositions(tx, actor, order, entry.stage, to, now, today);
    await recordStage(tx, actor, entry, input, to, now);
    await updateWorkerStatus(tx, worker, entry.stage, to, now);
    for (const notice of noticesOfMove(to, order.status, orderStatus)) await announce(tx, notice, order, entry);
    return { stage: to, orderStatus };
  });
}

/** The entry, looked up without a lock: whoever may not move it is refused before anything is locked. */
async function entryToMove(db: Db, actor: Actor, entryId: string): Promise<ShortlistEntry> {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  const peek = await findEntry(db, entryId);
  if (!peek) throw new DomainError("not_found", "errors.not_found");
  await sideOn(db, actor, peek);
  return peek;
}

/** Locks the order, then the entry (the one lock order of every move), and checks the actor's side again on them. */
async function lockOrderThenEntry(tx: Db, actor: Actor, orderId: string, entryId: string) {
  const order = await lockJobOrder(tx, orderId);
  const entry = await lockEntry(tx, entryId);
  if (!order || !entry) throw new DomainError("not_found", "errors.not_found");
  const side = await sideOn(tx, actor, entry, order);
  if (!entry.worker_id) throw new DomainError("conflict", "shortlist.erased");
  return { order, entry, side, workerId: entry.worker_id };
}

/** The stage the move leads to under the stage rules (app/domain/shortlists/stages.ts), or why it is refused. */
function stageAfter(entry: ShortlistEntry, input: StageMoveInput, side: StageActor): Stage {
  const move = moveStage(entry.stage, input.action, side, input.reason ?? null);
  if (move.ok) return move.to;
  if (move.why === "actor") throw new DomainError("forbidden", "errors.forbidden");
  if (move.why === "reason")
    throw new DomainError("invalid", "shortlist.reason_required", { reason: "shortlist.reason_required" });
  throw new DomainError("conflict", "shortlist.move_refused", {}, { stage: `stage.${entry.stage}` });
}

/** The candidate's worker profile (gone if the worker was erased). */
async function movingWorker(tx: Db, workerId: string): Promise<Worker> {
  const [worker] = await loadWorkers(tx, [workerId]);
  if (!worker) throw new DomainError("conflict", "shortlist.erased");
  return worker;
}

/**
 * What the candidate must be for the move: proposed only on a matchable order while every gate passes; asked to
 * an interview or selected only while consenting to be matched; selected only while free.
 */
function checkCandidate(
  order: JobOrder,
  worker: Worker,
  action: StageMoveInput["action"],
  to: Stage,
  today: string,
): void {
  if (action === "propose") {
    if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
    if (failedGates(matchOrderOf(order), candidateOf(worker)).length > 0)
      throw new DomainError("conflict", "shortlist.gates_fail");
  }
  // the employer acts only on candidates still consenting to be matched; selecting needs them free
  if ((to === "interview" || to === "selected") && (!worker.consent_matching || worker.archived_at !== null))
    throw new DomainError("conflict", "shortlist.not_available");
  if (to === "selected" && worker.status !== "available") throw new DomainError("conflict", "shortlist.not_available");
}

/**
 * Selecting takes an open position (counted under the order's lock) and may fill the order; leaving a position
 * frees it and may reopen the order. Answers the order's state after the move.
 */
async function updatePositions(
  tx: Db,
  actor: Actor,
  order: JobOrder,
  from: Stage,
  to: Stage,
  now: Date,
  today: string,
): Promise<JobOrder["status"]> {
  const change = slotChange(from, to);
  if (change === null) return order.status;
  const after =
    change === "take" ? takePosition(order, await countSlotHolders(tx, order.id)) : freePosition(order, today);
  if (!after) throw new DomainError("conflict", "shortlist.no_open_position");
  await writePositionsFilled(tx, actor, order, after.filled, after.status, now);
  return after.status;
}

/** The entry's new stage and its event; a reason is kept only where the move asks for one. */
async function recordStage(
  tx: Db,
  actor: Actor,
  entry: ShortlistEntry,
  input: StageMoveInput,
  to: Stage,
  now: Date,
): Promise<void> {
  const reason = STAGE_RULES[input.action].reason ? (input.reason ?? null) : null;
  await setStage(tx, entry.id, to, reason, now);
  await insertShortlistEvents(tx, [
    { entry_id: entry.id, action: input.action, from_stage: entry.stage, to_stage: to, reason, ...actorFields(actor) },
  ]);
}

/** The worker's status follows the move (in process, placed, available again), and the search index with it. */
async function updateWorkerStatus(tx: Db, worker: Worker, from: Stage, to: Stage, now: Date): Promise<void> {
  const status = workerStatusChange(from, to, worker.status);
  if (!status) return;
  await setWorkerStatus(tx, worker.id, status, now);
  await enqueueSearchUpdate(tx, "worker", [worker.id]);
}

/** One notice of the move, to whom it concerns, in the app and by email (notify.server.ts). */
async function announce(tx: Db, notice: MoveNotice, order: JobOrder, entry: ShortlistEntry): Promise<void> {
  const params = { reference: order.reference, title: order.title, code: candidateCode(entry.id) };
  if (notice === "candidate_proposed") {
    await notify(tx, {
      orgIds: [order.employer_org_id],
      kind: "candidate_proposed",
      jobOrderId: order.id,
      entryId: entry.id,
      params,
      path: `/job-orders/${order.id}/candidates`,
    });
  } else if (notice === "candidate_selected") {
    await notify(tx, {
      orgIds: [entry.agency_org_id],
      kind: "candidate_selected",
      jobOrderId: order.id,
      entryId: entry.id,
      params,
      path: `/job-orders/${order.id}/shortlist`,
    });
  } else {
    const agencies = await agenciesOnOrder(tx, order.id);
    const orderParams = { reference: order.reference, title: order.title }; // no candidate: it goes to every agency
    await notify(tx, {
      orgIds: [order.employer_org_id],
      kind: "order_filled",
      jobOrderId: order.id,
      params: orderParams,
      path: `/job-orders/${order.id}`,
    });
    await notify(tx, {
      orgIds: agencies,
      kind: "order_filled",
      jobOrderId: order.id,
      params: orderParams,
      path: `/job-orders/${order.id}/shortlist`,
    });
  }
}
