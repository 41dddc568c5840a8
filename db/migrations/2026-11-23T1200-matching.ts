import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Bumped each time Meilisearch confirms a batch of worker changes (or a reindex is swapped in). Match rankings
  // computed from the index are cached against it: a new value means the cached ranking may be stale.
  await sql`create sequence search_generation`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop sequence if exists search_generation`.execute(db);
}
