import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { pageCount } from "~/domain/paging";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { findDuplicateIdentity, findWorkerOfAgency, listAgencyWorkers } from "~db/workers";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

/** One of the agency's own profiles, as the form edits it, with its consent record and identity duplicates. */
export async function getWorker(deps: Deps, actor: Actor, id: string) {
  requireAgency(actor);
  if (!isUuid(id)) throw new DomainError("not_found", "errors.not_found");
  const w = await findWorkerOfAgency(deps.db, actor.orgId, id);
  if (!w) throw new DomainError("not_found", "errors.not_found");
  const consentBy = w.consent_recorded_by
    ? await deps.db.selectFrom("users").select("name").where("id", "=", w.consent_recorded_by).executeTakeFirst()
    : undefined;
  const input: WorkerProfileInput = {
    externalRef: w.external_ref ?? undefined,
    fullName: w.full_name,
    dateOfBirth: w.date_of_birth,
    sex: w.sex,
    provinceCode: w.province_code,
    regency: w.regency ?? undefined,
    phone: w.phone ?? undefined,
    nik: w.nik ?? undefined,
    passportNumber: w.passport_number ?? undefined,
    passportExpiry: w.passport_expiry ?? undefined,
    ...w.profile,
    availableFrom: w.available_from,
    status: w.status,
    consentToMatching: w.consent_matching,
  };
  const duplicates = await findDuplicateIdentity(deps.db, actor.orgId, { id: w.id, nik: w.nik, passportNumber: w.passport_number });
  return {
    id: w.id,
    input,
    archived: w.archived_at !== null,
    consent: { given: w.consent_matching, recordedAt: w.consent_recorded_at, recordedBy: consentBy?.name ?? null },
    duplicates: duplicates.map((d) => ({ id: d.id, fullName: d.full_name, externalRef: d.external_ref, field: w.nik && d.nik === w.nik ? ("nik" as const) : ("passport" as const) })),
  };
}

export const LIST_PAGE_SIZE = 50;

/** Every profile of the agency, including those without consent (not in search) and, on request, archived ones. */
export async function listWorkers(deps: Deps, actor: Actor, opts: { archived: boolean; page: number }) {
  requireAgency(actor);
  const page = Math.max(1, opts.page);
  const { rows, total } = await listAgencyWorkers(deps.db, actor.orgId, { archived: opts.archived, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE });
  return {
    total,
    page,
    pages: pageCount(total, LIST_PAGE_SIZE),
    rows: rows.map((r) => ({ id: r.id, name: r.full_name, ref: r.external_ref, status: r.status, consent: r.consent_matching, availableFrom: r.available_from, updatedAt: r.updated_at })),
  };
}
