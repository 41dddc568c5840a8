import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The employer's legal details live on the organisation and are copied into each order at submission.
  await db.schema
    .alterTable("organisations")
    .addColumn("registration_number", "text")
    .addColumn("address", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .execute();

  await sql`create sequence job_order_reference_seq`.execute(db);
  await db.schema
    .createTable("job_orders")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("reference", "text", (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(
          sql`'JO-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('job_order_reference_seq')::text, 5, '0')`,
        ),
    )
    .addColumn("employer_org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('draft','submitted','verified','returned','rejected','filled','closed','expired','revoked')`,
        ),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    // columns the queue, the board and matching filter on; the whole validated order is in `content`
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("isco_code", "text", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("positions", "integer", (c) => c.notNull().check(sql`positions between 1 and 1000`))
    .addColumn("positions_filled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("contract_months", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz")
    .addColumn("verification_code", "text", (c) => c.unique())
    .addColumn("verified_by_org_id", "uuid", (c) => c.references("organisations.id"))
    .addColumn("verified_at", "timestamptz")
    .addColumn("valid_until", "date")
    .addColumn("status_changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("job_orders_filled_within_positions", sql`positions_filled between 0 and positions`)
    .addCheckConstraint(
      "job_orders_verified_has_code",
      sql`status in ('draft','submitted','returned','rejected') or verification_code is not null`,
    )
    .execute();
  await db.schema
    .createIndex("job_orders_employer_idx")
    .on("job_orders")
    .columns(["employer_org_id", "updated_at"])
    .execute();
  await db.schema
    .createIndex("job_orders_queue_idx")
    .on("job_orders")
    .columns(["status", "country", "submitted_at"])
    .execute();

  await db.schema
    .createTable("job_order_versions")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("job_order_id", "uuid", (c) => c.notNull().references("job_orders.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("employer", "jsonb", (c) => c.notNull())
    .addColumn("findings", "jsonb", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decision", "text", (c) => c.check(sql`decision in ('approve','return','reject')`))
    .addColumn("reason", "text")
    .addColumn("note", "text")
    .addColumn("decided_by_user", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_by_org", "uuid", (c) => c.references("organisations.id"))
    .addColumn("decided_at", "timestamptz")
    .addUniqueConstraint("job_order_versions_unique", ["job_order_id", "version"])
    .execute();

  await db.schema
    .createTable("job_order_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("job_order_id", "uuid", (c) => c.notNull().references("job_orders.id").onDelete("cascade"))
    .addColumn("actor_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_org_id", "uuid", (c) => c.references("organisations.id"))
    .addColumn("actor_label", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("changes", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("job_order_events_order_idx")
    .on("job_order_events")
    .columns(["job_order_id", "id"])
    .execute();

  await db.schema
    .createTable("problem_employers")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("employer_org_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("listed_on", "date", (c) => c.notNull())
    .addColumn("listed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("lifted_at", "timestamptz")
    .addColumn("lifted_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index problem_employers_active_key on problem_employers (employer_org_id) where lifted_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("destination_standards")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("isco_code", "text")
    .addColumn("min_wage_amount", sql`numeric(14,2)`)
    .addColumn("min_wage_currency", "text")
    .addColumn("min_wage_period", "text")
    .addColumn("max_hours_per_week", sql`numeric(5,1)`)
    .addColumn("source", "text")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "destination_standards_has_value",
      sql`min_wage_amount is not null or max_hours_per_week is not null`,
    )
    .execute();
  await sql`create unique index destination_standards_key on destination_standards (country, coalesce(isco_code, ''))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "destination_standards",
    "problem_employers",
    "job_order_events",
    "job_order_versions",
    "job_orders",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop sequence if exists job_order_reference_seq`.execute(db);
  await db.schema
    .alterTable("organisations")
    .dropColumn("registration_number")
    .dropColumn("address")
    .dropColumn("contact_email")
    .dropColumn("contact_phone")
    .execute();
}
