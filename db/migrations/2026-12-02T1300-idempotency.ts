import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // API `Idempotency-Key`s: the first request with a key runs and its answer is kept for 24 hours; a retry with
  // the same key and the same request gets that answer again. `status` is null while the first one runs.
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("org_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_method", "text", (c) => c.notNull())
    .addColumn("request_path", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("response_status", "integer")
    .addColumn("response_content_type", "text")
    .addColumn("response_body", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .addUniqueConstraint("idempotency_keys_org_key", ["org_id", "key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_created_idx").on("idempotency_keys").column("created_at").execute();

  // One-time tokens of creating forms: the token is put in the form by the loader; the first submit with it
  // records what it created, a second submit with the same token is sent to that instead of creating it again.
  await db.schema
    .createTable("form_submissions")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("result_path", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .execute();
  await db.schema.createIndex("form_submissions_created_idx").on("form_submissions").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("form_submissions").execute();
  await db.schema.dropTable("idempotency_keys").execute();
}
