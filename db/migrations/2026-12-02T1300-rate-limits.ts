import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // rate-limiter-flexible's RateLimiterPostgres table (created here, not by the library at run time: it is told
  // `tableCreated: true`). Keys are `<rule>:<subject>` (an email can be 254 characters: text, not varchar(255));
  // `expire` is the end of the key's window in epoch milliseconds.
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expire", "bigint")
    .execute();
  await db.schema.createIndex("rate_limits_expire_idx").on("rate_limits").column("expire").execute();

  // Login back-off per (email, client address): attempts since the last success, and when the next one may be
  // checked (docs/decisions/011-abuse-limits.md).
  await db.schema
    .createTable("login_throttles")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("login_throttles_updated_idx").on("login_throttles").column("updated_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("login_throttles").execute();
  await db.schema.dropTable("rate_limits").execute();
}
