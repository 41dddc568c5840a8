import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { pageCount } from "~/domain/paging";
import { findUserName } from "~db/users";
import { findDuplicateIdentity, findWorkerOfAgency, listAgencyWorkers } from "~db/workers";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

/** One of the agency's own profiles, as the form edits it, with its consent record and identity duplicates. */
export async function getWorker(deps: Deps, actor: Actor, id: string) {
  requireAgency(actor);
  if (!isUuid(id)) throw new DomainError("not_found", "errors.not_found");
  const w = await findWorkerOfAgency(deps.db, actor.orgId, id);
  if (!w) throw new DomainError("not_found", "errors.not_found");
  const consentBy = w.consentRecordedBy ? await findUserName(deps.db, w.consentRecordedBy) : null;
  const { nik, passportNumber } = w.input;
  const duplicates = await findDuplicateIdentity(deps.db, actor.orgId, { id: w.id, nik, passportNumber });
  return {
    id: w.id,
    input: w.input,
    archived: w.archivedAt !== null,
    consent: { given: w.input.consentToMatching, recordedAt: w.consentRecordedAt, recordedBy: consentBy },
    duplicates: duplicates.map((d) => ({
      id: d.id,
      fullName: d.fullName,
      externalRef: d.externalRef,
      field: nik && d.nik === nik ? ("nik" as const) : ("passport" as const),
    })),
  };
}

export const LIST_PAGE_SIZE = 50;

/** Every profile of the agency, including those without consent (not in search) and, on request, archived ones. */
export async function listWorkers(deps: Deps, actor: Actor, opts: { archived: boolean; page: number }) {
  requireAgency(actor);
  const page = Math.max(1, opts.page);
  const { rows, total } = await listAgencyWorkers(deps.db, actor.orgId, {
    archived: opts.archived,
    limit: LIST_PAGE_SIZE,
    offset: (page - 1) * LIST_PAGE_SIZE,
  });
  return {
    total,
    page,
    pages: pageCount(total, LIST_PAGE_SIZE),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.fullName,
      ref: r.externalRef,
      status: r.status,
      consent: r.consentToMatching,
      availableFrom: r.availableFrom,
      updatedAt: r.updatedAt,
    })),
  };
}
