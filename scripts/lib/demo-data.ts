import type { Deps } from "~/services/deps.server";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { countOrgs, findOrgBySlug } from "~db/orgs";

export const DEMO_PASSWORD = "jembatan-demo";

export const DEMO_LOGINS = [
  { email: "admin@kp2mi.example", org: "kp2mi", what: "ministry administrator" },
  { email: "verifier@kbri-berlin.example", org: "kbri-berlin", what: "mission verifier (Germany, Poland, Czechia)" },
  { email: "hr@aurora-cruises.example", org: "aurora-cruises", what: "employer (cruise line, Malta)" },
  { email: "admin@maju-bersama.example", org: "pt-maju-bersama", what: "placement agency, licence active" },
  { email: "admin@samudra-jaya.example", org: "pt-samudra-jaya", what: "placement agency, licence suspended" },
] as const;

/** Loads the demo organisations and users, through the same use cases as the UI, if the database is empty. */
export async function seedDemoDataIfEmpty(deps: Deps): Promise<boolean> {
  if ((await countOrgs(deps.db)) > 0) return false;
  const cli = { userId: null, label: "seed" };
  await unsafeCreateOrg(deps, { kind: "ministry", slug: "kp2mi", name: "Kementerian P2MI / BP2MI" }, cli);
  await unsafeCreateOrg(deps, { kind: "mission", slug: "kbri-berlin", name: "KBRI Berlin", countries: ["DE", "PL", "CZ"] }, cli);
  await unsafeCreateOrg(deps, { kind: "mission", slug: "kjri-houston", name: "KJRI Houston", countries: ["US"] }, cli);
  await unsafeCreateOrg(deps, { kind: "employer", slug: "aurora-cruises", name: "Aurora Cruises Ltd", country: "MT" }, cli);
  await unsafeCreateOrg(deps, { kind: "employer", slug: "pflege-berlin", name: "Pflegezentrum Berlin GmbH", country: "DE" }, cli);
  await unsafeCreateOrg(deps, { kind: "agency", slug: "pt-maju-bersama", name: "PT Maju Bersama Sejahtera", licenceNumber: "SIP3MI-0142/2024", licenceValidUntil: "2029-06-30" }, cli);
  await unsafeCreateOrg(deps, { kind: "agency", slug: "pt-samudra-jaya", name: "PT Samudra Jaya Abadi", licenceNumber: "SIP3MI-0388/2023", licenceValidUntil: "2028-03-31" }, cli);
  await unsafeChangeLicence(deps, (await orgId(deps, "pt-samudra-jaya")), { status: "suspended", reason: "Demo: placement-cost complaint under investigation", scope: "all placements" }, null);

  const names: Record<string, string> = {
    "admin@kp2mi.example": "Ratna Sari",
    "verifier@kbri-berlin.example": "Budi Santoso",
    "hr@aurora-cruises.example": "Maria Camilleri",
    "admin@maju-bersama.example": "Dewi Lestari",
    "admin@samudra-jaya.example": "Agus Pratama",
  };
  for (const l of DEMO_LOGINS) {
    await unsafeCreateUser(deps, { orgSlug: l.org, email: l.email, name: names[l.email] ?? l.email, role: "admin", password: DEMO_PASSWORD });
  }
  return true;
}

async function orgId(deps: Deps, slug: string): Promise<string> {
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) throw new Error(`demo organisation ${slug} missing`);
  return org.id;
}
