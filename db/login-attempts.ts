import type { Db } from "./client";

/** Records an attempt as failed until proven otherwise; returns its id. */
export async function recordLoginAttempt(db: Db, a: { email: string; ip: string }): Promise<string> {
  const row = await db
    .insertInto("login_attempts")
    .values({ ...a, succeeded: false })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markLoginSucceeded(db: Db, id: string): Promise<void> {
  await db.updateTable("login_attempts").set({ succeeded: true }).where("id", "=", id).execute();
}

/** Whether `email` signed in successfully from `ip` since `since`: that place is known to be its owner's. */
export async function signedInFrom(db: Db, email: string, ip: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom("login_attempts")
    .select("id")
    .where("email", "=", email)
    .where("ip", "=", ip)
    .where("succeeded", "=", true)
    .where("created_at", ">", since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
