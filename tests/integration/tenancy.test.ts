import { afterAll, describe, expect, it } from "vitest";
import { unsafeCreateUser } from "~/services/users/users.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

describe("organisations stay apart", () => {
  it("an employer cannot open or change another organisation's settings (404, nothing changed)", async () => {
    const mine = await orgWithUser(deps, "employer");
    const theirs = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(mine.email, mine.password);

    expect((await c.get(`/orgs/${mine.org.slug}/settings`)).status).toBe(200);
    const read = await c.get(`/orgs/${theirs.org.slug}/settings`);
    expect(read.status).toBe(404);
    expect(await read.text()).not.toContain(theirs.email);

    const forms: Record<string, string>[] = [
      { intent: "create-key", name: "sneaky" },
      { intent: "invite", email: "spy@test.example", role: "admin" },
    ];
    for (const form of forms) {
      expect((await c.post(`/orgs/${theirs.org.slug}/settings`, form)).status).toBe(404);
    }
    expect(await deps.db.selectFrom("api_keys").select("id").where("org_id", "=", theirs.org.id).execute()).toEqual([]);
    expect(await deps.db.selectFrom("invitations").select("id").where("org_id", "=", theirs.org.id).execute()).toEqual(
      [],
    );
  });

  it("cannot revoke another organisation's key by its id", async () => {
    const mine = await orgWithUser(deps, "employer");
    const theirs = await orgWithUser(deps, "employer");
    const t = new Client();
    await t.logIn(theirs.email, theirs.password);
    await t.post(`/orgs/${theirs.org.slug}/settings`, { intent: "create-key", name: "theirs" });
    const key = await deps.db
      .selectFrom("api_keys")
      .select("id")
      .where("org_id", "=", theirs.org.id)
      .executeTakeFirstOrThrow();

    const c = new Client();
    await c.logIn(mine.email, mine.password);
    expect((await c.post(`/orgs/${mine.org.slug}/settings`, { intent: "revoke-key", keyId: key.id })).status).toBe(404);
    const row = await deps.db
      .selectFrom("api_keys")
      .select("revoked_at")
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("a member sees colleagues but cannot create keys or invite (403)", async () => {
    const admin = await orgWithUser(deps, "employer");
    const member = admin.org;
    const m = await unsafeCreateUser(deps, {
      orgSlug: member.slug,
      email: `member-${member.slug}@test.example`,
      name: "Member",
      role: "member",
      password: admin.password,
    });
    const c = new Client();
    await c.logIn(m.email, admin.password);
    const page = await c.get(`/orgs/${member.slug}/settings`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(admin.email);
    expect(html).toContain("Only your organisation&#x27;s administrators");
    expect((await c.post(`/orgs/${member.slug}/settings`, { intent: "create-key", name: "nope" })).status).toBe(403);
    expect(await deps.db.selectFrom("api_keys").select("id").where("org_id", "=", admin.org.id).execute()).toEqual([]);
  });

  it("only ministry administrators reach the administration pages", async () => {
    for (const kind of ["employer", "agency", "mission"] as const) {
      const u = await orgWithUser(deps, kind);
      const c = new Client();
      await c.logIn(u.email, u.password);
      expect((await c.get("/admin/orgs")).status).toBe(404);
      expect(
        (await c.post("/admin/orgs", { kind: "ministry", slug: `x-${u.org.slug}`, name: "Takeover" })).status,
      ).toBe(404);
    }
    const ministry = await orgWithUser(deps, "ministry", { role: "member" });
    const c = new Client();
    await c.logIn(ministry.email, ministry.password);
    expect((await c.get("/admin/orgs")).status).toBe(404);
    expect((await new Client().get("/admin/orgs")).status).toBe(302);
  });
});
