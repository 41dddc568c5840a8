import { sql } from "kysely";
import type { Db } from "./client";
import type { Role } from "~/domain/org";
import { orgOf, type Org } from "./orgs";
import type { NewUser, User } from "./schema";

/** A user outside db/ (without the password hash): what pages, sessions and member lists read. */
export interface UserRecord {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  createdAt: Date;
}

const userOf = (u: User): UserRecord => ({
  id: u.id,
  orgId: u.org_id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale,
  createdAt: u.created_at,
});

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  return db.insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

export async function listOrgMembers(db: Db, orgId: string): Promise<UserRecord[]> {
  return (await db.selectFrom("users").selectAll().where("org_id", "=", orgId).orderBy("created_at").execute()).map(
    userOf,
  );
}

export async function countOrgMembers(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A user's display name (null once the user is gone). */
export async function findUserName(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst();
  return row?.name ?? null;
}

/** Where the users of these organisations get their mail, and in which language (null: not chosen). */
export async function listRecipients(
  db: Db,
  orgIds: readonly string[],
): Promise<{ email: string; locale: string | null }[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["email", "locale"])
    .where("org_id", "in", [...orgIds])
    .execute();
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}

export interface UserWithOrg {
  user: UserRecord;
  org: Org;
}

/** The user and their organisation in one query: every authenticated request needs both. */
export async function findUserWithOrg(db: Db, userId: string): Promise<UserWithOrg | undefined> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("organisations as o", "o.id", "u.org_id")
    .selectAll("u")
    .select((eb) => eb.fn.toJson("o").as("org"))
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { org, ...user } = row;
  return { user: userOf(user), org: orgOf({ ...org, created_at: new Date(org.created_at as unknown as string) }) };
}
