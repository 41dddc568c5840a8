import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vacancy } from "~/domain/booth/vacancy";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import { sha256 } from "~/services/auth/crypto.server";
import { decideJobOrder } from "~/services/job-orders/decide.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { updateOrg } from "~db/orgs";
import { createEventViaPage, enrolKioskViaPage, leadForm } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client, unique } from "../support/http";
import { orderForm } from "../support/job-orders";

// Issue 14, "Invite to post a job order", over HTTP against real services: staff make a one-time link for a lead;
// the visitor opens it, creates their employer account (or accepts as a signed-in employer) and finds the
// job-order form pre-filled from the vacancy they described; the order they save is linked to the lead, whose
// stage then follows the order through submission and verification.

const deps = testDeps();
const today = isoDay(deps.now());
const PASSWORD = "lighthouse-ferry-morning";
let slug = "";
let kiosk: Client;
let staff: Client;
let outsider: Client;
let agency: Client;
let missionUS: Actor;
const vacancy: Vacancy = {
  iscoCode: "5131",
  sector: "cruise",
  country: "US",
  positions: 24,
  startMonth: addMonths(today, 6).slice(0, 7),
  contractMonths: 8,
  languages: [{ code: "en", minLevel: "B1" }],
  certificates: ["stcw_bst"],
};

beforeAll(async () => {
  const [ministry, mission, other, agencyOrg] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "mission", { extra: { countries: ["US"] } }),
    orgWithUser(deps, "mission", { extra: { countries: ["GR"] } }),
    orgWithUser(deps, "agency"),
  ]);
  missionUS = { userId: mission.user.id, orgId: mission.org.id, orgKind: "mission", role: "admin" };
  const admin = new Client();
  [staff, outsider, agency] = [new Client(), new Client(), new Client()];
  await Promise.all([
    admin.logIn(ministry.email, ministry.password),
    staff.logIn(mission.email, mission.password),
    outsider.logIn(other.email, other.password),
    agency.logIn(agencyOrg.email, agencyOrg.password),
  ]);
  slug = await createEventViaPage(admin, { startsOn: addDays(today, -2), endsOn: addDays(today, 2) });
  expect((await admin.post(`/events/${slug}`, { intent: "add-staff", email: mission.email })).status).toBeLessThan(400);
  ({ kiosk } = await enrolKioskViaPage(staff, slug));
});
afterAll(() => deps.db.destroy());

/** A lead left at the kiosk by a visitor with a fresh address; its id and the address. */
async function capture(patch: Record<string, string> = {}) {
  const email = `${unique("visitor")}@nordic-ferries.example`;
  const form = leadForm(vacancy, { email, ...patch });
  expect((await kiosk.post(`/booth/${slug}/leads`, form)).status).toBe(201);
  return { id: form.id!, email };
}
/** Staff make the invitation on the lead's invitation page; the one-time link it shows. */
async function invite(leadId: string, email: string): Promise<{ link: string; token: string }> {
  const res = await staff.post(`/events/${slug}/leads/${leadId}/invite`, { intent: "invite", email });
  const html = await res.text();
  expect(res.status, html.slice(0, 300)).toBe(200);
  const link = /data-testid="booth-invite-link">([^<]+)</.exec(html)?.[1] ?? "";
  expect(link).toMatch(/\/booth-invite\/[A-Za-z0-9_-]{20,}$/);
  return { link, token: link.slice(link.lastIndexOf("/") + 1) };
}
const acceptForm = (patch: Record<string, string> = {}) => ({
  name: "Ingrid Solberg",
  organisationName: `Nordic Ferries ${unique("as")}`,
  country: "NO",
  password: PASSWORD,
  ...patch,
});
const leadRow = (id: string) => deps.db.selectFrom("leads").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const invitationsOf = (id: string) =>
  deps.db.selectFrom("lead_invitations").selectAll().where("lead_id", "=", id).orderBy("created_at").execute();
const kindsOf = async (id: string) =>
  (await deps.db.selectFrom("lead_events").select("kind").where("lead_id", "=", id).orderBy("at").execute()).map(
    (e) => e.kind,
  );

describe("staff invite a lead", () => {
  it("make a one-time link: only its hash is stored, the lead becomes invited, the link is not shown again", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    const [inv] = await invitationsOf(id);
    expect(inv!.token_hash).toBe(sha256(token));
    expect(inv!.email).toBe(email);
    expect(JSON.stringify(await invitationsOf(id))).not.toContain(token);
    expect((await leadRow(id)).status).toBe("invited");
    expect(await kindsOf(id)).toEqual(["captured", "invited"]);
    const again = await (await staff.get(`/events/${slug}/leads/${id}/invite`)).text();
    expect(again).not.toContain(token);
    expect(again).toContain(email); // the open invitation is listed, without its link
    expect((await staff.get(`/events/${slug}/leads/${id}`)).status).toBe(200);
  });

  it("a new invitation replaces the open one: the old link answers 410, one invitation stays open", async () => {
    const { id, email } = await capture();
    const first = await invite(id, email);
    const second = await invite(id, email);
    expect((await new Client().get(`/booth-invite/${first.token}`)).status).toBe(410);
    expect((await new Client().get(`/booth-invite/${second.token}`)).status).toBe(200);
    const open = (await invitationsOf(id)).filter((i) => !i.accepted_at && !i.revoked_at);
    expect(open).toHaveLength(1);
  });

  it("withdrawing needs a confirmation; then the link stops working", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    const unconfirmed = await staff.post(`/events/${slug}/leads/${id}/invite`, { intent: "revoke" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm that the link should stop working.");
    expect((await new Client().get(`/booth-invite/${token}`)).status).toBe(200);
    const res = await staff.post(`/events/${slug}/leads/${id}/invite`, { intent: "revoke", confirm: "on" });
    expect(res.status).toBe(302);
    expect((await new Client().get(`/booth-invite/${token}`)).status).toBe(410);
    expect(await kindsOf(id)).toContain("invitation_revoked");
    const none = await staff.post(`/events/${slug}/leads/${id}/invite`, { intent: "revoke", confirm: "on" });
    expect(none.status).toBe(409);
    expect(await none.text()).toContain("This lead has no open invitation to withdraw.");
  });

  it("is known only to the event's staff: another event's staff and an agency get 404 and store nothing", async () => {
    const { id, email } = await capture();
    for (const c of [outsider, agency]) {
      expect((await c.get(`/events/${slug}/leads/${id}/invite`)).status).toBe(404);
      expect((await c.post(`/events/${slug}/leads/${id}/invite`, { intent: "invite", email })).status).toBe(404);
    }
    expect(await invitationsOf(id)).toHaveLength(0);
    expect((await new Client().get(`/events/${slug}/leads/${id}/invite`)).status).toBe(302); // to the login
  });

  it("an erased lead takes no invitation, and erasure withdraws an open one", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    expect((await staff.post(`/events/${slug}/leads/${id}`, { intent: "erase", confirm: "on" })).status).toBe(302);
    expect((await new Client().get(`/booth-invite/${token}`)).status).toBe(410);
    const res = await staff.post(`/events/${slug}/leads/${id}/invite`, { intent: "invite", email });
    expect(res.status).toBe(409);
    expect(await invitationsOf(id).then((rows) => rows.filter((r) => !r.revoked_at))).toHaveLength(0);
  });
});

describe("the visitor accepts", () => {
  it("creates the employer and its admin, opens a pre-filled order form, and the saved order drives the lead's stage", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    const visitor = new Client();
    const page = await visitor.get(`/booth-invite/${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Nordic Ferries AS"); // the lead's company, suggested
    expect(html).toContain("Waiters");
    expect(html).toContain(email);

    const form = acceptForm();
    const res = await visitor.post(`/booth-invite/${token}`, form);
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(302);
    expect(res.headers.get("Location")).toBe(`/job-orders/new?lead=${id}`);
    const org = await deps.db
      .selectFrom("organisations")
      .selectAll()
      .where("name", "=", form.organisationName)
      .executeTakeFirstOrThrow();
    expect(org.kind).toBe("employer");
    expect(org.country).toBe("NO");
    const user = await deps.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect([user.org_id, user.role, user.name]).toEqual([org.id, "admin", "Ingrid Solberg"]);
    expect((await leadRow(id)).employer_org_id).toBe(org.id);
    expect((await new Client().get(`/booth-invite/${token}`)).status).toBe(410); // spent

    // the form, pre-filled from the vacancy
    const draft = await (await visitor.get(`/job-orders/new?lead=${id}`)).text();
    expect(draft).toContain('data-testid="from-lead"');
    expect(draft).toContain('name="fromLead" value="' + id + '"');
    expect(draft).toMatch(/name="positions"[^>]*value="24"|value="24"[^>]*name="positions"/);
    expect(draft).toMatch(/name="contractMonths"[^>]*value="8"|value="8"[^>]*name="contractMonths"/);

    const saved = await visitor.post("/job-orders/new", orderForm({ fromLead: id }));
    expect(saved.status).toBe(302);
    const orderId = /^\/job-orders\/([0-9a-f-]{36})$/.exec(saved.headers.get("Location") ?? "")?.[1];
    expect(orderId).toBeTruthy();
    expect((await leadRow(id)).job_order_id).toBe(orderId);
    expect(await kindsOf(id)).toEqual(["captured", "invited", "accepted", "order_linked"]);
    const stage = async () =>
      (await (await staff.get(`/events/${slug}/leads/${id}`)).text()).match(/stage-([a-z_]+)/)?.[1];
    expect(await stage()).toBe("order_drafted");

    // submission and verification move the stage on their own
    await updateOrg(deps.db, org.id, {
      registration_number: "NO 912 345 678",
      address: "Strandkaien 1, 5013 Bergen, Norway",
      contact_email: "hr@nordic-ferries.example",
      contact_phone: "+47 55 00 00 00",
    });
    const employer: Actor = { userId: user.id, orgId: org.id, orgKind: "employer", role: "admin" };
    await submitJobOrder(deps, employer, orderId!);
    expect(await stage()).toBe("order_submitted");
    await decideJobOrder(deps, missionUS, orderId!, { decision: "approve" });
    expect(await stage()).toBe("order_verified");
    // a second order from the same lead is saved, but not linked
    const second = await visitor.post("/job-orders/new", orderForm({ fromLead: id }));
    expect(second.status).toBe(302);
    expect((await leadRow(id)).job_order_id).toBe(orderId);
  });

  it("two acceptances of one link at once make one organisation", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    const names = [`Race A ${unique("x")}`, `Race B ${unique("x")}`];
    const results = await Promise.all(
      names.map((n) => new Client().post(`/booth-invite/${token}`, acceptForm({ organisationName: n }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([302, 404]);
    const made = await deps.db.selectFrom("organisations").select("id").where("name", "in", names).execute();
    expect(made).toHaveLength(1);
    expect((await leadRow(id)).employer_org_id).toBe(made[0]!.id);
  });

  it("an address with an account is told to sign in; signed in, the employer accepts for its organisation", async () => {
    const existing = await orgWithUser(deps, "employer");
    const { id } = await capture({ email: existing.email });
    const { token } = await invite(id, existing.email);
    const before = await deps.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const res = await new Client().post(`/booth-invite/${token}`, acceptForm());
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("already has a Jembatan account. Sign in with it");
    const after = await deps.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const employer = new Client();
    await employer.logIn(existing.email, existing.password);
    expect(await (await employer.get(`/booth-invite/${token}`)).text()).toContain(existing.org.name);
    const attach = await employer.post(`/booth-invite/${token}`, { intent: "attach" });
    expect(attach.status).toBe(302);
    expect(attach.headers.get("Location")).toBe(`/job-orders/new?lead=${id}`);
    expect((await leadRow(id)).employer_org_id).toBe(existing.org.id);
  });

  it("an agency cannot accept; another employer sees no pre-fill and cannot link the lead", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    expect((await agency.post(`/booth-invite/${token}`, { intent: "attach" })).status).toBe(403);
    expect((await leadRow(id)).employer_org_id).toBeNull();

    const visitor = new Client();
    expect((await visitor.post(`/booth-invite/${token}`, acceptForm())).status).toBe(302);
    const other = await orgWithUser(deps, "employer");
    const stranger = new Client();
    await stranger.logIn(other.email, other.password);
    const draft = await (await stranger.get(`/job-orders/new?lead=${id}`)).text();
    expect(draft).not.toContain('data-testid="from-lead"');
    expect(draft).not.toContain('name="fromLead"');
    expect((await stranger.post("/job-orders/new", orderForm({ fromLead: id }))).status).toBe(302);
    expect((await leadRow(id)).job_order_id).toBeNull();
  });

  it("an expired link answers 410 and accepts nothing; an unknown one 404", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    await deps.db
      .updateTable("lead_invitations")
      .set({ expires_at: new Date(deps.now().getTime() - 1000) })
      .where("lead_id", "=", id)
      .execute();
    const page = await new Client().get(`/booth-invite/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("has expired");
    const res = await new Client().post(`/booth-invite/${token}`, acceptForm());
    expect(res.status).toBe(404);
    expect((await leadRow(id)).employer_org_id).toBeNull();
    expect((await new Client().get(`/booth-invite/${"x".repeat(43)}`)).status).toBe(404);
    // the staff's page offers a new link
    expect(await (await staff.get(`/events/${slug}/leads/${id}/invite`)).text()).toContain("expired on");
  });

  it("answers field errors in the visitor's language and stores nothing", async () => {
    const { id, email } = await capture();
    const { token } = await invite(id, email);
    const visitor = new Client();
    await visitor.post("/language", { lang: "id", redirectTo: "/" });
    const res = await visitor.post(`/booth-invite/${token}`, acceptForm({ organisationName: "x", country: "ID" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('lang="id"');
    expect(html).not.toContain(PASSWORD);
    expect((await leadRow(id)).employer_org_id).toBeNull();
    expect((await invitationsOf(id))[0]!.accepted_at).toBeNull();
  });
});
