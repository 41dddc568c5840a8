import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A trade forum where the ministry runs a booth (issue 14): its dates, the kiosk's languages and how long its
  // leads are kept.
  await db.schema
    .createTable("events")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("country", "char(2)", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull())
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("kiosk_locales", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{en,id}'`)
        .check(sql`kiosk_locales <@ array['en','id']::text[] and cardinality(kiosk_locales) > 0`),
    )
    .addColumn("lead_retention_days", "integer", (c) => c.notNull().check(sql`lead_retention_days between 30 and 730`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("events_dates_check", sql`ends_on >= starts_on`)
    .execute();

  // The booth's staff: ministry or mission users (the service checks the kind).
  await db.schema
    .createTable("event_staff")
    .addColumn("event_id", "uuid", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("added_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_staff_pk", ["event_id", "user_id"])
    .execute();
  await db.schema.createIndex("event_staff_user_idx").on("event_staff").column("user_id").execute();

  // A kiosk's credential, bound to one event: first a one-time enrolment code (sha256, minutes), then a device
  // token (sha256) that replaces it. Neither is stored in plain text.
  await db.schema
    .createTable("kiosk_devices")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("enrol_code_hash", "text", (c) => c.unique())
    .addColumn("enrol_code_expires_at", "timestamptz")
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("enrolled_at", "timestamptz")
    .addColumn("last_seen_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("kiosk_devices_event_idx").on("kiosk_devices").column("event_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("kiosk_devices").execute();
  await db.schema.dropTable("event_staff").execute();
  await db.schema.dropTable("events").execute();
}
