import { sql } from "kysely";
import type { Db } from "./client";

/** Records an attempt as failed until proven otherwise; returns its id. */
export async function recordLoginAttempt(db: Db, a: { email: string; ip: string }): Promise<string> {
  const row = await db.insertInto("login_attempts").values({ ...a, succeeded: false }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function markLoginSucceeded(db: Db, id: string): Promise<void> {
  await db.updateTable("login_attempts").set({ succeeded: true }).where("id", "=", id).execute();
}

export async function countRecentFailuresForEmail(db: Db, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("email", "=", email)
    .where("succeeded", "=", false)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countRecentAttemptsFromIp(db: Db, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("ip", "=", ip)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return row.n;
}
