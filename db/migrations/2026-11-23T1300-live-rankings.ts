import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Cached match rankings are kept current by replaying the outbox rows confirmed since they were read
  // (app/services/matching/ranking-cache.server.ts): "which workers were indexed since T" must be an index scan.
  await sql`create index search_outbox_done_idx on search_outbox (done_at) where done_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists search_outbox_done_idx`.execute(db);
}
