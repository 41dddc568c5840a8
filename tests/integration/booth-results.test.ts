import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import type { Vacancy } from "~/domain/booth/vacancy";
import { parseCsv } from "~/domain/csv";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import { createJobOrder } from "~/services/job-orders/write.server";
import { linkLeadToOrder } from "~db/lead-follow-up";
import { arrangeLeadInvitation } from "~db/lead-invitations";
import { insertLeadOnce } from "~db/leads";
import { createEventViaPage } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { orderInput } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";

// An event's results page over HTTP (issue 14, "After the event, its page shows what it produced"): who may see it,
// the exact figures a ministry administrator sees, the protected ones a mission's staff member sees (breakdown.ts's
// small-number rules), erased leads still counted, no personal field anywhere, and the formula-safe CSV.

const deps = testDeps();
const today = isoDay(deps.now());
let slug = "";
let emptySlug = "";
let admin: Client; // a ministry administrator, not listed as staff
let staff: Client; // a mission's user listed as the event's staff
let outsider: Client; // staff of another event only
let ministryMember: Client; // the ministry, but neither administrator nor staff
let agency: Client;
const leadIds: string[] = [];
const DAY = 86_400_000;

const vacancy = (v: Partial<Vacancy>): Vacancy => ({
  iscoCode: "5131",
  sector: "cruise",
  country: "US",
  positions: 10,
  startMonth: addMonths(today, 3).slice(0, 7),
  contractMonths: 8,
  languages: [],
  certificates: [],
  ...v,
});

async function lead(eventId: string, v: Vacancy, patch: { source?: "kiosk" | "phone"; share?: boolean } = {}) {
  const id = randomUUID();
  const n = leadIds.length;
  await insertLeadOnce(
    deps.db,
    {
      id,
      eventId,
      deviceId: null,
      source: patch.source ?? "kiosk",
      capturedAt: deps.now(),
      locale: "en",
      name: `Visitor Person${n}`,
      company: `Results Company${n} Ltd`,
      jobTitle: "Crewing manager",
      email: `visitor${n}@results-company.example`,
      phone: "+47 22 00 00 00",
      country: "NO",
      website: null,
      consentContact: true,
      consentShare: patch.share ?? true,
      consentVersion: LEAD_CONSENT_VERSION,
      vacancy: v,
    },
    deps.now(),
  );
  leadIds.push(id);
  return id;
}

const invite = (leadId: string, i: { accepted?: boolean; revoked?: boolean; expired?: boolean } = {}) =>
  arrangeLeadInvitation(
    deps.db,
    {
      leadId,
      tokenHash: createHash("sha256").update(randomUUID()).digest("hex"),
      email: "someone@results-company.example",
      invitedBy: null,
      expiresAt: new Date(deps.now().getTime() + (i.expired ? -1 : 7) * DAY),
      acceptedAt: i.accepted ? deps.now() : null,
      revokedAt: i.revoked ? deps.now() : null,
    },
    new Date(deps.now().getTime() - 8 * DAY),
  );

const eventIdOf = async (s: string) =>
  (await deps.db.selectFrom("events").select("id").where("slug", "=", s).executeTakeFirstOrThrow()).id;
const page = async (c: Client, path: string, headers: Record<string, string> = {}) => {
  const res = await c.get(path, headers);
  return { status: res.status, html: await res.text() };
};
const figure = (html: string, key: string) =>
  new RegExp(`data-testid="${key.replace(/\./g, "\\.")}">([^<]*)<`).exec(html)?.[1];
const funnelRow = (html: string, stage: string) => {
  const at = html.indexOf(`data-stage="${stage}"`);
  expect(at).toBeGreaterThan(-1);
  return html
    .slice(at, html.indexOf("</tr>", at))
    .replace(/<[^>]+>/g, "|")
    .split("|")
    .filter((s) => s.trim() && !s.includes("="));
};

beforeAll(async () => {
  const [ministry, member, mission, other, agencyOrg] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "ministry", { role: "member" }),
    orgWithUser(deps, "mission", { extra: { countries: ["US"] } }),
    orgWithUser(deps, "mission", { extra: { countries: ["GR"] } }),
    orgWithUser(deps, "agency"),
  ]);
  [admin, staff, outsider, ministryMember, agency] = [
    new Client(),
    new Client(),
    new Client(),
    new Client(),
    new Client(),
  ];
  await Promise.all([
    admin.logIn(ministry.email, ministry.password),
    staff.logIn(mission.email, mission.password),
    outsider.logIn(other.email, other.password),
    ministryMember.logIn(member.email, member.password),
    agency.logIn(agencyOrg.email, agencyOrg.password),
  ]);
  [slug, emptySlug] = await Promise.all([
    createEventViaPage(admin, { startsOn: addDays(today, -3), endsOn: addDays(today, -1) }),
    createEventViaPage(admin, { name: "Quiet fair, Athens", city: "Athens", country: "GR" }),
  ]);
  for (const s of [slug, emptySlug]) {
    const email = mission.email;
    expect((await admin.post(`/events/${s}`, { intent: "add-staff", email })).status).toBeLessThan(400);
  }
  const eventId = await eventIdOf(slug);
  // 18 waiters for the United States at the kiosk (10 positions each), 3 deckhands for Taiwan by phone (4 each,
  // not shared with agencies), 1 care worker for Japan (20 positions): 22 leads, 212 positions
  for (let i = 0; i < 18; i++) await lead(eventId, vacancy({}));
  for (let i = 0; i < 3; i++)
    await lead(eventId, vacancy({ iscoCode: "8350", sector: "fishing_vessel", country: "TW", positions: 4 }), {
      source: "phone",
      share: false,
    });
  await lead(eventId, vacancy({ iscoCode: "5322", sector: "care_work", country: "JP", positions: 20 }));
  // five invited: two accepted, one waiting, one expired, one withdrawn
  await invite(leadIds[0]!, { accepted: true });
  await invite(leadIds[1]!, { accepted: true });
  await invite(leadIds[2]!);
  await invite(leadIds[3]!, { expired: true });
  await invite(leadIds[4]!, { revoked: true });
  // the two who accepted saved orders: one verified (12 positions), one still a draft
  const made = await verifiedOrder(deps, { country: "US" });
  const draft = await createJobOrder(deps, made.employerActor, orderInput() as JobOrderInput);
  const org = made.employer.org.id;
  await linkLeadToOrder(deps.db, leadIds[0]!, { employerOrgId: org, jobOrderId: made.order.id }, deps.now());
  await linkLeadToOrder(deps.db, leadIds[1]!, { employerOrgId: org, jobOrderId: draft.id }, deps.now());
});
afterAll(() => deps.db.destroy());

describe("who sees /events/<slug>/results", () => {
  it("is 'not found' for anyone but the event's staff and the ministry's administrators, page and CSV alike", async () => {
    for (const c of [outsider, ministryMember, agency])
      for (const path of [`/events/${slug}/results`, `/events/${slug}/results.csv`])
        expect((await c.get(path)).status, path).toBe(404);
    const anonymous = await new Client().get(`/events/${slug}/results`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login");
    expect((await admin.get(`/events/no-such-event/results`)).status).toBe(404);
    expect((await staff.get(`/events/${slug}/results`)).status).toBe(200);
    expect((await admin.get(`/events/${slug}/results`)).status).toBe(200);
  });

  it("is linked from the event's page and from its lead list", async () => {
    for (const path of [`/events/${slug}`, `/events/${slug}/leads`])
      expect((await page(staff, path)).html, path).toContain(`href="/events/${slug}/results"`);
  });

  it("says so when the event has no leads yet", async () => {
    const { status, html } = await page(staff, `/events/${emptySlug}/results`);
    expect(status).toBe(200);
    expect(html).toContain("This event has no leads yet");
    expect(html).not.toContain("results.csv");
  });
});

describe("what a ministry administrator sees", () => {
  it("exact figures: leads by source and consent, invitations, orders and the funnel with percentages", async () => {
    const { html } = await page(admin, `/events/${slug}/results`);
    expect(html).toContain("You see exact figures");
    expect(figure(html, "results.sum_leads")).toBe("22");
    expect(figure(html, "results.sum_positions")).toBe("212");
    expect(figure(html, "results.sum_accepted")).toBe("2");
    expect(figure(html, "results.sum_verified")).toBe("1");
    expect(figure(html, "results.sum_positions_verified")).toBe("12");
    expect(funnelRow(html, "leads")).toEqual(["Leads", "22", "—", "—"]);
    expect(funnelRow(html, "invited")).toEqual(["Invited", "5", "23%", "23%"]);
    expect(funnelRow(html, "accepted")).toEqual(["Accepted the invitation", "2", "40%", "9%"]);
    expect(funnelRow(html, "drafted")).toEqual(["Order drafted", "2", "100%", "9%"]);
    expect(funnelRow(html, "submitted")).toEqual(["Order submitted", "1", "50%", "5%"]);
    expect(funnelRow(html, "verified")).toEqual(["Order verified", "1", "100%", "5%"]);
    expect(html).toMatch(/On a phone<\/th><td>3</);
    expect(html).toMatch(/Agreed to share the vacancy with agencies<\/th><td>19</);
    expect(html).toMatch(/Expired without an answer<\/th><td>1</);
    expect(html).toMatch(/Withdrawn<\/th><td>1</);
  });

  it("every occupation and destination named, in the page's language, as bars and as a table", async () => {
    const { html } = await page(admin, `/events/${slug}/results`, { "Accept-Language": "id" });
    expect(html).toMatch(/<th scope="row">Pramusaji<\/th><td>180<\/td><td>18<\/td>/);
    expect(html).toMatch(/<th scope="row">Taiwan<\/th><td>12<\/td><td>3<\/td>/);
    expect(html).toMatch(/<th scope="row">Jepang<\/th><td>20<\/td><td>1<\/td>/);
    expect(html).toContain('class="results-bars" aria-hidden="true"');
    expect(html).toMatch(/<link rel="stylesheet" href="\/build\/_assets\/booth-results-[^"]+\.css"/);
  });

  it("counts an erased lead still: its vacancy stays, its person does not", async () => {
    const careLead = leadIds[21]!;
    const erase = await staff.post(`/events/${slug}/leads/${careLead}`, { intent: "erase", confirm: "on" });
    expect(erase.status).toBe(302);
    const { html } = await page(admin, `/events/${slug}/results`);
    expect(figure(html, "results.sum_leads")).toBe("22");
    expect(figure(html, "results.sum_positions")).toBe("212");
    expect(html).toMatch(/Erased since \(still counted\)<\/th><td>1</);
    expect(html).toMatch(/Home-based personal care workers<\/th><td>20<\/td><td>1</);
  });

  it("shows no personal field of any lead", async () => {
    for (const c of [admin, staff]) {
      const body =
        (await page(c, `/events/${slug}/results`)).html + (await (await c.get(`/events/${slug}/results.csv`)).text());
      expect(body).not.toMatch(/Visitor Person|Results Company|results-company\.example|\+47 22/);
    }
  });
});

describe("what a mission's staff member sees (the kiosk's small-number rules)", () => {
  it("every figure 0, 'fewer than 5' or rounded to 5, and groups of fewer than 5 leads only as 'Other'", async () => {
    const { html } = await page(staff, `/events/${slug}/results`);
    expect(html).toContain("Small numbers are protected");
    expect(figure(html, "results.sum_leads")).toBe("20");
    expect(figure(html, "results.sum_positions")).toBe("210");
    expect(figure(html, "results.sum_accepted")).toBe("fewer than 5");
    expect(figure(html, "results.sum_positions_verified")).toBe("10");
    expect(funnelRow(html, "invited")).toEqual(["Invited", "5", "25%", "25%"]);
    expect(funnelRow(html, "accepted")).toEqual(["Accepted the invitation", "fewer than 5", "—", "—"]);
    expect(html).toMatch(/On a phone<\/th><td>fewer than 5</);
    expect(html).toMatch(/<th scope="row">Waiters<\/th><td>180<\/td><td>20<\/td>/);
    expect(html).toMatch(/<th scope="row">Other<\/th><td>30<\/td><td>fewer than 5<\/td>/);
    for (const hidden of ["Taiwan", "Japan", "deck crews", "personal care"]) expect(html).not.toContain(hidden);
  });

  it("gets the same protected figures in the CSV", async () => {
    const rows = parseCsv(await (await staff.get(`/events/${slug}/results.csv`)).text());
    expect(rows[0]).toEqual(["Section", "Item", "Number", "Positions"]);
    expect(rows).toContainEqual(["Leads captured", "All leads", "20", "210"]);
    expect(rows).toContainEqual(["Positions by occupation", "Other", "fewer than 5", "30"]);
    expect(JSON.stringify(rows)).not.toMatch(/Taiwan|8350|5322/);
  });
});

describe("the CSV /events/<slug>/results.csv", () => {
  it("is exact for an administrator, with the header in the reader's language and UTF-8 with BOM", async () => {
    const res = await admin.get(`/events/${slug}/results.csv`, { "Accept-Language": "id" });
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`results-${slug}.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(["Bagian", "Butir", "Jumlah", "Posisi"]);
    expect(rows).toContainEqual(["Posisi menurut negara tujuan", "Taiwan (TW)", "3", "12"]);
    expect(rows).toContainEqual(["Dari prospek sampai order terverifikasi", "Diundang", "5", ""]);
  });

  it("neutralises anything a spreadsheet would run as a formula", async () => {
    const hostile = await createEventViaPage(admin, { name: '=HYPERLINK("http://evil.example","fair")' });
    // a vacancy stored before today's schema (or by a bug) is shown as stored, and still cannot become a formula
    await lead(await eventIdOf(hostile), vacancy({ iscoCode: "=1+2", country: "@SUM(A1)" as Vacancy["country"] }));
    const rows = parseCsv(await (await admin.get(`/events/${hostile}/results.csv`)).text());
    expect(rows[1]).toEqual(["Event", `'=HYPERLINK("http://evil.example","fair")`, "", ""]);
    const cells = rows.flat();
    expect(cells).toContain("'=1+2 (=1+2)");
    expect(cells.some((c) => c.startsWith("@SUM"))).toBe(false);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});
