import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { recordAudit } from "~db/audit";
import type { Db } from "~db/client";
import { enqueueSearchUpdate } from "~db/search-outbox";
import {
  findDuplicateIdentity,
  findWorkerByRef,
  findWorkerOfAgency,
  insertConsentEvent,
  insertWorker,
  setArchived,
  updateWorker,
} from "~db/workers";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

export interface SaveResult {
  id: string;
  created: boolean;
  duplicates: { id: string; fullName: string; externalRef: string | null; field: "nik" | "passport" }[];
}

/**
 * Creates or updates one profile inside `tx` and enqueues its search update in the same transaction. With an
 * external reference, the agency's own key decides: a re-import updates, never duplicates.
 */
export async function saveWorkerIn(
  tx: Db,
  actor: Actor,
  input: WorkerProfileInput,
  now: Date,
  id?: string,
): Promise<SaveResult> {
  requireAgency(actor); // a blocked licence never reaches here: sessions and keys stop at sign-in
  const existing = id
    ? await findWorkerOfAgency(tx, actor.orgId, id)
    : input.externalRef
      ? await findWorkerByRef(tx, actor.orgId, input.externalRef)
      : undefined;
  if (id && !existing) throw new DomainError("not_found", "errors.not_found");
  let workerId: string;
  if (existing) {
    const consentChanged = existing.input.consentToMatching !== input.consentToMatching;
    await updateWorker(tx, existing.id, input, now, consentChanged ? actor.userId : undefined);
    if (consentChanged) await insertConsentEvent(tx, existing.id, input.consentToMatching, actor.userId);
    workerId = existing.id;
  } else {
    const row = await insertWorker(tx, actor.orgId, input, actor.userId, now);
    if (input.consentToMatching) await insertConsentEvent(tx, row.id, true, actor.userId);
    workerId = row.id;
  }
  await enqueueSearchUpdate(tx, "worker", [workerId]);
  const dups = await findDuplicateIdentity(tx, actor.orgId, {
    id: workerId,
    nik: input.nik,
    passportNumber: input.passportNumber,
  });
  return {
    id: workerId,
    created: !existing,
    duplicates: dups.map((d) => ({
      id: d.id,
      fullName: d.fullName,
      externalRef: d.externalRef,
      field: input.nik && d.nik === input.nik ? "nik" : "passport",
    })),
  };
}

export async function saveWorker(
  deps: Deps,
  actor: Actor,
  input: WorkerProfileInput,
  id?: string,
): Promise<SaveResult> {
  if (id !== undefined && !isUuid(id)) throw new DomainError("not_found", "errors.not_found");
  return deps.db.transaction().execute(async (tx) => {
    const result = await saveWorkerIn(tx, actor, input, deps.now(), id);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorLabel: actor.label ?? null,
      action: result.created ? "worker.created" : "worker.updated",
      subjectType: "worker",
      subjectId: result.id,
    });
    return result;
  });
}

/** Archiving takes the profile out of search at once (through the outbox, in the same transaction). */
export async function archiveWorker(deps: Deps, actor: Actor, id: string, archived = true): Promise<void> {
  requireAgency(actor);
  if (!isUuid(id)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await setArchived(tx, actor.orgId, id, archived, deps.now())))
      throw new DomainError("not_found", "errors.not_found");
    await enqueueSearchUpdate(tx, "worker", [id]);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: archived ? "worker.archived" : "worker.restored",
      subjectType: "worker",
      subjectId: id,
    });
  });
}
