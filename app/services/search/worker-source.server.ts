import type { Worker } from "~db/schema";
import type { WorkerSource } from "~search/worker-document";

/** A PostgreSQL worker row as the search port needs it (the port decides what it may index). */
export function workerSource(w: Worker): WorkerSource {
  return {
    id: w.id,
    agencyId: w.agency_org_id,
    fullName: w.full_name,
    dateOfBirth: w.date_of_birth,
    sex: w.sex,
    provinceCode: w.province_code,
    regency: w.regency,
    status: w.status,
    consent: w.consent_matching,
    archived: w.archived_at !== null,
    availableFrom: w.available_from,
    updatedAt: w.updated_at,
    experiences: w.profile.experiences,
    languages: w.profile.languages,
    certificates: w.profile.certificates,
    preferredCountries: w.profile.preferredCountries,
  };
}
