import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A visitor's contact and the vacancy they described at a booth (decision 019). The id is the client's own UUID,
  // never defaulted: a lead queued offline and sent twice is stored once. The personal fields are nullable because
  // erasure and the retention sweep null them; the vacancy, the consents and the dates stay as an anonymous demand
  // signal for the event's results.
  await db.schema
    .createTable("leads")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("event_id", "uuid", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("device_id", "uuid", (c) => c.references("kiosk_devices.id").onDelete("set null"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('kiosk', 'phone')`))
    .addColumn("captured_at", "timestamptz", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("company", "text")
    .addColumn("job_title", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("country", "char(2)")
    .addColumn("website", "text")
    .addColumn("consent_contact", "boolean", (c) => c.notNull())
    .addColumn("consent_share", "boolean", (c) => c.notNull())
    .addColumn("consent_version", "text", (c) => c.notNull())
    .addColumn("vacancy", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("new")
        .check(sql`status in ('new', 'contacted', 'invited', 'closed')`),
    )
    .addColumn("owner_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("follow_up_on", "date")
    .addColumn("employer_org_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("job_order_id", "uuid", (c) => c.references("job_orders.id").onDelete("set null"))
    .addColumn("erased_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("leads_event_idx").on("leads").columns(["event_id", "received_at"]).execute();
  await db.schema.createIndex("leads_job_order_idx").on("leads").column("job_order_id").execute();

  // What happened to a lead: captured, status, owner, follow-up date, note, invited, accepted, order linked,
  // exported, erased. Notes are the staff's words about a person: erasure deletes them.
  await db.schema
    .createTable("lead_events")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("lead_id", "uuid", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("actor_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("note", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("lead_events_lead_idx").on("lead_events").columns(["lead_id", "at"]).execute();

  // "Invite to post a job order": a one-time link (sha256 of its token) whose acceptance creates the employer's
  // organisation and opens a draft pre-filled from the lead's vacancy.
  await db.schema
    .createTable("lead_invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("lead_id", "uuid", (c) => c.notNull().references("leads.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("invited_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("org_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("lead_invitations_lead_idx").on("lead_invitations").column("lead_id").execute();

  // The kiosk's QR code: a one-time link (sha256) carrying the vacancy to the visitor's phone, never personal data.
  await db.schema
    .createTable("booth_handoffs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("device_id", "uuid", (c) => c.references("kiosk_devices.id").onDelete("set null"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("vacancy", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("opened_at", "timestamptz")
    .addColumn("lead_id", "uuid", (c) => c.references("leads.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("booth_handoffs").execute();
  await db.schema.dropTable("lead_invitations").execute();
  await db.schema.dropTable("lead_events").execute();
  await db.schema.dropTable("leads").execute();
}
