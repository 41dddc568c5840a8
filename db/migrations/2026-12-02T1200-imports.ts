import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per bulk import of worker profiles: what was asked (mode, rows), how far it got, and how it ended.
  // Written before the first batch and after every batch (counts and heartbeat), so it survives a crash: a
  // 'running' import whose heartbeat is stale is shown, and marked, as 'interrupted'.
  await db.schema
    .createTable("worker_imports")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("agency_org_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_label", "text")
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('api','page','cli')`))
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('valid_only','all_or_nothing')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("running")
        .check(sql`status in ('running','completed','refused','failed','interrupted')`),
    )
    .addColumn("total_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("error_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("batches_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failure", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("heartbeat_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("worker_imports_agency_idx")
    .on("worker_imports")
    .columns(["agency_org_id", "started_at"])
    .execute();
  await sql`create index worker_imports_running_idx on worker_imports (heartbeat_at) where status = 'running'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("worker_imports").execute();
}
