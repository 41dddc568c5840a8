import type { GateFailure } from "~/domain/matching/gates";
import type { Locale } from "~/i18n/locales";
import { formatFailure } from "~/i18n/matching-text";
import type { EmployerCandidate } from "~/services/shortlists/employer-review.server";
import type { ShortlistItem } from "~/services/shortlists/get-shortlist.server";

// JSON shapes of the shortlist API (docs/decisions/008-shortlists.md). The employer's shape is built field by field
// from the anonymised candidate: nothing personal can slip in by spreading a row.

export function presentShortlistItem(i: ShortlistItem, locale: Locale) {
  return {
    entryId: i.entryId,
    code: i.code,
    workerId: i.workerId,
    name: i.name,
    externalRef: i.externalRef,
    stage: i.stage,
    reason: i.reason,
    stageChangedAt: i.stageChangedAt.toISOString(),
    flagged: i.failing.length > 0,
    failing: i.failing.map((f: GateFailure) => formatFailure(locale, f)),
    actions: i.actions,
    disclosureConsentAt: i.disclosureConsentAt?.toISOString() ?? null,
    notes: i.notes.map((n) => ({ body: n.body, at: n.at.toISOString(), author: n.author })),
  };
}

export function presentEmployerCandidate(c: EmployerCandidate) {
  return {
    entryId: c.entryId,
    code: c.code,
    stage: c.stage,
    reason: c.reason,
    actions: c.actions,
    experiences: c.experiences.map((e) => ({ sector: e.sector, iscoCode: e.iscoCode, years: e.years })),
    languages: c.languages.map((l) => ({ code: l.code, level: l.level })),
    certificates: c.certificates.map((x) => ({ code: x.code, validUntil: x.validUntil })),
    ageBand: c.ageBand,
    provinceCode: c.provinceCode,
    identity: c.identity
      ? { fullName: c.identity.fullName, dateOfBirth: c.identity.dateOfBirth, phone: c.identity.phone }
      : null,
  };
}
