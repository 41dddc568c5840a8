import { sql, type Selectable } from "kysely";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import type { Db } from "./client";
import { leadOf, type Lead } from "./leads";
import type { LeadStatus, LeadsTable } from "./schema";

// The staff's follow-up of booth leads (issue 14, slice 5): the list, the lead's page, the staff's changes, erasure
// and retention. The lead row and its mapping live in leads.ts.

/** A lead as the follow-up list and page show it: with its linked order's state and its owner's name. */
export interface LeadFollowUp {
  lead: Lead;
  orderState: JobOrderState | null;
  orderReference: string | null;
  ownerName: string | null;
}

export interface LeadListFilter {
  /** staff stages: no order and this status; order stages: the order in one of these states */
  stage?: { status: LeadStatus } | { orderStates: readonly JobOrderState[] };
  /** a user's id (their own leads), or null (nobody's) */
  ownerId?: string | null;
  /** only leads whose follow-up date is before this day and still wait on staff (lead-stage.ts isOverdue) */
  overdueBefore?: string;
}

function followUpQuery(db: Db, eventId: string, f: LeadListFilter) {
  let q = db
    .selectFrom("leads as l")
    .leftJoin("job_orders as o", "o.id", "l.job_order_id")
    .leftJoin("users as u", "u.id", "l.owner_id")
    .where("l.event_id", "=", eventId);
  const stage = f.stage;
  if (stage && "status" in stage) q = q.where("o.id", "is", null).where("l.status", "=", stage.status);
  if (stage && "orderStates" in stage)
    q = stage.orderStates.length ? q.where("o.status", "in", stage.orderStates) : q.where(sql<boolean>`false`);
  if (f.ownerId === null) q = q.where("l.owner_id", "is", null);
  else if (f.ownerId !== undefined) q = q.where("l.owner_id", "=", f.ownerId);
  if (f.overdueBefore !== undefined)
    q = q.where("l.follow_up_on", "<", f.overdueBefore).where("o.id", "is", null).where("l.status", "<>", "closed");
  return q;
}

const followUpOf = (
  r: Selectable<LeadsTable> & {
    order_status: JobOrderState | null;
    order_reference: string | null;
    owner_name: string | null;
  },
): LeadFollowUp => ({
  lead: leadOf(r),
  orderState: r.order_status,
  orderReference: r.order_reference,
  ownerName: r.owner_name,
});

export async function countFollowUps(db: Db, eventId: string, f: LeadListFilter): Promise<number> {
  const r = await followUpQuery(db, eventId, f)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A page of an event's leads, newest first. */
export async function listFollowUps(
  db: Db,
  eventId: string,
  f: LeadListFilter,
  page: { limit: number; offset: number },
): Promise<LeadFollowUp[]> {
  const rows = await followUpQuery(db, eventId, f)
    .selectAll("l")
    .select(["o.status as order_status", "o.reference as order_reference", "u.name as owner_name"])
    .orderBy("l.received_at", "desc")
    .orderBy("l.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(followUpOf);
}

/** One lead of the event (none for another event's lead), with its order and owner. */
export async function findFollowUp(db: Db, eventId: string, leadId: string): Promise<LeadFollowUp | undefined> {
  const row = await followUpQuery(db, eventId, {})
    .selectAll("l")
    .select(["o.status as order_status", "o.reference as order_reference", "u.name as owner_name"])
    .where("l.id", "=", leadId)
    .executeTakeFirst();
  return row && followUpOf(row);
}

/** Locks the event's lead for a change (none: not this event's). */
export async function lockEventLead(db: Db, eventId: string, leadId: string): Promise<Lead | undefined> {
  const row = await db
    .selectFrom("leads")
    .selectAll()
    .where("id", "=", leadId)
    .where("event_id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  return row && leadOf(row);
}

export async function patchLeadFollowUp(
  db: Db,
  leadId: string,
  patch: { status?: LeadStatus; ownerId?: string | null; followUpOn?: string | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable("leads")
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.followUpOn !== undefined ? { follow_up_on: patch.followUpOn } : {}),
      updated_at: at,
    })
    .where("id", "=", leadId)
    .execute();
}

export interface LeadEventRecord {
  id: string;
  kind: string;
  detail: Record<string, unknown>;
  note: string | null;
  actorUserId: string | null;
  actorName: string | null;
  at: Date;
}

/** A lead's history, oldest first, with who acted. */
export async function listLeadEvents(db: Db, leadId: string): Promise<LeadEventRecord[]> {
  const rows = await db
    .selectFrom("lead_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select(["e.id", "e.kind", "e.detail", "e.note", "e.actor_user_id", "u.name as actor_name", "e.at"])
    .where("e.lead_id", "=", leadId)
    .orderBy("e.at")
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    detail: r.detail,
    note: r.note,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    at: r.at,
  }));
}

export interface LeadInvitationRecord {
  email: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export async function listLeadInvitations(db: Db, leadId: string): Promise<LeadInvitationRecord[]> {
  const rows = await db
    .selectFrom("lead_invitations")
    .select(["email", "created_at", "expires_at", "accepted_at", "revoked_at"])
    .where("lead_id", "=", leadId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    email: r.email,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Erases the person behind a lead, in the caller's transaction: the personal fields are nulled, the notes' text
 * deleted (the history keeps that a note was written, not what it said), an invitation's address blanked and a
 * pending one revoked; the status becomes closed and the follow-up date goes. What stays is anonymous: the
 * vacancy, the consent flags and version, the dates, the stage reached (decision 019, "Follow-up").
 */
export async function erasePersonalData(db: Db, leadId: string, at: Date): Promise<void> {
  await db
    .updateTable("leads")
    .set({
      name: null,
      company: null,
      job_title: null,
      email: null,
      phone: null,
      country: null,
      website: null,
      status: "closed",
      follow_up_on: null,
      erased_at: at,
      updated_at: at,
    })
    .where("id", "=", leadId)
    .execute();
  await db
    .updateTable("lead_events")
    .set({ note: null })
    .where("lead_id", "=", leadId)
    .where("note", "is not", null)
    .execute();
  await db
    .updateTable("lead_invitations")
    .set({
      email: "",
      revoked_at: sql<Date>`coalesce(revoked_at, case when accepted_at is null then ${at}::timestamptz end)`,
    })
    .where("lead_id", "=", leadId)
    .execute();
}

/**
 * Leads whose event's retention period is over on `today` (its last day + lead_retention_days is before today),
 * not converted (no employer organisation) and not erased yet, at most `limit`, locked for the sweep (another
 * sweep skips them).
 */
export async function lockExpiredLeads(
  db: Db,
  today: string,
  limit: number,
): Promise<{ id: string; eventId: string }[]> {
  const rows = await db
    .selectFrom("leads as l")
    .innerJoin("events as ev", "ev.id", "l.event_id")
    .select(["l.id", "l.event_id"])
    .where("l.erased_at", "is", null)
    .where("l.employer_org_id", "is", null)
    .where(sql<boolean>`ev.ends_on + ev.lead_retention_days < ${today}::date`)
    .orderBy("l.id")
    .limit(limit)
    .forUpdate("l")
    .skipLocked()
    .execute();
  return rows.map((r) => ({ id: r.id, eventId: r.event_id }));
}

/**
 * Links a lead to the employer's organisation and job order it became (the invitation's acceptance and the order
 * saved from it do this; tests arrange a converted lead with it).
 */
export async function linkLeadToOrder(
  db: Db,
  leadId: string,
  link: { employerOrgId: string | null; jobOrderId: string | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable("leads")
    .set({ employer_org_id: link.employerOrgId, job_order_id: link.jobOrderId, updated_at: at })
    .where("id", "=", leadId)
    .execute();
}
