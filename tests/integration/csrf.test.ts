import { afterAll, describe, expect, inject, it } from "vitest";
import { Client, unique } from "../support/http";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { addMonths, isoDay } from "~/domain/dates";
import { createEventViaPage, enrolKioskViaPage } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

describe("cross-site request forgery", () => {
  it("refuses a sign-up posted from a foreign site (403) and stores nothing", async () => {
    const email = `${unique("csrf")}@test.example`;
    const res = await new Client().post(
      "/signup",
      { name: "Eve", email, password: "a-long-password-1", organisationName: "Evil Ltd", country: "MT" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("This request came from another site and was refused.");
    expect(
      await deps.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("refuses a signed-in user's forged POST: no API key is created, the session survives", async () => {
    const { email, password, org } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    const forged = await c.post(
      `/orgs/${org.slug}/settings`,
      { intent: "create-key", name: "forged" },
      { origin: "https://evil.example" },
    );
    expect(forged.status).toBe(403);
    const noOrigin = await c.post(
      `/orgs/${org.slug}/settings`,
      { intent: "create-key", name: "forged" },
      { origin: null },
    );
    expect(noOrigin.status).toBe(403);
    expect(await deps.db.selectFrom("api_keys").select("id").where("org_id", "=", org.id).execute()).toEqual([]);

    const forgedLogout = await c.post("/logout", {}, { origin: "https://evil.example" });
    expect(forgedLogout.status).toBe(403);
    expect((await c.get("/dashboard")).status).toBe(200);

    // the same request from the site itself works
    const real = await c.post(`/orgs/${org.slug}/settings`, { intent: "create-key", name: "real" });
    expect(real.status).toBe(200);
    expect(await deps.db.selectFrom("api_keys").select("name").where("org_id", "=", org.id).execute()).toEqual([
      { name: "real" },
    ]);
  });

  it("answers an API POST without a key 401 in the API's error format (not the cross-site 403)", async () => {
    const base = inject("baseUrl");
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/v1/job-orders`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ title: "x" }),
      });
    const variants: Record<string, string>[] = [{}, { Origin: "https://evil.example" }, { "Accept-Language": "id" }];
    for (const headers of variants) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      const body = (await res.json()) as { error: { code: string; message: string; fields: object } };
      expect(body.error).toMatchObject({ code: "unauthenticated", fields: {} });
      expect(body.error.message).toBe(
        "Accept-Language" in headers ? "Masuk untuk melanjutkan." : "Log in to continue.",
      );
    }
    // a cookie-carrying API POST from another site is still refused by the CSRF gate
    const forged = await post({ Cookie: "jmb_session=whatever", Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
  });

  it("refuses the booth's phone form and handoff posted from a foreign site (403): the link stays unspent", async () => {
    const admin = await orgWithUser(deps, "ministry");
    const adminClient = new Client();
    await adminClient.logIn(admin.email, admin.password);
    const slug = await createEventViaPage(adminClient, { name: `CSRF fair ${unique("f")}` });
    const { kiosk } = await enrolKioskViaPage(adminClient, slug, "CSRF screen");
    const vacancy = Object.fromEntries(
      new URLSearchParams(
        toVacancyQuery({
          iscoCode: "5131",
          sector: "cruise",
          country: "US",
          positions: 2,
          startMonth: addMonths(isoDay(new Date()), 2).slice(0, 7),
          contractMonths: 8,
          languages: [],
          certificates: [],
        }),
      ),
    );
    expect((await kiosk.post(`/booth/${slug}/handoffs`, vacancy, { origin: "https://evil.example" })).status).toBe(403);
    const made = await kiosk.post(`/booth/${slug}/handoffs`, vacancy);
    expect(made.status).toBe(201);
    const path = new URL(((await made.json()) as { url: string }).url).pathname;
    const company = unique("CSRF Ferries");
    const form = {
      name: "Eve Forger",
      company,
      email: "eve@evil.example",
      country: "US",
      consentContact: "on",
      consentVersion: LEAD_CONSENT_VERSION,
      consentWording: "pdp",
    };
    for (const origin of ["https://evil.example", null])
      expect((await new Client().post(path, form, { origin })).status).toBe(403);
    expect(await deps.db.selectFrom("leads").select("id").where("company", "=", company).execute()).toEqual([]);
    expect((await new Client().post(path, form)).status).toBe(302);
  });

  it("answers the refusal in the visitor's language", async () => {
    const res = await new Client().post(
      "/login",
      { email: "a@b.example", password: "x" },
      { origin: "https://evil.example", headers: { "Accept-Language": "id-ID" } },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("Permintaan ini berasal dari situs lain dan ditolak.");
  });
});
