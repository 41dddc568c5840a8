import { sql } from "kysely";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import type { Db } from "./client";
import type { JobOrder, JobOrderEvent, JobOrderVersion } from "./schema";

/** The columns filtered on, derived from the validated content in one place. */
function columnsOf(input: JobOrderInput) {
  return {
    title: input.title,
    isco_code: input.iscoCode,
    sector: input.sector,
    country: input.country,
    positions: input.positions,
    start_date: input.startDate,
    contract_months: input.contractMonths,
    content: JSON.stringify(input),
  };
}

/**
 * A job order outside db/, its columns in camelCase. The use cases that decide and move orders still take the row
 * (JobOrder), which is used too widely to replace in one go; what they hand to routes goes through here.
 */
export function jobOrderRecordOf(o: JobOrder) {
  return {
    id: o.id,
    reference: o.reference,
    employerOrgId: o.employer_org_id,
    status: o.status,
    version: o.version,
    title: o.title,
    iscoCode: o.isco_code,
    sector: o.sector,
    country: o.country,
    positions: o.positions,
    positionsFilled: o.positions_filled,
    startDate: o.start_date,
    contractMonths: o.contract_months,
    content: o.content,
    submittedAt: o.submitted_at,
    verificationCode: o.verification_code,
    verifiedByOrgId: o.verified_by_org_id,
    verifiedAt: o.verified_at,
    validUntil: o.valid_until,
    statusChangedAt: o.status_changed_at,
    createdBy: o.created_by,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}
export type JobOrderRecord = ReturnType<typeof jobOrderRecordOf>;

export async function insertJobOrder(
  db: Db,
  employerOrgId: string,
  input: JobOrderInput,
  createdBy: string | null,
): Promise<JobOrder> {
  return db
    .insertInto("job_orders")
    .values({ employer_org_id: employerOrgId, created_by: createdBy, ...columnsOf(input) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces the content, only while the order is still in `state` (false when it moved on meanwhile). */
export async function updateJobOrderContent(
  db: Db,
  id: string,
  state: JobOrderState,
  input: JobOrderInput,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable("job_orders")
    .set({ ...columnsOf(input), updated_at: at })
    .where("id", "=", id)
    .where("status", "=", state)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function findJobOrder(db: Db, id: string): Promise<JobOrder | undefined> {
  return db.selectFrom("job_orders").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks the row for the rest of the transaction: transitions are decided on fresh state. */
export async function lockJobOrder(db: Db, id: string): Promise<JobOrder | undefined> {
  return db.selectFrom("job_orders").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function findByVerificationCode(db: Db, code: string) {
  return db
    .selectFrom("job_orders as j")
    .innerJoin("organisations as e", "e.id", "j.employer_org_id")
    .leftJoin("organisations as m", "m.id", "j.verified_by_org_id")
    .select([
      "j.id",
      "j.reference",
      "j.title",
      "j.isco_code",
      "j.sector",
      "j.country",
      "j.positions",
      "j.positions_filled",
      "j.status",
      "j.status_changed_at",
      "j.verified_at",
      "j.valid_until",
      "j.content",
      "j.verification_code",
      "e.name as employer_name",
      "e.country as employer_country",
      "m.name as mission_name",
    ])
    .where("j.verification_code", "=", code)
    .executeTakeFirst();
}

export type JobOrderPatch = Partial<
  Pick<
    JobOrder,
    | "status"
    | "version"
    | "submitted_at"
    | "verification_code"
    | "verified_by_org_id"
    | "verified_at"
    | "valid_until"
    | "positions_filled"
  >
>;

export async function patchJobOrder(db: Db, id: string, patch: JobOrderPatch, at: Date): Promise<void> {
  await db
    .updateTable("job_orders")
    .set({ ...patch, updated_at: at, ...(patch.status ? { status_changed_at: at } : {}) })
    .where("id", "=", id)
    .execute();
}

export interface ListFilter {
  employerOrgId?: string;
  statuses?: readonly JobOrderState[];
  countries?: readonly string[];
  country?: string;
  sector?: string;
  iscoCode?: string;
  openOnly?: boolean;
  validOn?: string;
}

function filtered(db: Db, f: ListFilter) {
  let q = db.selectFrom("job_orders as j").innerJoin("organisations as e", "e.id", "j.employer_org_id");
  if (f.employerOrgId) q = q.where("j.employer_org_id", "=", f.employerOrgId);
  if (f.statuses) q = q.where("j.status", "in", f.statuses.length ? [...f.statuses] : ["__none__" as JobOrderState]);
  if (f.countries) q = q.where("j.country", "in", f.countries.length ? [...f.countries] : ["__"]);
  if (f.country) q = q.where("j.country", "=", f.country);
  if (f.sector) q = q.where("j.sector", "=", f.sector);
  if (f.iscoCode) q = q.where("j.isco_code", "=", f.iscoCode);
  if (f.openOnly) q = q.whereRef("j.positions_filled", "<", "j.positions");
  if (f.validOn) q = q.where("j.valid_until", ">=", f.validOn);
  return q;
}

export async function listJobOrders(
  db: Db,
  f: ListFilter,
  page: { limit: number; offset: number; order: "updated" | "queue" | "board" },
) {
  let q = filtered(db, f).select([
    "j.id",
    "j.reference",
    "j.title",
    "j.isco_code",
    "j.sector",
    "j.country",
    "j.positions",
    "j.positions_filled",
    "j.status",
    "j.start_date",
    "j.contract_months",
    "j.submitted_at",
    "j.updated_at",
    "j.verification_code",
    "j.valid_until",
    "j.content",
    "e.name as employer_name",
  ]);
  q =
    page.order === "queue"
      ? q.orderBy("j.submitted_at", "asc")
      : page.order === "board"
        ? q.orderBy("j.verified_at", "desc")
        : q.orderBy("j.updated_at", "desc");
  const rows = await q.orderBy("j.id").limit(page.limit).offset(page.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    iscoCode: r.isco_code,
    sector: r.sector,
    country: r.country,
    positions: r.positions,
    positionsFilled: r.positions_filled,
    status: r.status,
    startDate: r.start_date,
    contractMonths: r.contract_months,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    verificationCode: r.verification_code,
    validUntil: r.valid_until,
    content: r.content,
    employerName: r.employer_name,
  }));
}
export type JobOrderListing = Awaited<ReturnType<typeof listJobOrders>>[number];

export async function countJobOrders(db: Db, f: ListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countByStatus(db: Db, f: ListFilter): Promise<Record<string, number>> {
  const rows = await filtered(db, f)
    .select(["j.status", sql<number>`count(*)::int`.as("n")])
    .groupBy("j.status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function countByCountry(db: Db, f: ListFilter): Promise<Record<string, number>> {
  const rows = await filtered(db, f)
    .select(["j.country", sql<number>`count(*)::int`.as("n")])
    .groupBy("j.country")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.country, r.n]));
}

/** Verified orders whose validity ended before `today`; returns their ids. */
export async function findDueToExpire(db: Db, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom("job_orders")
    .select("id")
    .where("status", "=", "verified")
    .where("valid_until", "<", today)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertVersion(
  db: Db,
  v: Omit<
    JobOrderVersion,
    "id" | "submitted_at" | "decision" | "reason" | "note" | "decided_by_user" | "decided_by_org" | "decided_at"
  >,
): Promise<void> {
  await db
    .insertInto("job_order_versions")
    .values({
      ...v,
      content: JSON.stringify(v.content),
      employer: JSON.stringify(v.employer),
      findings: JSON.stringify(v.findings),
    })
    .execute();
}

export async function decideVersion(
  db: Db,
  jobOrderId: string,
  version: number,
  d: {
    decision: "approve" | "return" | "reject";
    reason: string | null;
    note: string | null;
    userId: string | null;
    orgId: string;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable("job_order_versions")
    .set({
      decision: d.decision,
      reason: d.reason,
      note: d.note,
      decided_by_user: d.userId,
      decided_by_org: d.orgId,
      decided_at: d.at,
    })
    .where("job_order_id", "=", jobOrderId)
    .where("version", "=", version)
    .execute();
}

/** Every submitted version of the order with its decision, newest first. */
export async function listVersions(db: Db, jobOrderId: string) {
  const rows = await db
    .selectFrom("job_order_versions as v")
    .leftJoin("organisations as m", "m.id", "v.decided_by_org")
    .selectAll("v")
    .select("m.name as decided_by_org_name")
    .where("v.job_order_id", "=", jobOrderId)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((v) => ({
    id: v.id,
    version: v.version,
    content: v.content,
    employer: v.employer,
    findings: v.findings,
    submittedAt: v.submitted_at,
    submittedBy: v.submitted_by,
    decision: v.decision,
    reason: v.reason,
    note: v.note,
    decidedByUser: v.decided_by_user,
    decidedByOrg: v.decided_by_org,
    decidedByOrgName: v.decided_by_org_name,
    decidedAt: v.decided_at,
  }));
}

export async function insertEvent(
  db: Db,
  e: Omit<JobOrderEvent, "id" | "created_at" | "changes"> & { changes?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("job_order_events")
    .values({ ...e, changes: JSON.stringify(e.changes ?? {}) })
    .execute();
}

/** The order's audit trail, newest first, with the acting user's and organisation's names. */
export async function listEvents(db: Db, jobOrderId: string) {
  const rows = await db
    .selectFrom("job_order_events as ev")
    .leftJoin("users as u", "u.id", "ev.actor_user_id")
    .leftJoin("organisations as o", "o.id", "ev.actor_org_id")
    .select([
      "ev.id",
      "ev.action",
      "ev.from_status",
      "ev.to_status",
      "ev.changes",
      "ev.created_at",
      "ev.actor_label",
      "u.name as user_name",
      "o.name as org_name",
    ])
    .where("ev.job_order_id", "=", jobOrderId)
    .orderBy("ev.id", "desc")
    .execute();
  return rows.map((e) => ({
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    changes: e.changes,
    createdAt: e.created_at,
    actorLabel: e.actor_label,
    userName: e.user_name,
    orgName: e.org_name,
  }));
}
