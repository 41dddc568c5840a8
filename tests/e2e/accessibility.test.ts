import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { inviteMember } from "~/services/orgs/invitations.server";
import { actorOf } from "~/services/auth/sessions.server";
import { orgWithUser, testDeps } from "../support/fixtures";
import { axeViolations, launchBrowser } from "../support/browser";

const deps = testDeps();
let browser: Browser;
const base = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await deps.db.destroy();
});

describe("every page passes axe in both languages", () => {
  it.each(["en-GB", "id-ID"])("%s", async (locale) => {
    const ministry = await orgWithUser(deps, "ministry");
    const agency = await orgWithUser(deps, "agency");
    await unsafeChangeLicence(deps, agency.org.id, { status: "suspended", reason: "axe check", suspendedUntil: "2099-01-01" }, null);
    const { token } = await inviteMember(deps, actorOf({ user: ministry.user, org: ministry.org }), agency.org.slug, { email: `new-${agency.org.slug}@test.example`, role: "member" });

    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const findings: Record<string, string[]> = {};
    const check = async (url: string) => {
      const res = await page.goto(base + url);
      expect(res?.status(), url).toBeLessThan(500);
      findings[url] = await axeViolations(page);
    };

    for (const url of ["/", "/login", "/signup", `/invite/${token}`, "/no-such-page", "/login?blocked=suspended"]) await check(url);
    await page.goto(`${base}/login`);
    await page.locator("#login-email").fill(ministry.email);
    await page.locator("#login-password").fill(ministry.password);
    await page.locator("#login button[type=submit]").click();
    await page.waitForURL(`${base}/dashboard`);
    for (const url of ["/dashboard", `/orgs/${ministry.org.slug}/settings`, "/admin/orgs", `/admin/orgs/${agency.org.slug}`, "/admin/orgs?kind=agency"]) await check(url);

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    await context.close();
  });
});
