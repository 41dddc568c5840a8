import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Counters bumped each time Meilisearch confirms a batch of worker changes, per agency concerned ("*" when the
  // agency is unknown, or for a reindex). Match rankings computed from the index are cached against the sum of
  // the counters of their scope: a new sum means the cached ranking may be stale.
  await db.schema
    .createTable("search_generations")
    .addColumn("scope", "text", (c) => c.primaryKey())
    .addColumn("generation", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into search_generations (scope, generation) values ('*', 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("search_generations").ifExists().execute();
}
