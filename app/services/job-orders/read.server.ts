import { EMPLOYER_STAGES } from "~/domain/shortlists/stages";
import { countCandidates } from "~db/shortlists";
import { availableActions, type JobOrderState } from "~/domain/job-orders/state-machine";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { pageWindow } from "~/domain/paging";
import {
  countByCountry,
  countByStatus,
  countJobOrders,
  jobOrderRecordOf,
  listEvents,
  listJobOrders,
  listVersions,
  type ListFilter,
} from "~db/job-orders";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";
import { actorOrg, loadVisible } from "./access.server";
import { currentFindings } from "./submit.server";

export const PAGE_SIZE = 20;

/** The public shape of an order (API and pages): never the employer's contact details. */
export function presentOrder(row: JobOrder) {
  const o = jobOrderRecordOf(row);
  return {
    id: o.id,
    reference: o.reference,
    status: o.status,
    version: o.version,
    positionsFilled: o.positionsFilled,
    verificationCode: o.verificationCode,
    verifiedAt: o.verifiedAt,
    validUntil: o.validUntil,
    submittedAt: o.submittedAt,
    updatedAt: o.updatedAt,
    ...o.content,
  };
}

/** One order with what this viewer may do to it, its versions and its audit trail. */
export async function getJobOrderDetail(deps: Deps, actor: Actor, id: string) {
  const { order, role } = await loadVisible(deps, actor, id);
  const [versions, events, findings] = await Promise.all([
    listVersions(deps.db, order.id),
    listEvents(deps.db, order.id),
    role === "mission" || role === "ministry" ? currentFindings(deps.db, order) : Promise.resolve([]),
  ]);
  const actions = role === "agency" ? [] : availableActions(order.status, role);
  // candidates on the order: an agency's own shortlist, or (for its employer) those proposed to it
  const candidates =
    role === "agency" || role === "owner"
      ? await countCandidates(
          deps.db,
          order.id,
          role === "agency" ? { agencyId: actor.orgId } : { stages: EMPLOYER_STAGES },
        )
      : 0;
  // Agencies see verified orders but not their history or the employer's legal snapshot.
  const showHistory = role !== "agency";
  return {
    order: presentOrder(order),
    role,
    actions,
    findings,
    candidates,
    versions: showHistory
      ? versions.map((v) => ({
          version: v.version,
          submittedAt: v.submittedAt,
          employer: v.employer,
          decision: v.decision,
          reason: v.reason,
          note: v.note,
          decidedAt: v.decidedAt,
          decidedBy: v.decidedByOrgName,
        }))
      : [],
    events: showHistory
      ? events.map((e) => ({
          id: e.id,
          action: e.action,
          at: e.createdAt,
          who: e.userName ?? e.actorLabel ?? "",
          org: e.orgName,
          changes: e.changes,
        }))
      : [],
  };
}

/** What an organisation's job-order list shows: an employer its own, a mission those for its countries. */
function scopeFor(kind: string, orgId: string, countries: readonly string[], role: string): ListFilter {
  switch (kind) {
    case "employer":
      return { employerOrgId: orgId };
    case "mission":
      return {
        countries,
        statuses: ["submitted", "verified", "returned", "rejected", "filled", "closed", "expired", "revoked"],
      };
    case "ministry":
      return role === "admin"
        ? { statuses: ["submitted", "verified", "returned", "rejected", "filled", "closed", "expired", "revoked"] }
        : { statuses: [] };
    default:
      return { statuses: ["verified"] };
  }
}

export async function listJobOrdersFor(
  deps: Deps,
  actor: Actor,
  opts: { status?: JobOrderState; country?: string; sector?: string; page: number },
) {
  const org = await actorOrg(deps.db, actor);
  const scope = scopeFor(org.kind, org.id, org.countries, actor.role);
  const statuses = opts.status ? (scope.statuses ?? [opts.status]).filter((s) => s === opts.status) : scope.statuses;
  const filter: ListFilter = { ...scope, statuses, country: opts.country, sector: opts.sector };
  const [total, counts] = await Promise.all([
    countJobOrders(deps.db, filter),
    countByStatus(deps.db, { ...scope, country: opts.country, sector: opts.sector }),
  ]);
  const { page, pages, limit, offset } = pageWindow(total, opts.page, PAGE_SIZE);
  const rows = await listJobOrders(deps.db, filter, { limit, offset, order: "updated" });
  return { rows, total, page, pages, counts };
}

/** A mission's queue: submitted orders for its countries, oldest submission first, with counts per country. */
export async function verificationQueue(
  deps: Deps,
  actor: Actor,
  opts: { country?: string; sector?: string; page: number },
) {
  const org = await actorOrg(deps.db, actor);
  if (org.kind !== "mission") return null;
  const base: ListFilter = { countries: org.countries, statuses: ["submitted"] };
  const filter: ListFilter = { ...base, country: opts.country, sector: opts.sector };
  const [total, byCountry] = await Promise.all([countJobOrders(deps.db, filter), countByCountry(deps.db, base)]);
  const { page, pages, limit, offset } = pageWindow(total, opts.page, PAGE_SIZE);
  const rows = await listJobOrders(deps.db, filter, { limit, offset, order: "queue" });
  return { countries: org.countries, rows, total, page, pages, byCountry };
}

/** The public board: verified, still valid, with open positions. */
export async function publicBoard(
  deps: Deps,
  opts: { country?: string; sector?: string; iscoCode?: string; page: number },
) {
  const filter: ListFilter = {
    statuses: ["verified"],
    openOnly: true,
    validOn: isoDay(deps.now()),
    country: opts.country,
    sector: opts.sector,
    iscoCode: opts.iscoCode,
  };
  const total = await countJobOrders(deps.db, filter);
  const { page, pages, limit, offset } = pageWindow(total, opts.page, PAGE_SIZE);
  const rows = await listJobOrders(deps.db, filter, { limit, offset, order: "board" });
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => ({
      reference: r.reference,
      title: r.title,
      iscoCode: r.iscoCode,
      sector: r.sector,
      country: r.country,
      city: r.content.city ?? null,
      employerName: r.employerName,
      open: r.positions - r.positionsFilled,
      wageAmount: r.content.wageAmount,
      wageCurrency: r.content.wageCurrency,
      wagePeriod: r.content.wagePeriod,
      contractMonths: r.contractMonths,
      startDate: r.startDate,
      verificationCode: r.verificationCode,
    })),
  };
}
