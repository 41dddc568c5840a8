import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per Idempotency-Key (API POSTs) or form key (creating forms), per organisation or user: the first
  // request's fingerprint and, once it succeeded, its answer, which a retry with the same key gets again.
  // 'running' rows are claimed for a few seconds (locked_until); a claim whose process died lapses and the next
  // retry runs the request again. Rows are forgotten after 24 hours (the hourly sweep).
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("running")
        .check(sql`state in ('running','done')`),
    )
    .addColumn("locked_until", "timestamptz", (c) => c.notNull())
    .addColumn("response_status", "integer")
    .addColumn("response_headers", "jsonb")
    .addColumn("response_body", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_created_idx").on("idempotency_keys").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("idempotency_keys").execute();
}
