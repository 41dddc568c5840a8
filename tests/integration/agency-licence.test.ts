import { afterAll, describe, expect, it } from "vitest";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

describe("agency licence gates access", () => {
  it("refuses login to a suspended agency's user with the reason", async () => {
    const { org, email, password } = await orgWithUser(deps, "agency");
    await unsafeChangeLicence(deps, org.id, { status: "suspended", reason: "investigation" }, null);
    const c = new Client();
    const res = await c.logIn(email, password);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("licence is suspended");
    expect(c.cookies.has("jmb_session")).toBe(false);
  });

  it("ends access for users already signed in when the licence is suspended, and restores it on reinstatement", async () => {
    const { org, email, password } = await orgWithUser(deps, "agency");
    const c = new Client();
    expect((await c.logIn(email, password)).status).toBe(302);
    expect((await c.get("/dashboard")).status).toBe(200);

    const stolen = c.cookies.get("jmb_session")!;
    await unsafeChangeLicence(
      deps,
      org.id,
      { status: "suspended", reason: "investigation", suspendedUntil: "2099-01-01" },
      null,
    );
    const refused = await c.get("/dashboard");
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toMatch(/^\/login/);
    const again = await c.logIn(email, password);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("licence is suspended");
    const sessions = await deps.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select("sessions.id")
      .where("users.org_id", "=", org.id)
      .execute();
    expect(sessions).toEqual([]);

    await unsafeChangeLicence(deps, org.id, { status: "active", reason: "cleared" }, null);
    // a reinstatement does not revive the old session cookie
    const old = new Client();
    old.cookies.set("jmb_session", stolen);
    expect((await old.get("/dashboard")).status).toBe(302);
    expect((await c.logIn(email, password)).status).toBe(302);
    expect((await c.get("/dashboard")).status).toBe(200);
  });

  it("refuses revoked and lapsed licences too, and lifts a suspension that has ended", async () => {
    const revoked = await orgWithUser(deps, "agency");
    await unsafeChangeLicence(deps, revoked.org.id, { status: "revoked", reason: "fraud" }, null);
    const r = await new Client().logIn(revoked.email, revoked.password);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain("has been revoked");

    const lapsed = await orgWithUser(deps, "agency", { extra: { licenceValidUntil: "2020-01-01" } });
    const l = await new Client().logIn(lapsed.email, lapsed.password);
    expect(l.status).toBe(403);
    expect(await l.text()).toContain("has expired");

    const ended = await orgWithUser(deps, "agency");
    await unsafeChangeLicence(
      deps,
      ended.org.id,
      { status: "suspended", reason: "3 months", suspendedUntil: "2020-03-31" },
      null,
    );
    expect((await new Client().logIn(ended.email, ended.password)).status).toBe(302);
  });

  it("renews an expired licence, and refuses invitations into a blocked agency", async () => {
    const lapsed = await orgWithUser(deps, "agency", { extra: { licenceValidUntil: "2020-01-01" } });
    const ministry = await orgWithUser(deps, "ministry");
    const m = new Client();
    await m.logIn(ministry.email, ministry.password);
    const invite = await m.post(`/admin/orgs/${lapsed.org.slug}`, {
      intent: "invite",
      email: `late-${lapsed.org.slug}@test.example`,
      role: "member",
    });
    const path = new URL(/data-testid="invite-link">([^<]+)</.exec(await invite.text())![1]!).pathname;
    const refused = await new Client().post(path, { name: "Late", password: "another-long-password" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("has expired");

    const renew = await m.post(`/admin/orgs/${lapsed.org.slug}`, {
      intent: "licence",
      status: "active",
      reason: "renewed for 5 years",
      validUntil: "2031-12-31",
    });
    expect(renew.status).toBe(302);
    expect((await new Client().logIn(lapsed.email, lapsed.password)).status).toBe(302);
    expect((await new Client().post(path, { name: "Late", password: "another-long-password" })).status).toBe(302);
  });

  it("keeps the history of licence changes made by a ministry admin in the UI", async () => {
    const admin = await orgWithUser(deps, "ministry");
    const agency = await orgWithUser(deps, "agency");
    const c = new Client();
    await c.logIn(admin.email, admin.password);
    const bad = await c.post(`/admin/orgs/${agency.org.slug}`, {
      intent: "licence",
      status: "revoked",
      reason: "x",
      suspendedUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Give a reason.");
    expect(html).toContain("An end date only applies to a suspension.");

    const ok = await c.post(`/admin/orgs/${agency.org.slug}`, {
      intent: "licence",
      status: "suspended",
      reason: "Complaint about fees",
      suspendedUntil: "2027-02-28",
      scope: "Taiwan",
    });
    expect(ok.status).toBe(302);
    const events = await deps.db
      .selectFrom("licence_events")
      .select(["status", "reason", "scope", "suspended_until", "recorded_by"])
      .where("org_id", "=", agency.org.id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { status: "active", reason: "licence.initial", scope: null, suspended_until: null, recorded_by: null },
      {
        status: "suspended",
        reason: "Complaint about fees",
        scope: "Taiwan",
        suspended_until: "2027-02-28",
        recorded_by: admin.user.id,
      },
    ]);
    const page = await (await c.get(`/admin/orgs/${agency.org.slug}`)).text();
    expect(page).toContain("Complaint about fees");
    expect(page).toContain("Licence recorded");
    expect((await new Client().logIn(agency.email, agency.password)).status).toBe(403);
  });
});
