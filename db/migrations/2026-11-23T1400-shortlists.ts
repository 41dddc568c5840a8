import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A candidate on a job order: an agency's shortlist entry and its stage. The stat_* columns are the anonymous
  // placement statistics, kept when the worker is erased (worker_id becomes null, notes and history of the
  // person go).
  await db.schema
    .createTable("shortlist_entries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("job_order_id", "uuid", (c) => c.notNull().references("job_orders.id"))
    .addColumn("agency_org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("worker_id", "uuid", (c) => c.references("workers.id").onDelete("set null"))
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .defaultTo("shortlisted")
        .check(
          sql`stage in ('shortlisted','proposed','interview','selected','contract_signed','departed','withdrawn','rejected')`,
        ),
    )
    .addColumn("reason", "text")
    .addColumn("stat_sector", "text", (c) => c.notNull())
    .addColumn("stat_isco_code", "text")
    .addColumn("stat_years", "numeric", (c) => c.notNull())
    .addColumn("stat_province_code", "text", (c) => c.notNull())
    .addColumn("stat_age_band", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("stage_changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("disclosure_consent_at", "timestamptz")
    .addColumn("disclosure_consent_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`create unique index shortlist_entries_order_worker_key on shortlist_entries (job_order_id, worker_id) where worker_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex("shortlist_entries_agency_order_idx")
    .on("shortlist_entries")
    .columns(["agency_org_id", "job_order_id"])
    .execute();
  await db.schema
    .createIndex("shortlist_entries_order_stage_idx")
    .on("shortlist_entries")
    .columns(["job_order_id", "stage"])
    .execute();
  await db.schema.createIndex("shortlist_entries_worker_idx").on("shortlist_entries").columns(["worker_id"]).execute();

  // Every move, by whom. Moves carry no personal data: they stay with the anonymous entry when a worker is erased.
  await db.schema
    .createTable("shortlist_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("entry_id", "uuid", (c) => c.notNull().references("shortlist_entries.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("actor_org_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("actor_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_label", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("shortlist_events_entry_idx")
    .on("shortlist_events")
    .columns(["entry_id", "id"])
    .execute();

  // The agency's private notes on a candidate (may hold personal data: erased with the person).
  await db.schema
    .createTable("shortlist_notes")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("entry_id", "uuid", (c) => c.notNull().references("shortlist_entries.id").onDelete("cascade"))
    .addColumn("author_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_label", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("shortlist_notes_entry_idx").on("shortlist_notes").columns(["entry_id", "id"]).execute();

  // Each time a worker's personal data was shown to an employer: who saw which fields, when, for which order.
  await db.schema
    .createTable("disclosure_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("worker_id", "uuid", (c) => c.notNull().references("workers.id").onDelete("cascade"))
    .addColumn("job_order_id", "uuid", (c) => c.notNull().references("job_orders.id"))
    .addColumn("employer_org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("viewer_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("viewer_label", "text")
    .addColumn("fields", sql`text[]`, (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull().check(sql`via in ('page','api')`))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("disclosure_log_worker_idx").on("disclosure_log").columns(["worker_id", "id"]).execute();

  // In-app notifications, per organisation; no personal data (candidates appear by their order-local code).
  await db.schema
    .createTable("notifications")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("job_order_id", "uuid", (c) => c.references("job_orders.id"))
    .addColumn("entry_id", "uuid", (c) => c.references("shortlist_entries.id").onDelete("set null"))
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await db.schema.createIndex("notifications_org_idx").on("notifications").columns(["org_id", "id"]).execute();

  // Mail waiting for a sender (none yet): written in the same transaction as the notification.
  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("to_email", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sent_at", "timestamptz")
    .addColumn("last_error", "text")
    .execute();
  await sql`create index email_outbox_pending_idx on email_outbox (id) where sent_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "email_outbox",
    "notifications",
    "disclosure_log",
    "shortlist_notes",
    "shortlist_events",
    "shortlist_entries",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
