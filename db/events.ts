import type { Db } from "./client";
import type { EventsTable } from "./schema";
import type { Selectable } from "kysely";

/** A trade-forum event outside db/: its columns in camelCase. */
export interface BoothEvent {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  kioskLocales: string[];
  leadRetentionDays: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const eventOf = (e: Selectable<EventsTable>): BoothEvent => ({
  id: e.id,
  slug: e.slug,
  name: e.name,
  city: e.city,
  country: e.country,
  venue: e.venue,
  startsOn: e.starts_on,
  endsOn: e.ends_on,
  kioskLocales: e.kiosk_locales,
  leadRetentionDays: e.lead_retention_days,
  createdBy: e.created_by,
  createdAt: e.created_at,
  updatedAt: e.updated_at,
});

export interface EventFields {
  slug: string;
  name: string;
  city: string;
  country: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  kioskLocales: string[];
  leadRetentionDays: number;
}

export async function insertEvent(db: Db, e: EventFields & { createdBy: string | null }): Promise<BoothEvent> {
  const row = await db
    .insertInto("events")
    .values({
      slug: e.slug,
      name: e.name,
      city: e.city,
      country: e.country,
      venue: e.venue,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      kiosk_locales: e.kioskLocales,
      lead_retention_days: e.leadRetentionDays,
      created_by: e.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return eventOf(row);
}

export async function updateEvent(
  db: Db,
  id: string,
  e: Omit<EventFields, "slug">,
  at: Date,
): Promise<BoothEvent | undefined> {
  const row = await db
    .updateTable("events")
    .set({
      name: e.name,
      city: e.city,
      country: e.country,
      venue: e.venue,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      kiosk_locales: e.kioskLocales,
      lead_retention_days: e.leadRetentionDays,
      updated_at: at,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row && eventOf(row);
}

export async function findEventBySlug(db: Db, slug: string): Promise<BoothEvent | undefined> {
  const row = await db.selectFrom("events").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row && eventOf(row);
}

export async function findEventById(db: Db, id: string): Promise<BoothEvent | undefined> {
  const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  return row && eventOf(row);
}

/** Every event, latest first; or, with `staffUserId`, only those the user staffs. */
export async function listEvents(db: Db, opts: { staffUserId?: string } = {}): Promise<BoothEvent[]> {
  let q = db.selectFrom("events").selectAll("events");
  if (opts.staffUserId !== undefined) {
    const userId = opts.staffUserId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_staff")
          .select("event_staff.user_id")
          .whereRef("event_staff.event_id", "=", "events.id")
          .where("event_staff.user_id", "=", userId),
      ),
    );
  }
  return (await q.orderBy("starts_on", "desc").orderBy("created_at", "desc").limit(500).execute()).map(eventOf);
}

export interface EventStaffMember {
  userId: string;
  name: string;
  email: string;
  orgName: string;
  addedAt: Date;
}

export async function listEventStaff(db: Db, eventId: string): Promise<EventStaffMember[]> {
  const rows = await db
    .selectFrom("event_staff as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("organisations as o", "o.id", "u.org_id")
    .select(["s.user_id", "u.name", "u.email", "o.name as org_name", "s.added_at"])
    .where("s.event_id", "=", eventId)
    .orderBy("s.added_at")
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    orgName: r.org_name,
    addedAt: r.added_at,
  }));
}

export async function isEventStaff(db: Db, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("event_staff")
    .select("user_id")
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds the user to the event's staff; false when already there. */
export async function insertEventStaff(
  db: Db,
  s: { eventId: string; userId: string; addedBy: string | null },
): Promise<boolean> {
  const r = await db
    .insertInto("event_staff")
    .values({ event_id: s.eventId, user_id: s.userId, added_by: s.addedBy })
    .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteEventStaff(db: Db, eventId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom("event_staff")
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
