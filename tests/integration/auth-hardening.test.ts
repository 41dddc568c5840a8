import { afterAll, describe, expect, it } from "vitest";
import { unsafeCreateUser } from "~/services/users/users.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

describe("login hardening over HTTP", () => {
  it("never redirects off-site after login, whatever redirectTo says", async () => {
    const { email, password } = await orgWithUser(deps, "employer");
    for (const evil of [
      "https://evil.example",
      "//evil.example",
      "/\t/evil.example",
      "/\\evil.example",
      "/%09/evil.example",
    ]) {
      const c = new Client();
      const res = await c.post("/login", { email, password, redirectTo: evil });
      expect(res.status, evil).toBe(302);
      const location = res.headers.get("location")!;
      expect(new URL(location, c.baseUrl).host, evil).toBe(new URL(c.baseUrl).host);
    }
    const c = new Client();
    const ok = await c.post("/login", { email, password, redirectTo: "/orgs/x/settings?tab=keys" });
    expect(ok.headers.get("location")).toBe("/orgs/x/settings?tab=keys");
    // signed in, GET /login?redirectTo=… follows the same rule
    const again = await c.get("/login?redirectTo=%2F%09%2Fevil.example");
    expect(again.headers.get("location")).toBe("/dashboard");
  });

  it("a burst of parallel wrong passwords from one address gets exactly 5 password checks, the rest 429 + Retry-After", async () => {
    const { email } = await orgWithUser(deps, "employer");
    const ip = new Client().ip;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => new Client({ ip }).logIn(email, `parallel-guess-${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBe(7);
    for (const r of refused) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("rejects a login whose honeypot is filled, without a session", async () => {
    const { email, password } = await orgWithUser(deps, "employer");
    const c = new Client();
    const res = await c.post("/login", { email, password, website: "bot" });
    expect(res.status).toBe(422);
    expect(c.cookies.has("jmb_session")).toBe(false);
  });

  it("GET /language changes nothing; POST does, and is remembered on the account", async () => {
    const { email, password, user } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    await c.get("/language?lang=id");
    expect(c.cookies.has("jmb_lang")).toBe(false);
    expect(
      (await deps.db.selectFrom("users").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow()).locale,
    ).toBeNull();
    const res = await c.post("/language", { lang: "id", redirectTo: "/dashboard" });
    expect(res.headers.get("location")).toBe("/dashboard");
    expect(
      (await deps.db.selectFrom("users").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow()).locale,
    ).toBe("id");
    // a new device: the account's choice comes back at login
    const other = new Client();
    await other.logIn(email, password);
    expect(await (await other.get("/dashboard")).text()).toContain("Selamat datang");
  });

  it("answers tampered ids with 404, not a server error", async () => {
    const { email, password, org } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    const forms: Record<string, string>[] = [
      { intent: "revoke-key", keyId: "not-a-uuid" },
      { intent: "cancel-invite", invitationId: "' or 1=1 --" },
      { intent: "revoke-key" },
    ];
    for (const form of forms) {
      expect((await c.post(`/orgs/${org.slug}/settings`, form)).status).toBe(404);
    }
    expect((await c.post(`/orgs/${org.slug}/settings`, { intent: "frobnicate" })).status).toBe(400);
  });

  it("a member cannot cancel invitations (403) and the invitation stays", async () => {
    const admin = await orgWithUser(deps, "employer");
    const a = new Client();
    await a.logIn(admin.email, admin.password);
    await a.post(`/orgs/${admin.org.slug}/settings`, {
      intent: "invite",
      email: `m-${admin.org.slug}@test.example`,
      role: "member",
    });
    const inv = await deps.db
      .selectFrom("invitations")
      .select("id")
      .where("org_id", "=", admin.org.id)
      .executeTakeFirstOrThrow();
    const member = await unsafeCreateUser(deps, {
      orgSlug: admin.org.slug,
      email: `x-${admin.org.slug}@test.example`,
      name: "M",
      role: "member",
      password: admin.password,
    });
    const m = new Client();
    await m.logIn(member.email, admin.password);
    expect(
      (await m.post(`/orgs/${admin.org.slug}/settings`, { intent: "cancel-invite", invitationId: inv.id })).status,
    ).toBe(403);
    expect(
      (await m.post(`/orgs/${admin.org.slug}/settings`, { intent: "invite", email: "y@test.example", role: "admin" }))
        .status,
    ).toBe(403);
    expect(
      (await deps.db.selectFrom("invitations").select("revoked_at").where("id", "=", inv.id).executeTakeFirstOrThrow())
        .revoked_at,
    ).toBeNull();
  });
});
