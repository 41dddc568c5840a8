import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

const me = (key: string, lang = "en") =>
  fetch(`${inject("baseUrl")}/api/v1/me`, { headers: { Authorization: `Bearer ${key}`, "Accept-Language": lang } });

/** Creates a key through the settings page, as an org admin does, and reads it from the page shown once. */
async function createKeyViaSettings(c: Client, slug: string, name: string): Promise<string> {
  const res = await c.post(`/orgs/${slug}/settings`, { intent: "create-key", name });
  expect(res.status).toBe(200);
  const key = /data-testid="new-api-key">([^<]+)</.exec(await res.text())?.[1];
  expect(key).toMatch(/^jmb_[A-Za-z0-9_-]{43}$/);
  return key!;
}

describe("organisation API keys", () => {
  it("authenticates as its organisation, is stored only hashed, shown once, and stops working when revoked", async () => {
    const { org, email, password } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    const key = await createKeyViaSettings(c, org.slug, "ERP integration");

    const res = await me(key);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      organisation: { id: org.id, slug: org.slug, name: org.name, kind: "employer" },
    });

    const row = await deps.db.selectFrom("api_keys").selectAll().where("org_id", "=", org.id).executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.startsWith(row.key_prefix)).toBe(true);
    expect(row.last_used_at).not.toBeNull();
    const settings = await (await c.get(`/orgs/${org.slug}/settings`)).text();
    expect(settings).toContain("ERP integration");
    expect(settings).not.toContain(key);

    const revoke = await c.post(`/orgs/${org.slug}/settings`, { intent: "revoke-key", keyId: row.id });
    expect(revoke.status).toBe(302);
    const after = await me(key);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      error: { code: "unauthenticated", message: "Log in to continue.", fields: {} },
    });
  });

  it("refuses missing, malformed and unknown keys in the API error format and the caller's language", async () => {
    const none = await fetch(`${inject("baseUrl")}/api/v1/me`);
    expect(none.status).toBe(401);
    const unknown = await me("jmb_" + "A".repeat(43), "id");
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({
      error: { code: "unauthenticated", message: "Masuk untuk melanjutkan.", fields: {} },
    });
    expect((await me("not-a-key")).status).toBe(401);
  });

  it("stops a suspended agency's keys", async () => {
    const { org, email, password } = await orgWithUser(deps, "agency");
    const c = new Client();
    await c.logIn(email, password);
    const key = await createKeyViaSettings(c, org.slug, "agency system");
    expect((await me(key)).status).toBe(200);
    await unsafeChangeLicence(deps, org.id, { status: "suspended", reason: "investigation" }, null);
    expect((await me(key)).status).toBe(401);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
