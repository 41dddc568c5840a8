import type { Deps } from "~/services/deps.server";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { restampPendingFitJobs } from "~db/fit-notification-jobs";
import { countOrgs, findOrgBySlug, updateOrg } from "~db/orgs";
import { importWorkers } from "~/services/workers/import-workers.server";
import { seedDemoJobOrders } from "./demo-job-orders";
import { seedDemoLeads } from "./demo-leads";
import { rankPool } from "~/domain/matching/score";
import { isoDay } from "~/domain/dates";
import { candidateOf, isMatchable, matchOrderOf } from "~/services/matching/match-order.server";
import { addCandidates } from "~/services/shortlists/add-candidates.server";
import { moveCandidate } from "~/services/shortlists/move-candidate.server";
import { generateWorker, prng } from "./generate-workers";
import { eventSchema } from "~/domain/booth/event-schema";
import { addDays } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import { addEventStaff } from "~/services/booth/add-event-staff.server";
import { createEnrolmentCode } from "~/services/booth/create-enrolment-code.server";
import { createEvent } from "~/services/booth/create-event.server";
import { findEventBySlug } from "~db/events";
import { findUserByEmail } from "~db/users";

export const DEMO_PASSWORD = "jembatan-demo";

export const DEMO_LOGINS = [
  { email: "admin@kp2mi.example", org: "kp2mi", what: "ministry administrator" },
  {
    email: "verifier@kjri-houston.example",
    org: "kjri-houston",
    what: "mission verifier (United States: cruise home ports)",
  },
  { email: "verifier@kbri-berlin.example", org: "kbri-berlin", what: "mission verifier (Germany, Poland, Czechia)" },
  { email: "hr@aurora-cruises.example", org: "aurora-cruises", what: "employer (cruise line, Malta)" },
  { email: "admin@maju-bersama.example", org: "pt-maju-bersama", what: "placement agency, licence active" },
  { email: "admin@samudra-jaya.example", org: "pt-samudra-jaya", what: "placement agency, licence suspended" },
] as const;

interface DemoOrg {
  slug: string;
  input: Parameters<typeof unsafeCreateOrg>[1];
  user: { email: string; name: string };
  details?: { registration_number: string; address: string; contact_email: string; contact_phone: string };
}

const ORGS: DemoOrg[] = [
  {
    slug: "kp2mi",
    input: { kind: "ministry", slug: "kp2mi", name: "Kementerian P2MI / BP2MI" },
    user: { email: "admin@kp2mi.example", name: "Ratna Sari" },
  },
  {
    slug: "kbri-berlin",
    input: { kind: "mission", slug: "kbri-berlin", name: "KBRI Berlin", countries: ["DE", "PL", "CZ"] },
    user: { email: "verifier@kbri-berlin.example", name: "Budi Santoso" },
  },
  {
    slug: "kjri-houston",
    input: { kind: "mission", slug: "kjri-houston", name: "KJRI Houston", countries: ["US", "BS"] },
    user: { email: "verifier@kjri-houston.example", name: "Siti Rahma" },
  },
  {
    slug: "kbri-rome",
    input: { kind: "mission", slug: "kbri-rome", name: "KBRI Roma", countries: ["IT", "MT", "GR"] },
    user: { email: "verifier@kbri-rome.example", name: "Andi Wijaya" },
  },
  {
    slug: "kbri-tokyo",
    input: { kind: "mission", slug: "kbri-tokyo", name: "KBRI Tokyo", countries: ["JP"] },
    user: { email: "verifier@kbri-tokyo.example", name: "Yuni Astuti" },
  },
  {
    slug: "kbri-seoul",
    input: { kind: "mission", slug: "kbri-seoul", name: "KBRI Seoul", countries: ["KR"] },
    user: { email: "verifier@kbri-seoul.example", name: "Hendra Gunawan" },
  },
  {
    slug: "kdei-taipei",
    input: { kind: "mission", slug: "kdei-taipei", name: "KDEI Taipei", countries: ["TW"] },
    user: { email: "verifier@kdei-taipei.example", name: "Lestari Putri" },
  },
  {
    slug: "aurora-cruises",
    input: { kind: "employer", slug: "aurora-cruises", name: "Aurora Cruises Ltd", country: "MT" },
    user: { email: "hr@aurora-cruises.example", name: "Maria Camilleri" },
    details: {
      registration_number: "C 45021",
      address: "Portomaso Business Tower, St Julian's STJ 4011, Malta",
      contact_email: "crewing@aurora-cruises.example",
      contact_phone: "+356 2138 0000",
    },
  },
  {
    slug: "grand-harbour-hotel",
    input: { kind: "employer", slug: "grand-harbour-hotel", name: "Grand Harbour Hotel Valletta", country: "MT" },
    user: { email: "hr@grand-harbour.example", name: "Joseph Borg" },
    details: {
      registration_number: "C 81234",
      address: "Triq il-Merkanti, Valletta VLT 1170, Malta",
      contact_email: "jobs@grand-harbour.example",
      contact_phone: "+356 2124 1111",
    },
  },
  {
    slug: "pflege-berlin",
    input: { kind: "employer", slug: "pflege-berlin", name: "Pflegezentrum Berlin GmbH", country: "DE" },
    user: { email: "hr@pflege-berlin.example", name: "Anna Schulz" },
    details: {
      registration_number: "HRB 204518 B",
      address: "Luisenstraße 12, 10117 Berlin, Germany",
      contact_email: "karriere@pflege-berlin.example",
      contact_phone: "+49 30 4500 1200",
    },
  },
  {
    slug: "sakura-care",
    input: { kind: "employer", slug: "sakura-care", name: "Sakura Care Co., Ltd.", country: "JP" },
    user: { email: "hr@sakura-care.example", name: "Keiko Tanaka" },
    details: {
      registration_number: "1200-01-123456",
      address: "2-4-1 Umeda, Kita-ku, Osaka 530-0001, Japan",
      contact_email: "recruit@sakura-care.example",
      contact_phone: "+81 6 6345 0000",
    },
  },
  {
    slug: "hanbada-shipyard",
    input: { kind: "employer", slug: "hanbada-shipyard", name: "Hanbada Heavy Industries", country: "KR" },
    user: { email: "hr@hanbada.example", name: "Kim Min-jun" },
    details: {
      registration_number: "609-81-12345",
      address: "1 Okpo-dong, Geoje-si, Gyeongsangnam-do, Korea",
      contact_email: "hr@hanbada.example",
      contact_phone: "+82 55 680 0114",
    },
  },
  {
    slug: "kaohsiung-ocean",
    input: { kind: "employer", slug: "kaohsiung-ocean", name: "Kaohsiung Ocean Fishing Co.", country: "TW" },
    user: { email: "hr@kaohsiung-ocean.example", name: "Chen Wei" },
    details: {
      registration_number: "TW-53012345",
      address: "No. 3 Yugang East 2nd Road, Qianzhen, Kaohsiung, Taiwan",
      contact_email: "crew@kaohsiung-ocean.example",
      contact_phone: "+886 7 813 0000",
    },
  },
  {
    slug: "lucky-star-fishing",
    input: { kind: "employer", slug: "lucky-star-fishing", name: "Lucky Star Fishing Co.", country: "TW" },
    user: { email: "hr@luckystar.example", name: "Lin Hao" },
  },
  {
    slug: "pt-maju-bersama",
    input: {
      kind: "agency",
      slug: "pt-maju-bersama",
      name: "PT Maju Bersama Sejahtera",
      licenceNumber: "SIP3MI-0142/2024",
      licenceValidUntil: "2029-06-30",
    },
    user: { email: "admin@maju-bersama.example", name: "Dewi Lestari" },
  },
  {
    slug: "pt-bahari-nusantara",
    input: {
      kind: "agency",
      slug: "pt-bahari-nusantara",
      name: "PT Bahari Nusantara Crewing",
      licenceNumber: "SIP3MI-0211/2025",
      licenceValidUntil: "2030-02-28",
    },
    user: { email: "admin@bahari-nusantara.example", name: "Rizky Saputra" },
  },
  {
    slug: "pt-samudra-jaya",
    input: {
      kind: "agency",
      slug: "pt-samudra-jaya",
      name: "PT Samudra Jaya Abadi",
      licenceNumber: "SIP3MI-0388/2023",
      licenceValidUntil: "2028-03-31",
    },
    user: { email: "admin@samudra-jaya.example", name: "Agus Pratama" },
  },
];

/** Loads the demo organisations, users and job orders, through the same use cases as the UI, if the database is empty. */
export async function seedDemoDataIfEmpty(deps: Deps): Promise<boolean> {
  if ((await countOrgs(deps.db)) > 0) return false;
  const cli = { userId: null, label: "seed" };
  for (const o of ORGS) {
    const org = await unsafeCreateOrg(deps, o.input, cli);
    if (o.details) await updateOrg(deps.db, org.id, o.details);
    await unsafeCreateUser(deps, {
      orgSlug: o.slug,
      email: o.user.email,
      name: o.user.name,
      role: "admin",
      password: DEMO_PASSWORD,
    });
  }
  await unsafeChangeLicence(
    deps,
    await orgId(deps, "pt-samudra-jaya"),
    { status: "suspended", reason: "Demo: placement-cost complaint under investigation", scope: "all placements" },
    null,
  );
  const emails = new Map(ORGS.map((o) => [o.slug, o.user.email]));
  await seedDemoJobOrders(deps, (slug) => emails.get(slug) ?? "");
  await seedDemoWorkers(deps);
  // the verified orders' fit notifications (decision 023) were queued before these profiles existed: dated now,
  // they wait for the profiles to be indexed, so the agencies find "fits N of your available workers" on start
  await restampPendingFitJobs(deps.db);
  await seedDemoShortlist(deps);
  await seedDemoEvent(deps);
  return true;
}

/**
 * The demo's trade-forum event: Seatrade Cruise Global, running from today for a month, staffed by KJRI Houston, with
 * its first day's leads (./demo-leads.ts).
 */
export const DEMO_EVENT_SLUG = "seatrade-cruise-global-miami";

async function seedDemoEvent(deps: Deps) {
  const admin = await demoAdmin(deps);
  const today = isoDay(deps.now());
  const input = eventSchema(today).parse({
    name: "Seatrade Cruise Global, Miami",
    city: "Miami Beach",
    country: "US",
    venue: "Miami Beach Convention Center, booth 2417",
    startsOn: today,
    endsOn: addDays(today, 30),
    kioskLocales: ["en", "id"],
    leadRetentionDays: 180,
  });
  const event = await createEvent(deps, admin, input);
  if (event.slug !== DEMO_EVENT_SLUG) throw new Error(`demo event slug is ${event.slug}, expected ${DEMO_EVENT_SLUG}`);
  await addEventStaff(deps, admin, event.slug, "verifier@kjri-houston.example");
  await seedDemoLeads(deps, event.id);
}

async function demoAdmin(deps: Deps): Promise<Actor> {
  const user = await findUserByEmail(deps.db, DEMO_LOGINS[0].email);
  if (!user) throw new Error("the demo administrator is missing");
  return { userId: user.id, orgId: user.org_id, orgKind: "ministry", role: "admin", label: "seed" };
}

/**
 * A fresh one-time code for a demo kiosk (npm start prints its link at every start: a code lives 10 minutes), or
 * null when the demo event is not there.
 */
export async function demoKioskCode(deps: Deps): Promise<{ slug: string; code: string } | null> {
  if (!(await findEventBySlug(deps.db, DEMO_EVENT_SLUG))) return null;
  const { code } = await createEnrolmentCode(deps, await demoAdmin(deps), DEMO_EVENT_SLUG, "Demo kiosk");
  return { slug: DEMO_EVENT_SLUG, code };
}

/**
 * PT Maju Bersama's shortlist on the first matchable demo order: its three best candidates (ranked by the domain
 * over its PostgreSQL rows, as the engine would), two of them proposed, so the employer has candidates to compare.
 */
async function seedDemoShortlist(deps: Deps) {
  const agencyId = await orgId(deps, "pt-maju-bersama");
  const actor = { userId: null, orgId: agencyId, orgKind: "agency" as const, role: "admin" as const, label: "seed" };
  const today = isoDay(deps.now());
  const orders = await deps.db
    .selectFrom("job_orders")
    .selectAll()
    .where("status", "=", "verified")
    .orderBy("reference")
    .execute();
  const workers = await deps.db.selectFrom("workers").selectAll().where("agency_org_id", "=", agencyId).execute();
  for (const order of orders.filter((o) => isMatchable(o, today))) {
    const best = rankPool(matchOrderOf(order), workers.map(candidateOf), today).ranked.slice(0, 3);
    if (best.length < 3) continue;
    const { added } = await addCandidates(deps, actor, order.id, { workerIds: best.map((r) => r.candidate.id) });
    for (const entryId of added.slice(0, 2)) await moveCandidate(deps, actor, entryId, { action: "propose" });
    return;
  }
}

/** A few thousand generated profiles over the demo orders' sectors, for three agencies (one suspended). */
async function seedDemoWorkers(deps: Deps) {
  const rand = prng(2026);
  const plan: [slug: string, count: number][] = [
    ["pt-maju-bersama", 1500],
    ["pt-bahari-nusantara", 1000],
    ["pt-samudra-jaya", 500],
  ];
  let offset = 0;
  for (const [slug, count] of plan) {
    const id = await orgId(deps, slug);
    const rows = Array.from({ length: count }, (_, i) => ({
      row: i + 2,
      data: {
        ...generateWorker(offset + i, rand),
        externalRef: `${slug.toUpperCase().slice(3, 8)}-${String(i + 1).padStart(5, "0")}`,
      },
    }));
    offset += count;
    await importWorkers(
      deps,
      { userId: null, orgId: id, orgKind: "agency", role: "admin", label: "seed" },
      rows,
      "valid_only",
    );
  }
}

async function orgId(deps: Deps, slug: string): Promise<string> {
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) throw new Error(`demo organisation ${slug} missing`);
  return org.id;
}
