// Error pages say what happened and what to do next, in the reader's language: the message a service
// gave (its i18n key travels with the thrown response), a next step for the status, and the route's way back.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { translate } from "~/i18n/translate";
import { API_ERROR_CODES } from "~/web/errors.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

async function signedIn(kind: "employer" | "agency", lang?: "id") {
  const u = await orgWithUser(deps, kind);
  const c = new Client();
  await c.logIn(u.email, u.password);
  if (lang) await c.post("/language", { lang, redirectTo: "/dashboard" });
  return c;
}

describe("error pages", () => {
  it("a job order that does not exist: 404, the service's message, the next step and the way back to job orders", async () => {
    const c = await signedIn("employer");
    const r = await c.get(`/job-orders/${randomUUID()}`);
    expect(r.status).toBe(404);
    const page = text(await r.text());
    expect(page).toContain(translate("en", "error.404_title"));
    expect(page).toContain(translate("en", "errors.job_order_not_found"));
    expect(page).toContain(translate("en", "error.next_404"));
    expect(page).toContain(translate("en", "error.back_job_orders"));
    expect(page).toContain(translate("en", "error.dashboard"));
  });

  it("says it in Bahasa Indonesia to a reader who chose it", async () => {
    const c = await signedIn("employer", "id");
    const r = await c.get(`/job-orders/${randomUUID()}`);
    expect(r.status).toBe(404);
    const page = text(await r.text());
    expect(page).toContain(translate("id", "error.404_title"));
    expect(page).toContain(translate("id", "errors.job_order_not_found"));
    expect(page).toContain(translate("id", "error.next_404"));
    expect(page).toContain(translate("id", "error.back_job_orders"));
    expect(page).not.toContain(translate("en", "error.next_404"));
  });

  it("an unknown address gets the page's own words (a bare 'not found' adds nothing) and no dashboard link when signed out", async () => {
    const r = await new Client().get("/no-such-page-at-all");
    expect(r.status).toBe(404);
    const page = text(await r.text());
    expect(page).toContain(translate("en", "error.404_text"));
    expect(page).toContain(translate("en", "error.home"));
    expect(page).not.toContain(translate("en", "error.dashboard"));
  });

  it("a form endpoint without a page answers a bad request in words (400), not with an i18n key", async () => {
    const c = await signedIn("employer", "id");
    const r = await c.post("/language", { lang: "xx", redirectTo: "/" });
    expect(r.status).toBe(400);
    expect(await r.text()).toBe(translate("id", "errors.invalid"));
  });

  it("a tampered import mode on the page and its progress channel is a field error in words, as on the API", async () => {
    const c = await signedIn("agency", "id");
    const page = await c.post("/workers/import", { mode: "some" });
    expect(page.status).toBe(422);
    expect(text(await page.text())).toContain(translate("id", "errors.import_mode_invalid"));
    const stream = await c.post("/workers/import/stream", { mode: "some" });
    expect(stream.status).toBe(422);
    expect(await stream.text()).toBe(translate("id", "errors.import_mode_invalid"));
  });

  it("a download of something that does not exist answers 404 in words, not a 500 or an i18n key", async () => {
    const c = await signedIn("agency", "id");
    const r = await c.get(`/job-orders/${randomUUID()}/shortlist.csv`);
    expect(r.status).toBe(404);
    const body = await r.text();
    expect(body).not.toMatch(/errors\.\w+/);
    expect(body).toContain(translate("id", "errors.job_order_not_found"));
  });
});

describe("API error codes", () => {
  it("the OpenAPI description lists every code the API answers, and statuses follow the code", async () => {
    const doc = (await (await fetch(`${inject("baseUrl")}/api/v1/openapi.json`)).json()) as {
      components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
    };
    const documented = doc.components.schemas.Error.properties.error.properties.code.enum;
    expect([...documented].sort()).toEqual([...API_ERROR_CODES].sort());
    for (const code of [
      "unauthenticated",
      "method_not_allowed",
      "malformed",
      "unavailable",
      "rate_limited",
      "too_large",
      "unsupported_media_type",
      "timeout",
    ])
      expect(documented).toContain(code);
    expect(documented).not.toContain("unauthorized");
    // a wrong method is 405 with its own code, an unreadable body 400 with its own (not "invalid", which is 422)
    const wrong = await fetch(`${inject("baseUrl")}/api/v1/me`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });
});
