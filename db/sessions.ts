import type { Db } from "./client";

export async function insertSession(db: Db, s: { id: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto("sessions").values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt }).execute();
}

export async function findLiveSession(db: Db, id: string, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["id", "user_id", "expires_at"])
    .where("id", "=", id)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of an organisation's users (a licence suspended or revoked). */
export async function deleteSessionsOfOrg(db: Db, orgId: string): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where("user_id", "in", (eb) => eb.selectFrom("users").select("id").where("org_id", "=", orgId))
    .execute();
}

/** Expired sessions are swept per user when that user signs in again (indexed by user_id). */
export async function deleteExpiredSessionsOf(db: Db, userId: string, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).where("expires_at", "<=", now).execute();
}
