import type { Selectable } from "kysely";
import type { Vacancy } from "~/domain/booth/vacancy";
import type { Db } from "./client";
import type { LeadStatus, LeadsTable } from "./schema";

/** A booth lead outside db/: camelCase, the vacancy typed. Personal fields are null once erased. */
export interface Lead {
  id: string;
  eventId: string;
  deviceId: string | null;
  source: "kiosk" | "phone";
  capturedAt: Date;
  receivedAt: Date;
  locale: string;
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  website: string | null;
  consentContact: boolean;
  consentShare: boolean;
  consentVersion: string;
  vacancy: Vacancy;
  status: LeadStatus;
  ownerId: string | null;
  followUpOn: string | null;
  employerOrgId: string | null;
  jobOrderId: string | null;
  erasedAt: Date | null;
  updatedAt: Date;
}

export const leadOf = (r: Selectable<LeadsTable>): Lead => ({
  id: r.id,
  eventId: r.event_id,
  deviceId: r.device_id,
  source: r.source,
  capturedAt: r.captured_at,
  receivedAt: r.received_at,
  locale: r.locale,
  name: r.name,
  company: r.company,
  jobTitle: r.job_title,
  email: r.email,
  phone: r.phone,
  country: r.country,
  website: r.website,
  consentContact: r.consent_contact,
  consentShare: r.consent_share,
  consentVersion: r.consent_version,
  vacancy: r.vacancy as unknown as Vacancy,
  status: r.status,
  ownerId: r.owner_id,
  followUpOn: r.follow_up_on,
  employerOrgId: r.employer_org_id,
  jobOrderId: r.job_order_id,
  erasedAt: r.erased_at,
  updatedAt: r.updated_at,
});

export interface NewLead {
  id: string;
  eventId: string;
  deviceId: string | null;
  source: "kiosk" | "phone";
  capturedAt: Date;
  locale: string;
  name: string;
  company: string;
  jobTitle: string | null;
  email: string;
  phone: string | null;
  country: string;
  website: string | null;
  consentContact: boolean;
  consentShare: boolean;
  consentVersion: string;
  vacancy: Vacancy;
}

/**
 * Stores a lead under its client-made id, once: a second arrival of the same id changes nothing and answers
 * `stored: false` with the lead already there (whose event and device the caller compares).
 */
export async function insertLeadOnce(
  db: Db,
  l: NewLead,
  at: Date,
): Promise<{ stored: true; lead: Lead } | { stored: false; existing: Lead }> {
  const row = await db
    .insertInto("leads")
    .values({
      id: l.id,
      event_id: l.eventId,
      device_id: l.deviceId,
      source: l.source,
      captured_at: l.capturedAt,
      received_at: at,
      locale: l.locale,
      name: l.name,
      company: l.company,
      job_title: l.jobTitle,
      email: l.email,
      phone: l.phone,
      country: l.country,
      website: l.website,
      consent_contact: l.consentContact,
      consent_share: l.consentShare,
      consent_version: l.consentVersion,
      vacancy: JSON.stringify(l.vacancy),
      updated_at: at,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return { stored: true, lead: leadOf(row) };
  const existing = await db.selectFrom("leads").selectAll().where("id", "=", l.id).executeTakeFirstOrThrow();
  return { stored: false, existing: leadOf(existing) };
}

export async function findLead(db: Db, id: string): Promise<Lead | undefined> {
  const row = await db.selectFrom("leads").selectAll().where("id", "=", id).executeTakeFirst();
  return row && leadOf(row);
}

export async function countEventLeads(db: Db, eventId: string): Promise<number> {
  const r = await db
    .selectFrom("leads")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("event_id", "=", eventId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type LeadEventKind =
  | "captured"
  | "status"
  | "owner"
  | "follow_up"
  | "note"
  | "invited"
  | "invitation_revoked"
  | "accepted"
  | "order_linked"
  | "exported"
  | "erased";

export async function insertLeadEvent(
  db: Db,
  e: {
    leadId: string;
    actorUserId: string | null;
    kind: LeadEventKind;
    detail?: Record<string, unknown>;
    note?: string;
  },
  at: Date,
): Promise<void> {
  await db
    .insertInto("lead_events")
    .values({
      lead_id: e.leadId,
      actor_user_id: e.actorUserId,
      kind: e.kind,
      detail: JSON.stringify(e.detail ?? {}),
      note: e.note ?? null,
      at,
    })
    .execute();
}
