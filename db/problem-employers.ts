import type { Db } from "./client";

export async function findActiveListing(db: Db, employerOrgId: string) {
  return db
    .selectFrom("problem_employers")
    .select(["id", "reason", "listed_on"])
    .where("employer_org_id", "=", employerOrgId)
    .where("lifted_at", "is", null)
    .executeTakeFirst();
}

export async function insertListing(
  db: Db,
  l: { employerOrgId: string; reason: string; listedOn: string; listedBy: string | null },
) {
  return db
    .insertInto("problem_employers")
    .values({ employer_org_id: l.employerOrgId, reason: l.reason, listed_on: l.listedOn, listed_by: l.listedBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function liftListing(db: Db, id: string, by: string | null, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("problem_employers")
    .set({ lifted_at: at, lifted_by: by })
    .where("id", "=", id)
    .where("lifted_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The employers on the problem list now, most recently listed first. */
export async function listActiveListings(db: Db) {
  const rows = await db
    .selectFrom("problem_employers as p")
    .innerJoin("organisations as o", "o.id", "p.employer_org_id")
    .select([
      "p.id",
      "p.reason",
      "p.listed_on",
      "o.name as employer_name",
      "o.slug as employer_slug",
      "o.country as employer_country",
    ])
    .where("p.lifted_at", "is", null)
    .orderBy("p.listed_on", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    listedOn: r.listed_on,
    employerName: r.employer_name,
    employerSlug: r.employer_slug,
    employerCountry: r.employer_country,
  }));
}
