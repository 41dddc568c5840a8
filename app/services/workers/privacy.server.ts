import { forgetAnswersMentioning } from "~db/idempotency-keys";
import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { holdsSlot, isFinal } from "~/domain/shortlists/stages";
import { recordAudit } from "~db/audit";
import { enqueueSearchUpdate } from "~db/search-outbox";
import { insertShortlistEvents } from "~db/shortlists";
import { findWorkerOfAgency, type WorkerRecord } from "~db/workers";
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
export async function disclosureLog(deps: Deps, actor: Actor, workerId: string) {
  const w = await ownWorker(deps, actor, workerId);
  return deps.db
    .selectFrom("disclosure_log as d")
    .innerJoin("organisations as e", "e.id", "d.employer_org_id")
    .innerJoin("job_orders as j", "j.id", "d.job_order_id")
    .leftJoin("users as u", "u.id", "d.viewer_user_id")
    .select(["d.id", "d.at", "d.fields", "d.via", "d.viewer_label", "e.name as employer_name", "j.reference", "j.title", "u.name as viewer_name"])
    .where("d.worker_id", "=", w.id)
    .orderBy("d.id", "desc")
    .execute();
}

/** Everything held about the worker, as one JSON document (the right of access and portability). */
export async function exportWorkerData(deps: Deps, actor: Actor, workerId: string) {
  const w = await ownWorker(deps, actor, workerId);
  const [consents, entries, disclosures] = await Promise.all([
    deps.db.selectFrom("worker_consent_events").select(["consent", "recorded_at"]).where("worker_id", "=", w.id).orderBy("id").execute(),
    deps.db
      .selectFrom("shortlist_entries as s")
      .innerJoin("job_orders as j", "j.id", "s.job_order_id")
      .select(["s.id", "j.reference", "j.title", "s.stage", "s.reason", "s.created_at", "s.stage_changed_at", "s.disclosure_consent_at"])
      .where("s.worker_id", "=", w.id)
      .execute(),
    disclosureLog(deps, actor, w.id),
  ]);
  const entryIds = entries.map((e) => e.id);
  const [notes, history] = entryIds.length
    ? await Promise.all([
        deps.db.selectFrom("shortlist_notes").select(["entry_id", "body", "created_at"]).where("entry_id", "in", entryIds).orderBy("id").execute(),
        deps.db.selectFrom("shortlist_events").select(["entry_id", "action", "from_stage", "to_stage", "reason", "at"]).where("entry_id", "in", entryIds).orderBy("id").execute(),
      ])
    : [[], []];
  return {
    exportedAt: deps.now().toISOString(),
    worker: workerDocument(w),
    consentToMatching: consents.map((c) => ({ consent: c.consent, at: c.recorded_at.toISOString() })),
    orders: entries.map((e) => ({
      reference: e.reference,
      title: e.title,
      stage: e.stage,
      reason: e.reason,
      since: e.created_at.toISOString(),
      stageChangedAt: e.stage_changed_at.toISOString(),
      disclosureConsentAt: e.disclosure_consent_at?.toISOString() ?? null,
      notes: notes.filter((n) => n.entry_id === e.id).map((n) => ({ body: n.body, at: n.created_at.toISOString() })),
      history: history.filter((h) => h.entry_id === e.id).map((h) => ({ action: h.action, from: h.from_stage, to: h.to_stage, reason: h.reason, at: h.at.toISOString() })),
    })),
    disclosures: disclosures.map((d) => ({ at: d.at.toISOString(), employer: d.employer_name, order: d.reference, fields: d.fields, via: d.via })),
  };
}

/** The profile in the export: every field of the input (null where none was given), with its dates. */
function workerDocument(w: WorkerRecord) {
  const { externalRef, fullName, dateOfBirth, sex, provinceCode, regency, phone, nik, passportNumber, passportExpiry, availableFrom, status, consentToMatching, ...competencies } = w.input;
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
    const entries = await tx.selectFrom("shortlist_entries").select(["id", "stage"]).where("worker_id", "=", w.id).orderBy("id").forUpdate().execute();
    const locked = await tx.selectFrom("workers").select("id").where("id", "=", w.id).forUpdate().executeTakeFirst();
    if (!locked) throw new DomainError("not_found", "errors.not_found");
    if (entries.some((e) => holdsSlot(e.stage) && e.stage !== "departed")) throw new DomainError("conflict", "privacy.erase_holds_position");
    const open = entries.filter((e) => !isFinal(e.stage));
    if (open.length) {
      await tx.updateTable("shortlist_entries").set({ stage: "withdrawn", reason: "worker_unavailable", stage_changed_at: deps.now() }).where("id", "in", open.map((e) => e.id)).execute();
      await insertShortlistEvents(tx, open.map((e) => ({ entry_id: e.id, action: "withdraw", from_stage: e.stage, to_stage: "withdrawn" as const, reason: "worker_unavailable", ...actorFields(actor) })));
    }
    if (entries.length) await tx.deleteFrom("shortlist_notes").where("entry_id", "in", entries.map((e) => e.id)).execute();
    await tx.updateTable("shortlist_entries").set({ disclosure_consent_at: null, disclosure_consent_by: null }).where("worker_id", "=", w.id).execute();
    // the audit trail keeps what was done, not to whom
    await tx.updateTable("audit_events").set({ subject_id: "erased" }).where("subject_type", "=", "worker").where("subject_id", "=", w.id).execute();
    await forgetAnswersMentioning(tx, [w.id, ...entries.map((e) => e.id)], `org:${actor.orgId}`); // replayable API answers, form redirects
    await tx.deleteFrom("workers").where("id", "=", w.id).execute(); // consents and disclosures cascade; entries lose the worker
    await enqueueSearchUpdate(tx, "worker", [w.id]); // the outbox removes the document, then its own rows
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, actorLabel: actor.label ?? null, action: "worker.erased", subjectType: "worker", subjectId: "erased" });
  });
}
