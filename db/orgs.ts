import { sql } from "kysely";
import type { OrgKind } from "~/domain/org";
import type { Db } from "./client";
import type { NewOrganisation, Organisation, OrganisationUpdate } from "./schema";

export async function insertOrg(db: Db, org: NewOrganisation): Promise<Organisation> {
  return db.insertInto("organisations").values(org).returningAll().executeTakeFirstOrThrow();
}

export async function findOrgBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findOrgById(db: Db, id: string): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateOrg(db: Db, id: string, patch: OrganisationUpdate): Promise<void> {
  await db.updateTable("organisations").set(patch).where("id", "=", id).execute();
}

export async function countOrgs(db: Db, kind?: OrgKind): Promise<number> {
  let q = db.selectFrom("organisations").select(sql<number>`count(*)::int`.as("n"));
  if (kind) q = q.where("kind", "=", kind);
  return (await q.executeTakeFirstOrThrow()).n;
}

export async function listOrgs(
  db: Db,
  opts: { kind?: OrgKind; limit: number; offset: number },
): Promise<Organisation[]> {
  let q = db.selectFrom("organisations").selectAll().orderBy("created_at", "desc").orderBy("id");
  if (opts.kind) q = q.where("kind", "=", opts.kind);
  return q.limit(opts.limit).offset(opts.offset).execute();
}

/** Every agency with its licence, for deciding which agencies' profiles may be matched. */
export async function listAgencyLicences(db: Db) {
  return db
    .selectFrom("organisations")
    .select(["id", "name", "licence_status", "licence_suspended_until", "licence_valid_until"])
    .where("kind", "=", "agency")
    .orderBy("name")
    .execute();
}
