import { isoDay } from "~/domain/dates";
import { explain, type Explanation } from "~/domain/matching/explain";
import { failedGates, type GateFailure } from "~/domain/matching/gates";
import { scoreCandidate } from "~/domain/matching/score";
import { type Actor } from "~/domain/org";
import { candidateCode, stageActions, type Stage, type StageAction } from "~/domain/shortlists/stages";
import { jobOrderRecordOf } from "~db/job-orders";
import { countSlotHolders, listEntries, listEntryHistory, listEntryNotes, type EntryRow } from "~db/shortlists";
import type { Worker } from "~db/schema";
import type { Deps } from "../deps.server";
import { candidateOf, matchOrderOf } from "../matching/match-order.server";
import { orderForAgency } from "./access.server";

const PRE_SELECTION: readonly Stage[] = ["shortlisted", "proposed", "interview"];

export interface ShortlistItem {
  entryId: string;
  code: string;
  workerId: string | null;
  name: string | null;
  externalRef: string | null;
  stage: Stage;
  reason: string | null;
  stageChangedAt: Date;
  /** hard gates the candidate fails now (from PostgreSQL, at this moment): what must be fixed before proposing */
  failing: GateFailure[];
  /** the engine's score now, while the candidate passes every gate before selection (null otherwise) */
  score: number | null;
  /** what the candidate brings to this order (occupation and years, languages, certificates), while on the profile */
  explanation: Explanation | null;
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
  const [notes, events] = await Promise.all([listEntryNotes(deps.db, ids), listEntryHistory(deps.db, ids)]);
  const o = matchOrderOf(order);
  const today = isoDay(deps.now());
  const items: ShortlistItem[] = rows.map((r) => {
    const candidate = r.worker_id && r.profile ? candidateOf(workerOf(r)) : null;
    // gates matter until the employer selects (a selected worker is "in process", which the status gate would flag)
    const gated = candidate !== null && PRE_SELECTION.includes(r.stage);
    const failing = gated ? failedGates(o, candidate) : [];
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
      score: gated && failing.length === 0 ? scoreCandidate(o, candidate, today).score : null,
      explanation: candidate ? explain(o, candidate) : null,
      actions: r.worker_id ? actions : [],
      disclosureConsentAt: r.disclosure_consent_at,
      notes: notes
        .filter((n) => n.entryId === r.id)
        .map((n) => ({ id: n.id, body: n.body, at: n.createdAt, author: n.authorName ?? n.authorLabel })),
      history: events
        .filter((e) => e.entryId === r.id)
        .map((e) => ({ action: e.action, from: e.fromStage, to: e.toStage, reason: e.reason, at: e.at })),
    };
  });
  return { order: jobOrderRecordOf(order), items, slotsHeld: await countSlotHolders(deps.db, order.id) };
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
