import { forgetAnswersMentioning } from "~db/idempotency-keys";
import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { holdsSlot, isFinal } from "~/domain/shortlists/stages";
import { recordAudit, replaceAuditSubject } from "~db/audit";
import { listDisclosuresOfWorker, type Disclosure } from "~db/disclosure-log";
import { enqueueSearchUpdate } from "~db/search-outbox";
import {
  clearDisclosureConsents,
  deleteNotesOfEntries,
  insertShortlistEvents,
  listEntriesOfWorker,
  listEntryHistory,
  listEntryNotes,
  lockEntriesOfWorker,
  setStages,
} from "~db/shortlists";
import { deleteWorker, findWorkerOfAgency, listConsentEvents, lockWorker, type WorkerRecord } from "~db/workers";
import type { Deps } from "../deps.server";
import { actorFields } from "../job-orders/access.server";
import { requireAgency } from "../guards.server";

// A worker's rights over their data (UU PDP; issue 7), exercised through their agency: the log of every
// disclosure of their identity to an employer, an export of everything Jembatan holds about them, and erasure.

async function ownWorker(deps: Deps, actor: Actor, workerId: string) {
  requireAgency(actor);
  if (!isUuid(workerId)) throw new DomainError("not_found", "errors.not_found");
  const w = await findWorkerOfAgency(deps.db, actor.orgId, workerId);
  if (!w) throw new DomainError("not_found", "errors.not_found");
  return w;
}

/** Every time this worker's identity was shown to an employer, newest first. */
export async function disclosureLog(deps: Deps, actor: Actor, workerId: string): Promise<Disclosure[]> {
  const w = await ownWorker(deps, actor, workerId);
  return listDisclosuresOfWorker(deps.db, w.id);
}

/** Everything held about the worker, as one JSON document (the right of access and portability). */
export async function exportWorkerData(deps: Deps, actor: Actor, workerId: string) {
  const w = await ownWorker(deps, actor, workerId);
  const [consents, entries, disclosures] = await Promise.all([
    listConsentEvents(deps.db, w.id),
    listEntriesOfWorker(deps.db, w.id),
    disclosureLog(deps, actor, w.id),
  ]);
  const entryIds = entries.map((e) => e.id);
  const [notes, history] = await Promise.all([listEntryNotes(deps.db, entryIds), listEntryHistory(deps.db, entryIds)]);
  return {
    exportedAt: deps.now().toISOString(),
    worker: workerDocument(w),
    consentToMatching: consents.map((c) => ({ consent: c.consent, at: c.recordedAt.toISOString() })),
    orders: entries.map((e) => ({
      reference: e.reference,
      title: e.title,
      stage: e.stage,
      reason: e.reason,
      since: e.createdAt.toISOString(),
      stageChangedAt: e.stageChangedAt.toISOString(),
      disclosureConsentAt: e.disclosureConsentAt?.toISOString() ?? null,
      notes: notes.filter((n) => n.entryId === e.id).map((n) => ({ body: n.body, at: n.createdAt.toISOString() })),
      history: history
        .filter((h) => h.entryId === e.id)
        .map((h) => ({ action: h.action, from: h.fromStage, to: h.toStage, reason: h.reason, at: h.at.toISOString() })),
    })),
    disclosures: disclosures.map((d) => ({
      at: d.at.toISOString(),
      employer: d.employerName,
      order: d.reference,
      fields: d.fields,
      via: d.via,
    })),
  };
}

/** The profile in the export: every field of the input (null where none was given), with its dates. */
function workerDocument(w: WorkerRecord) {
  const {
    externalRef,
    fullName,
    dateOfBirth,
    sex,
    provinceCode,
    regency,
    phone,
    nik,
    passportNumber,
    passportExpiry,
    availableFrom,
    status,
    consentToMatching,
    ...competencies
  } = w.input;
  return {
    id: w.id,
    externalRef: externalRef ?? null,
    fullName,
    dateOfBirth,
    sex,
    provinceCode,
    regency: regency ?? null,
    phone: phone ?? null,
    nik: nik ?? null,
    passportNumber: passportNumber ?? null,
    passportExpiry: passportExpiry ?? null,
    availableFrom,
    status,
    consentToMatching,
    ...competencies,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/**
 * Erases the worker on request: the person (profile, identity, consent records, notes, disclosure log, the search
 * document) goes; what stays is anonymous: each shortlist entry keeps its order, stage and statistics (sector,
 * occupation, years, province, age band) without a worker. A candidate holding a position must be withdrawn
 * first (the order's count of positions depends on it); open candidacies are withdrawn here.
 */
export async function eraseWorker(deps: Deps, actor: Actor, workerId: string): Promise<void> {
  const w = await ownWorker(deps, actor, workerId);
  await deps.db.transaction().execute(async (tx) => {
    // the entries first, then the worker: the order stage moves take (order, entry, worker), so no deadlock
    const entries = await lockEntriesOfWorker(tx, w.id);
    if (!(await lockWorker(tx, w.id))) throw new DomainError("not_found", "errors.not_found");
    if (entries.some((e) => holdsSlot(e.stage) && e.stage !== "departed"))
      throw new DomainError("conflict", "privacy.erase_holds_position");
    const open = entries.filter((e) => !isFinal(e.stage));
    if (open.length) {
      await setStages(
        tx,
        open.map((e) => e.id),
        "withdrawn",
        "worker_unavailable",
        deps.now(),
      );
      await insertShortlistEvents(
        tx,
        open.map((e) => ({
          entry_id: e.id,
          action: "withdraw",
          from_stage: e.stage,
          to_stage: "withdrawn" as const,
          reason: "worker_unavailable",
          ...actorFields(actor),
        })),
      );
    }
    await deleteNotesOfEntries(
      tx,
      entries.map((e) => e.id),
    );
    await clearDisclosureConsents(tx, w.id);
    // the audit trail keeps what was done, not to whom
    await replaceAuditSubject(tx, "worker", w.id, "erased");
    await forgetAnswersMentioning(tx, [w.id, ...entries.map((e) => e.id)], `org:${actor.orgId}`); // replayable API answers, form redirects
    await deleteWorker(tx, w.id); // consents and disclosures cascade; entries lose the worker
    await enqueueSearchUpdate(tx, "worker", [w.id]); // the outbox removes the document, then its own rows
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorLabel: actor.label ?? null,
      action: "worker.erased",
      subjectType: "worker",
      subjectId: "erased",
    });
  });
}
