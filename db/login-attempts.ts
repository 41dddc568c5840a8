import { sql } from "kysely";
import type { Db } from "./client";

export async function recordLoginAttempt(db: Db, a: { email: string; ip: string; succeeded: boolean }): Promise<void> {
  await db.insertInto("login_attempts").values(a).execute();
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
