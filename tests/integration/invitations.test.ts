import { afterAll, describe, expect, it } from "vitest";
import { Client, unique } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

async function invite(c: Client, path: string, email: string, role: string) {
  const res = await c.post(path, { intent: "invite", email, role });
  expect(res.status).toBe(200);
  const link = /data-testid="invite-link">([^<]+)</.exec(await res.text())?.[1];
  expect(link).toBeTruthy();
  return new URL(link!).pathname;
}

describe("inviting colleagues", () => {
  it("an org admin invites a colleague, who joins that organisation once with the chosen role", async () => {
    const admin = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(admin.email, admin.password);
    const email = `${unique("colleague")}@test.example`;
    const path = await invite(c, `/orgs/${admin.org.slug}/settings`, email, "member");

    const invitee = new Client();
    const page = await invitee.get(path);
    expect(await page.text()).toContain(email);
    const bad = await invitee.post(path, { name: "", password: "short" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Use at least 10 characters.");
    expect(
      await deps.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
    ).toBeUndefined();

    const ok = await invitee.post(path, { name: "Colleague", password: "another-long-password" });
    expect(ok.status).toBe(302);
    const user = await deps.db
      .selectFrom("users")
      .select(["org_id", "role"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ org_id: admin.org.id, role: "member" });
    expect((await invitee.get("/dashboard")).status).toBe(200);

    const again = await new Client().post(path, { name: "Replay", password: "another-long-password" });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("This invitation link is invalid, was already used, or has expired.");
    expect((await new Client().get(path)).status).toBe(404);
    expect(
      await deps.db.selectFrom("users").select("id").where("name", "=", "Replay").executeTakeFirst(),
    ).toBeUndefined();
  });

  it("a ministry admin creates an agency in the UI and invites its first administrator", async () => {
    const ministry = await orgWithUser(deps, "ministry");
    const c = new Client();
    await c.logIn(ministry.email, ministry.password);
    const slug = unique("pt-agency");

    const bad = await c.post("/admin/orgs", { kind: "agency", slug: "Bad Slug!", name: "PT" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Use 3–48 lower-case letters, digits and single dashes.");
    expect(html).toContain("An agency needs its SIP3MI licence number.");
    expect(
      await deps.db.selectFrom("organisations").select("id").where("name", "=", "PT").executeTakeFirst(),
    ).toBeUndefined();

    const created = await c.post("/admin/orgs", {
      kind: "agency",
      slug,
      name: "PT Sejahtera",
      licenceNumber: "SIP3MI-9/2026",
      licenceValidUntil: "2030-01-01",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/admin/orgs/${slug}?created=1`);
    const dup = await c.post("/admin/orgs", {
      kind: "agency",
      slug,
      name: "PT Again",
      licenceNumber: "SIP3MI-10/2026",
    });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain("This identifier is already used.");

    const email = `${unique("agency-admin")}@test.example`;
    const path = await invite(c, `/admin/orgs/${slug}`, email, "admin");
    const invitee = new Client();
    expect((await invitee.post(path, { name: "Dewi", password: "another-long-password" })).status).toBe(302);
    const dash = await (await invitee.get("/dashboard")).text();
    expect(dash).toContain("PT Sejahtera");
    expect(dash).toContain("SIP3MI-9/2026");
  });
});

describe("the invitation form is public", () => {
  it("rejects a bot that fills the honeypot, creating no user and leaving the link usable", async () => {
    const admin = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(admin.email, admin.password);
    const email = `${unique("hp")}@test.example`;
    const path = await invite(c, `/orgs/${admin.org.slug}/settings`, email, "member");
    const bot = await new Client().post(path, { name: "Bot", password: "another-long-password", website: "spam" });
    expect(bot.status).toBe(422);
    expect(
      await deps.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
    ).toBeUndefined();
    expect((await new Client().post(path, { name: "Human", password: "another-long-password" })).status).toBe(302);
  });
});

describe("invitations do not reveal other organisations' members", () => {
  it("accepts an invitation for an address that has an account elsewhere; the invitee is told on accepting", async () => {
    const other = await orgWithUser(deps, "agency");
    const admin = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(admin.email, admin.password);
    const path = await invite(c, `/orgs/${admin.org.slug}/settings`, other.email, "member");
    const accept = await new Client().post(path, { name: "Twice", password: "another-long-password" });
    expect(accept.status).toBe(409);
    expect(await accept.text()).toContain("An account with this email already exists.");
    const own = await c.post(`/orgs/${admin.org.slug}/settings`, {
      intent: "invite",
      email: admin.email,
      role: "member",
    });
    expect(own.status).toBe(409);
    expect(await own.text()).toContain("already a member of your organisation");
  });

  it("creates a mission in the UI and shows an unknown country code next to its field", async () => {
    const ministry = await orgWithUser(deps, "ministry");
    const c = new Client();
    await c.logIn(ministry.email, ministry.password);
    const slug = unique("kbri");
    const bad = await c.post("/admin/orgs", { kind: "mission", slug, name: "KBRI Test", countries: "DE, XX" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Use two-letter ISO country codes, e.g. DE.");
    const ok = await c.post("/admin/orgs", { kind: "mission", slug, name: "KBRI Test", countries: "de, pl" });
    expect(ok.status).toBe(302);
    const org = await deps.db
      .selectFrom("organisations")
      .select(["kind", "countries"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ kind: "mission", countries: ["DE", "PL"] });
  });
});
