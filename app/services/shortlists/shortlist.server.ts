import { DomainError, isUuid } from "~/domain/errors";
import { transition } from "~/domain/job-orders/state-machine";
import { failedGates, sectorYears, type GateFailure } from "~/domain/matching/gates";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { AddCandidatesInput, NoteInput, StageMoveInput } from "~/domain/shortlists/schema";
import { ageBand, candidateCode, EMPLOYER_STAGES, holdsSlot, moveStage, STAGE_RULES, stageActions, workerStatusAfter, type Stage, type StageAction } from "~/domain/shortlists/stages";
import { findJobOrder, lockJobOrder } from "~db/job-orders";
import { enqueueSearchUpdate } from "~db/search-outbox";
import {
  countSlotHolders,
  findEntry,
  insertEntries,
  insertNote,
  insertShortlistEvents,
  listEntries,
  listNotes,
  listShortlistEvents,
  lockEntry,
  setStage,
  shortlistedAmong,
  type EntryRow,
} from "~db/shortlists";
import { loadWorkers } from "~db/workers";
import type { JobOrder, ShortlistEntry, Worker } from "~db/schema";
import type { Db } from "~db/client";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { actorFields, loadVisible } from "../job-orders/access.server";
import { writePositionsFilled } from "../job-orders/lifecycle.server";
import { candidateOf, isMatchable, matchOrderOf } from "../matching/match-order.server";
import { notify } from "./notify.server";

// Shortlists (issue 7): an agency's candidates for a verified order and their way through the stages. Every move
// locks the order, then the entry (always in that order, so two moves never deadlock); selecting counts the
// order's held positions under that lock, so two selections at the same moment can never overfill it.

const PRE_SELECTION: readonly Stage[] = ["shortlisted", "proposed", "interview"];

/**
 * The order as an agency may reach it: verified, or later once the agency has candidates on it (loadVisible).
 * Whoever cannot see the order is told it does not exist; whoever sees it (its employer, a mission) is refused.
 */
async function orderForAgency(deps: Deps, actor: Actor, orderId: string): Promise<JobOrder> {
  const { order, role } = await loadVisible(deps, actor, orderId);
  requireViewerRole(role, ["agency"], "errors.agency_only");
  return order;
}

/**
 * Which side of a candidate the actor is on: the agency whose entry it is, or the order's employer once the
 * candidate was proposed. Anyone else (another agency, the employer before a proposal, a mission) is told the
 * entry does not exist.
 */
async function sideOn(db: Db, actor: Actor, entry: ShortlistEntry, order?: Pick<JobOrder, "employer_org_id">): Promise<"agency" | "employer"> {
  if (entry.agency_org_id === actor.orgId) return "agency";
  const employerOrgId = order ? order.employer_org_id : (await findJobOrder(db, entry.job_order_id))?.employer_org_id;
  if (employerOrgId === actor.orgId && EMPLOYER_STAGES.includes(entry.stage)) return "employer";
  throw new DomainError("not_found", "errors.not_found");
}

/** Adds the agency's own candidates to its shortlist for a matchable order; those already on it are left as they are. */
export async function addCandidates(deps: Deps, actor: Actor, orderId: string, input: AddCandidatesInput): Promise<{ added: string[]; already: number }> {
  const order = await orderForAgency(deps, actor, orderId);
  const today = isoDay(deps.now());
  if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
  const ids = [...new Set(input.workerIds)];
  return deps.db.transaction().execute(async (tx) => {
    // FOR SHARE: a worker being erased meanwhile is either still here (and the erasure waits) or already gone
    const workers = await tx.selectFrom("workers").selectAll().where("id", "in", ids).forShare().execute();
    const own = new Map(workers.filter((w) => w.agency_org_id === actor.orgId).map((w) => [w.id, w]));
    const missing = ids.filter((id) => !own.has(id));
    if (missing.length) throw new DomainError("invalid", "shortlist.unknown_workers", { workerIds: "shortlist.unknown_workers" }, { n: missing.length });
    const refused = workers.filter((w) => !w.consent_matching || w.archived_at !== null);
    if (refused.length) throw new DomainError("invalid", "shortlist.no_consent", { workerIds: "shortlist.no_consent" }, { n: refused.length });
    const rows = ids.map((id) => {
      const w = own.get(id)!;
      const c = candidateOf(w);
      const inSector = w.profile.experiences.filter((e) => e.sector === order.sector).sort((a, b) => b.years - a.years);
      return {
        job_order_id: order.id,
        agency_org_id: actor.orgId,
        worker_id: id,
        stat_sector: order.sector,
        stat_isco_code: inSector.find((e) => e.iscoCode === order.isco_code)?.iscoCode ?? inSector[0]?.iscoCode ?? null,
        stat_years: sectorYears(c, order.sector),
        stat_province_code: w.province_code,
        stat_age_band: ageBand(w.date_of_birth, today),
        created_by: actor.userId,
      };
    });
    const inserted = await insertEntries(tx, rows);
    await insertShortlistEvents(tx, inserted.map((e) => ({ entry_id: e.id, action: "shortlist", from_stage: null, to_stage: "shortlisted" as const, reason: null, ...actorFields(actor) })));
    return { added: inserted.map((e) => e.id), already: ids.length - inserted.length };
  });
}

export interface ShortlistItem {
  entryId: string;
  code: string;
  workerId: string | null;
  name: string | null;
  externalRef: string | null;
  stage: Stage;
  reason: string | null;
  stageChangedAt: Date;
  /** hard gates the candidate fails now (from PostgreSQL, at this moment) */
  failing: GateFailure[];
  actions: StageAction[];
  disclosureConsentAt: Date | null;
  notes: { id: string; body: string; at: Date; author: string | null }[];
  history: { action: string; from: Stage | null; to: Stage; reason: string | null; at: Date }[];
}

/** The agency's shortlist for an order: every entry with its stage, what it fails now, notes and history. */
export async function getShortlist(deps: Deps, actor: Actor, orderId: string) {
  const order = await orderForAgency(deps, actor, orderId);
  const rows = await listEntries(deps.db, order.id, { agencyId: actor.orgId });
  const ids = rows.map((r) => r.id);
  const [notes, events] = await Promise.all([listNotes(deps.db, ids), listShortlistEvents(deps.db, ids)]);
  const o = matchOrderOf(order);
  const items: ShortlistItem[] = rows.map((r) => {
    // gates matter until the employer selects (a selected worker is "in process", which the status gate would flag)
    const failing = r.worker_id && r.profile && PRE_SELECTION.includes(r.stage) ? failedGates(o, candidateOf(workerOf(r))) : [];
    const actions = stageActions(r.stage, "agency").filter((a) => !(a === "propose" && failing.length > 0));
    return {
      entryId: r.id,
      code: candidateCode(r.id),
      workerId: r.worker_id,
      name: r.full_name,
      externalRef: r.external_ref,
      stage: r.stage,
      reason: r.reason,
      stageChangedAt: r.stage_changed_at,
      failing,
      actions: r.worker_id ? actions : [],
      disclosureConsentAt: r.disclosure_consent_at,
      notes: notes.filter((n) => n.entry_id === r.id).map((n) => ({ id: n.id, body: n.body, at: n.created_at, author: n.author_name ?? n.author_label })),
      history: events.filter((e) => e.entry_id === r.id).map((e) => ({ action: e.action, from: e.from_stage, to: e.to_stage, reason: e.reason, at: e.at })),
    };
  });
  return { order, items, slotsHeld: await countSlotHolders(deps.db, order.id) };
}

/** The worker row as the domain's candidate mapping reads it (from a joined entry row). */
function workerOf(r: EntryRow): Worker {
  return {
    id: r.worker_id!,
    status: r.worker_status!,
    consent_matching: r.consent_matching!,
    archived_at: r.archived_at,
    available_from: r.available_from!,
    updated_at: r.worker_updated_at!,
    profile: r.profile!,
  } as Worker;
}

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

/** A private note of the agency on one of its candidates. */
export async function addNote(deps: Deps, actor: Actor, entryId: string, input: NoteInput) {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  const entry = await findEntry(deps.db, entryId);
  if (!entry || !entry.worker_id) throw new DomainError("not_found", "errors.not_found");
  requireViewerRole(await sideOn(deps.db, actor, entry), ["agency"]);
  return insertNote(deps.db, entry.id, input.body, { userId: actor.userId, label: actor.label ?? null });
}

/**
 * Records that the worker consented to disclose their identity to this order's employer (the agency records
 * it, as it records consent to matching). From then on the employer's view of this candidate shows the name.
 */
export async function recordDisclosureConsent(deps: Deps, actor: Actor, entryId: string): Promise<void> {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry || !entry.worker_id) throw new DomainError("not_found", "errors.not_found");
    requireViewerRole(await sideOn(tx, actor, entry), ["agency"]);
    if (entry.disclosure_consent_at) return;
    await tx.updateTable("shortlist_entries").set({ disclosure_consent_at: deps.now(), disclosure_consent_by: actor.userId }).where("id", "=", entry.id).execute();
    await insertShortlistEvents(tx, [{ entry_id: entry.id, action: "disclosure_consent", from_stage: entry.stage, to_stage: entry.stage, reason: null, ...actorFields(actor) }]);
  });
}

/** Which of these workers (a page of matches) the agency already shortlisted for the order (none for other kinds). */
export async function alreadyShortlisted(deps: Deps, actor: Actor, orderId: string, workerIds: readonly string[]): Promise<string[]> {
  if (!isUuid(orderId)) return []; // entries are looked up by the actor's organisation as their agency
  return shortlistedAmong(deps.db, orderId, actor.orgId, workerIds);
}
