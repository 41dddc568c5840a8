import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // "A newly verified order fits N of your workers" (decision 023): the verification writes a job row in its own
  // transaction; a background processor counts per agency through the matching engine and notifies.
  await db.schema
    .createTable("fit_notification_jobs")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("job_order_id", "uuid", (c) => c.notNull().references("job_orders.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("done_at", "timestamptz")
    .execute();
  await sql`create index fit_notification_jobs_pending_idx on fit_notification_jobs (next_attempt_at, id) where done_at is null`.execute(
    db,
  );
  // One row per job and agency told: a job retried after a crash never notifies an agency twice.
  await db.schema
    .createTable("fit_notification_deliveries")
    .addColumn("job_id", "bigint", (c) => c.notNull().references("fit_notification_jobs.id").onDelete("cascade"))
    .addColumn("agency_org_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("delivered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("fit_notification_deliveries_pk", ["job_id", "agency_org_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["fit_notification_deliveries", "fit_notification_jobs"])
    await db.schema.dropTable(t).ifExists().execute();
}
