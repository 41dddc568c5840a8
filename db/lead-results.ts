import { sql } from "kysely";
import type { RawResults } from "~/domain/booth/event-results";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import type { Db } from "./client";

// What a booth event produced, as aggregates only (issue 14, "results"): counts and sums grouped by anonymous
// fields. No personal field of a lead (name, company, email, phone, country, website) is ever selected, and no
// row identifies a lead. Erased leads count: what erasure keeps (the vacancy, the consent flags, the source, the
// order linked) is what is counted here.

const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

async function leadTotals(db: Db, eventId: string): Promise<RawResults["leads"]> {
  const r = await db
    .selectFrom("leads")
    .where("event_id", "=", eventId)
    .select([
      sql<string>`count(*)`.as("total"),
      sql<string>`count(*) filter (where source = 'kiosk')`.as("kiosk"),
      sql<string>`count(*) filter (where source = 'phone')`.as("phone"),
      sql<string>`count(*) filter (where consent_contact)`.as("consent_contact"),
      sql<string>`count(*) filter (where consent_share)`.as("consent_share"),
      sql<string>`count(*) filter (where erased_at is not null)`.as("erased"),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: n(r.total),
    kiosk: n(r.kiosk),
    phone: n(r.phone),
    consentContact: n(r.consent_contact),
    consentShare: n(r.consent_share),
    erased: n(r.erased),
  };
}

/** Leads and the positions they describe, grouped by one field of the vacancy (`iscoCode` or `country`). */
async function vacancyGroups(db: Db, eventId: string, field: "iscoCode" | "country") {
  const key = sql<string>`vacancy ->> ${sql.lit(field)}`;
  const rows = await db
    .selectFrom("leads")
    .where("event_id", "=", eventId)
    .select([
      key.as("code"),
      sql<string>`count(*)`.as("leads"),
      sql<string>`coalesce(sum((vacancy ->> 'positions')::int), 0)`.as("positions"),
    ])
    .groupBy(key)
    .execute();
  return rows.map((r) => ({ code: r.code ?? "", leads: n(r.leads), positions: n(r.positions) }));
}

async function invitationTotals(db: Db, eventId: string, now: Date): Promise<RawResults["invitations"]> {
  const r = await db
    .selectFrom("lead_invitations as i")
    .innerJoin("leads as l", "l.id", "i.lead_id")
    .where("l.event_id", "=", eventId)
    .select([
      sql<string>`count(*)`.as("sent"),
      sql<string>`count(*) filter (where i.accepted_at is not null)`.as("accepted"),
      sql<string>`count(*) filter (where i.accepted_at is null and i.revoked_at is not null)`.as("revoked"),
      sql<string>`count(*) filter (where i.accepted_at is null and i.revoked_at is null and i.expires_at <= ${now})`.as(
        "expired",
      ),
      sql<string>`count(*) filter (where i.accepted_at is null and i.revoked_at is null and i.expires_at > ${now})`.as(
        "pending",
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    sent: n(r.sent),
    accepted: n(r.accepted),
    pending: n(r.pending),
    expired: n(r.expired),
    revoked: n(r.revoked),
  };
}

/** How many leads share each combination of (invited, accepted, linked order's state). */
async function progressGroups(db: Db, eventId: string): Promise<RawResults["progress"]> {
  const invited = sql<boolean>`exists (select 1 from lead_invitations i where i.lead_id = l.id)`;
  const accepted = sql<boolean>`exists (select 1 from lead_invitations i where i.lead_id = l.id and i.accepted_at is not null)`;
  const rows = await db
    .selectFrom("leads as l")
    .leftJoin("job_orders as o", "o.id", "l.job_order_id")
    .where("l.event_id", "=", eventId)
    .select([invited.as("invited"), accepted.as("accepted"), "o.status as state", sql<string>`count(*)`.as("leads")])
    .groupBy([invited, accepted, "o.status"])
    .execute();
  return rows.map((r) => ({
    invited: r.invited,
    accepted: r.accepted,
    orderState: r.state as JobOrderState | null,
    leads: n(r.leads),
  }));
}

/** The distinct job orders linked to the event's leads, by state, with their positions. */
async function orderGroups(db: Db, eventId: string): Promise<RawResults["orders"]> {
  const rows = await db
    .selectFrom("job_orders as o")
    .where("o.id", "in", (eb) =>
      eb
        .selectFrom("leads")
        .select("job_order_id")
        .where("event_id", "=", eventId)
        .where("job_order_id", "is not", null)
        .$narrowType<{ job_order_id: string }>(),
    )
    .select([
      "o.status",
      sql<string>`count(*)`.as("orders"),
      sql<string>`coalesce(sum(o.positions), 0)`.as("positions"),
    ])
    .groupBy("o.status")
    .execute();
  return rows.map((r) => ({ state: r.status, orders: n(r.orders), positions: n(r.positions) }));
}

/** Everything the results page counts for one event, read in parallel. */
export async function readEventResults(db: Db, eventId: string, now: Date): Promise<RawResults> {
  const [leads, byOccupation, byCountry, invitations, progress, orders] = await Promise.all([
    leadTotals(db, eventId),
    vacancyGroups(db, eventId, "iscoCode"),
    vacancyGroups(db, eventId, "country"),
    invitationTotals(db, eventId, now),
    progressGroups(db, eventId),
    orderGroups(db, eventId),
  ]);
  return { leads, byOccupation, byCountry, invitations, progress, orders };
}
