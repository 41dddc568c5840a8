import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("workers")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("agency_org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("external_ref", "text")
    // personal data (UU PDP): stored here, never sent to the search index
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("date_of_birth", "date", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull().check(sql`sex in ('female','male')`))
    .addColumn("province_code", "text", (c) => c.notNull())
    .addColumn("regency", "text")
    .addColumn("phone", "text")
    .addColumn("nik", "text")
    .addColumn("passport_number", "text")
    .addColumn("passport_expiry", "date")
    // competencies: experiences, language evidence, certificates, preferred countries
    .addColumn("profile", "jsonb", (c) => c.notNull())
    .addColumn("available_from", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('available','in_process','placed','withdrawn')`),
    )
    .addColumn("consent_matching", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("consent_recorded_at", "timestamptz")
    .addColumn("consent_recorded_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index workers_agency_ref_key on workers (agency_org_id, external_ref) where external_ref is not null`.execute(
    db,
  );
  await db.schema.createIndex("workers_agency_nik_idx").on("workers").columns(["agency_org_id", "nik"]).execute();
  await db.schema
    .createIndex("workers_agency_passport_idx")
    .on("workers")
    .columns(["agency_org_id", "passport_number"])
    .execute();

  // Who consented to what, when, recorded by whom (UU PDP consent records).
  await db.schema
    .createTable("worker_consent_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("worker_id", "uuid", (c) => c.notNull().references("workers.id").onDelete("cascade"))
    .addColumn("consent", "boolean", (c) => c.notNull())
    .addColumn("recorded_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Transactional outbox feeding Meilisearch: written in the same transaction as the row it describes.
  await db.schema
    .createTable("search_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "uuid", (c) => c.notNull())
    .addColumn("enqueued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("done_at", "timestamptz")
    .execute();
  await sql`create index search_outbox_pending_idx on search_outbox (next_attempt_at, id) where done_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["search_outbox", "worker_consent_events", "workers"])
    await db.schema.dropTable(t).ifExists().execute();
}
