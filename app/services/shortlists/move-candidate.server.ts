import { DomainError, isUuid } from "~/domain/errors";
import { transition } from "~/domain/job-orders/state-machine";
import { failedGates } from "~/domain/matching/gates";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { StageMoveInput } from "~/domain/shortlists/schema";
import { candidateCode, holdsSlot, moveStage, STAGE_RULES, workerStatusAfter, type Stage } from "~/domain/shortlists/stages";
import { lockJobOrder } from "~db/job-orders";
import { enqueueSearchUpdate } from "~db/search-outbox";
import { countSlotHolders, findEntry, insertShortlistEvents, lockEntry, setStage } from "~db/shortlists";
import { loadWorkers } from "~db/workers";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { actorFields } from "../job-orders/access.server";
import { writePositionsFilled } from "../job-orders/lifecycle.server";
import { candidateOf, isMatchable, matchOrderOf } from "../matching/match-order.server";
import { sideOn } from "./access.server";
import { notify } from "./notify.server";

// Shortlists (issue 7): an agency's candidates for a verified order and their way through the stages. Every move
// locks the order, then the entry (always in that order, so two moves never deadlock); selecting counts the
// order's held positions under that lock, so two selections at the same moment can never overfill it.

/**
 * One move of a candidate on an order. Agencies propose (only while every gate passes), sign, record departure
 * and withdraw; employers request interviews, select (only while a position is open) and reject. Selecting the
 * last open position fills the order; a selected candidate who leaves frees the position (and reopens a filled
 * order). The worker's status follows: selected → in process, departed → placed, released → available.
 */
export async function moveCandidate(deps: Deps, actor: Actor, entryId: string, input: StageMoveInput): Promise<{ stage: Stage; orderStatus: JobOrder["status"] }> {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  const peek = await findEntry(deps.db, entryId);
  if (!peek) throw new DomainError("not_found", "errors.not_found");
  await sideOn(deps.db, actor, peek); // refused before anything is locked; checked again on the locked rows
  const now = deps.now();
  const today = isoDay(now);
  return deps.db.transaction().execute(async (tx) => {
    const order = await lockJobOrder(tx, peek.job_order_id); // the order first, then the entry: one lock order
    const entry = await lockEntry(tx, entryId);
    if (!order || !entry) throw new DomainError("not_found", "errors.not_found");
    const side = await sideOn(tx, actor, entry, order);
    if (!entry.worker_id) throw new DomainError("conflict", "shortlist.erased");
    const move = moveStage(entry.stage, input.action, side, input.reason ?? null);
    if (!move.ok) {
      if (move.why === "actor") throw new DomainError("forbidden", "errors.forbidden");
      if (move.why === "reason") throw new DomainError("invalid", "shortlist.reason_required", { reason: "shortlist.reason_required" });
      throw new DomainError("conflict", "shortlist.move_refused", {}, { stage: `stage.${entry.stage}` });
    }
    const [worker] = await loadWorkers(tx, [entry.worker_id]);
    if (!worker) throw new DomainError("conflict", "shortlist.erased");

    if (input.action === "propose") {
      if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
      if (failedGates(matchOrderOf(order), candidateOf(worker)).length > 0) throw new DomainError("conflict", "shortlist.gates_fail");
    }
    // the employer acts only on candidates still consenting to be matched; selecting needs them free
    if ((move.to === "interview" || move.to === "selected") && (!worker.consent_matching || worker.archived_at !== null)) throw new DomainError("conflict", "shortlist.not_available");
    if (move.to === "selected" && worker.status !== "available") throw new DomainError("conflict", "shortlist.not_available");
    let orderStatus = order.status;
    if (move.to === "selected") {
      const held = Math.max(order.positions_filled, await countSlotHolders(tx, order.id));
      if (order.status !== "verified" || held >= order.positions) throw new DomainError("conflict", "shortlist.no_open_position");
      orderStatus = held + 1 === order.positions ? "filled" : order.status;
      await writePositionsFilled(tx, actor, order, held + 1, orderStatus, now);
    } else if (holdsSlot(entry.stage) && !holdsSlot(move.to)) {
      const reopen = order.status === "filled" && transition("filled", "reopen", "system").ok && (order.valid_until === null || order.valid_until >= today);
      orderStatus = reopen ? "verified" : order.status;
      await writePositionsFilled(tx, actor, order, Math.max(0, order.positions_filled - 1), orderStatus, now);
    }

    const reason = STAGE_RULES[input.action].reason ? (input.reason ?? null) : null; // kept only where a move asks for one
    await setStage(tx, entry.id, move.to, reason, now);
    await insertShortlistEvents(tx, [{ entry_id: entry.id, action: input.action, from_stage: entry.stage, to_stage: move.to, reason, ...actorFields(actor) }]);
    const status = workerStatusAfter(entry.stage, move.to);
    // released from this order: available again only if this order had made them "in process"
    const applies = status !== null && status !== worker.status && !(status === "available" && worker.status !== "in_process");
    if (status && applies) {
      await tx.updateTable("workers").set({ status, updated_at: now }).where("id", "=", worker.id).execute();
      await enqueueSearchUpdate(tx, "worker", [worker.id]);
    }

    const params = { reference: order.reference, title: order.title, code: candidateCode(entry.id) };
    if (move.to === "proposed") await notify(tx, { orgIds: [order.employer_org_id], kind: "candidate_proposed", jobOrderId: order.id, entryId: entry.id, params, path: `/job-orders/${order.id}/candidates` });
    if (move.to === "selected") await notify(tx, { orgIds: [entry.agency_org_id], kind: "candidate_selected", jobOrderId: order.id, entryId: entry.id, params, path: `/job-orders/${order.id}/shortlist` });
    if (orderStatus === "filled" && order.status !== "filled") {
      const agencies = await tx.selectFrom("shortlist_entries").select("agency_org_id").distinct().where("job_order_id", "=", order.id).execute();
      const orderParams = { reference: order.reference, title: order.title }; // no candidate: it goes to every agency
      await notify(tx, { orgIds: [order.employer_org_id], kind: "order_filled", jobOrderId: order.id, params: orderParams, path: `/job-orders/${order.id}` });
      await notify(tx, { orgIds: agencies.map((a) => a.agency_org_id), kind: "order_filled", jobOrderId: order.id, params: orderParams, path: `/job-orders/${order.id}/shortlist` });
    }
    return { stage: move.to, orderStatus };
  });
}
