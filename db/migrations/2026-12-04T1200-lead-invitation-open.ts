import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A lead has at most one open invitation (not accepted, not revoked): two staff pressing "Invite" at once make
  // one link, not two live ones. An expired invitation is revoked in the transaction that makes the next.
  await sql`create unique index lead_invitations_one_open on lead_invitations (lead_id)
    where accepted_at is null and revoked_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index lead_invitations_one_open`.execute(db);
}
