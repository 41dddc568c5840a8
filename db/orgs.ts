import { sql } from "kysely";
import type { LicenceState, OrgKind } from "~/domain/org";
import type { Db } from "./client";
import type { NewOrganisation, Organisation, OrganisationUpdate } from "./schema";

/** An organisation outside db/: its columns in camelCase, the licence columns as the domain's licence state. */
export interface Org {
  id: string;
  kind: OrgKind;
  slug: string;
  name: string;
  /** employer: where the company is registered */
  country: string | null;
  /** mission: the destination countries it verifies job orders for */
  countries: string[];
  licenceNumber: string | null;
  licence: LicenceState;
  registrationNumber: string | null;
  address: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: Date;
}

const licenceOf = (
  o: Pick<Organisation, "licence_status" | "licence_suspended_until" | "licence_valid_until">,
): LicenceState => ({
  status: o.licence_status,
  suspendedUntil: o.licence_suspended_until,
  validUntil: o.licence_valid_until,
});

export function orgOf(o: Organisation): Org {
  return {
    id: o.id,
    kind: o.kind,
    slug: o.slug,
    name: o.name,
    country: o.country,
    countries: o.countries,
    licenceNumber: o.licence_number,
    licence: licenceOf(o),
    registrationNumber: o.registration_number,
    address: o.address,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
    createdAt: o.created_at,
  };
}

export async function insertOrg(db: Db, org: NewOrganisation): Promise<Org> {
  return orgOf(await db.insertInto("organisations").values(org).returningAll().executeTakeFirstOrThrow());
}

export async function findOrgBySlug(db: Db, slug: string): Promise<Org | undefined> {
  const row = await db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row && orgOf(row);
}

export async function findOrgById(db: Db, id: string): Promise<Org | undefined> {
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  return row && orgOf(row);
}

export async function updateOrg(db: Db, id: string, patch: OrganisationUpdate): Promise<void> {
  await db.updateTable("organisations").set(patch).where("id", "=", id).execute();
}

export async function countOrgs(db: Db, kind?: OrgKind): Promise<number> {
  let q = db.selectFrom("organisations").select(sql<number>`count(*)::int`.as("n"));
  if (kind) q = q.where("kind", "=", kind);
  return (await q.executeTakeFirstOrThrow()).n;
}

export async function listOrgs(db: Db, opts: { kind?: OrgKind; limit: number; offset: number }): Promise<Org[]> {
  let q = db.selectFrom("organisations").selectAll().orderBy("created_at", "desc").orderBy("id");
  if (opts.kind) q = q.where("kind", "=", opts.kind);
  return (await q.limit(opts.limit).offset(opts.offset).execute()).map(orgOf);
}

/** Every agency with its licence, for deciding which agencies' profiles may be matched. */
export async function listAgencyLicences(db: Db): Promise<{ id: string; name: string; licence: LicenceState }[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name", "licence_status", "licence_suspended_until", "licence_valid_until"])
    .where("kind", "=", "agency")
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, licence: licenceOf(r) }));
}
