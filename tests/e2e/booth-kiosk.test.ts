import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { isoDay } from "~/domain/dates";
import { SECTORS } from "~/domain/reference/sectors";
import { saveWorker } from "~/services/workers/save-worker.server";
import { createEventViaPage, enrolmentCodeViaPage } from "../support/booth";
import { ARTIFACTS, axeViolations, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

// The booth's kiosk in Chromium, at both kiosk viewports: a staff member's one-time code enrols the screen; a
// visitor describes a vacancy by touch and watches the count follow; left alone, the screen counts down and wipes
// what was entered.

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

async function setUp() {
  const [admin, mission, agency] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "mission"),
    orgWithUser(deps, "agency"),
  ]);
  const adminClient = new Client();
  await adminClient.logIn(admin.email, admin.password);
  const staff = new Client();
  await staff.logIn(mission.email, mission.password);
  const slug = await createEventViaPage(adminClient);
  expect(
    (await adminClient.post(`/events/${slug}`, { intent: "add-staff", email: mission.email })).status,
  ).toBeLessThan(400);
  // 25 cruise waiters with IELTS 6 (B2) and a valid BST, available today (breakdowns show from 20)
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) {
    const saved = await saveWorker(
      deps,
      agencyActor(agency.org),
      workerInput({
        fullName: `Booth Browser Worker ${i}`,
        nik: undefined,
        passportNumber: undefined,
        externalRef: `BOOTH-E2E-${i}`,
        availableFrom: isoDay(deps.now()),
      }),
    );
    ids.push(saved.id);
  }
  await waitIndexed(deps, ids);
  return { staff, slug };
}

const countOf = async (page: Page) => {
  const text = (await page.getByTestId("kiosk-count").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
};

describe("the booth's kiosk in the browser", () => {
  for (const viewport of [
    { name: "portrait", width: 1080, height: 1920 },
    { name: "landscape", width: 1920, height: 1080 },
  ]) {
    it(`${viewport.name} ${viewport.width}×${viewport.height}: enrol, describe a vacancy, the count follows, idle reset`, async () => {
      const { staff, slug } = await setUp();
      const code = await enrolmentCodeViaPage(staff, slug, `Screen ${viewport.name}`);
      const context = await browser.get().newContext({ viewport, hasTouch: true });
      const page = await context.newPage();
      await page.clock.install();
      try {
        await page.goto(`${base}/booth/enrol`);
        await page.locator("input[name=code]").fill(code);
        await page.locator("input[name=code]").press("Enter");
        await page.waitForURL(`${base}/booth/${slug}`);
        await expect.poll(() => page.getByTestId("kiosk").count()).toBe(1);
        expect(await page.locator(".site-header").count()).toBe(0);

        // the occupation by a word the visitor knows, in Bahasa Indonesia too
        await page.locator("#kiosk-occupation").fill("pelayan");
        await page.getByRole("button", { name: "Waiters" }).click();
        await expect.poll(() => page.getByTestId("kiosk-count").count(), { timeout: 10_000 }).toBe(1);
        await expect.poll(() => countOf(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(25);
        const atA2 = await countOf(page);

        // the charts' figures are there for screen readers too
        await expect.poll(() => page.locator("figure.booth-chart").count()).toBeGreaterThan(0);

        // a stricter English requirement: the 25 (B2) drop out at C1
        await page.getByRole("group", { name: "English" }).getByRole("button", { name: "C1", exact: true }).click();
        await expect.poll(() => countOf(page), { timeout: 10_000 }).toBeLessThan(atA2);
        expect(await axeViolations(page)).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        const small = await page.evaluate(
          () =>
            [...document.querySelectorAll(".kiosk button, .kiosk input, .kiosk select")]
              .map((el) => el.getBoundingClientRect())
              .filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length,
        );
        expect(small).toBe(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `booth-kiosk-${viewport.name}.png`), fullPage: false });

        // the visitor leaves their details: checked on the screen first, then stored once
        await page.getByRole("button", { name: "Leave your details" }).click();
        await page.getByRole("button", { name: "Send my details" }).click();
        await expect.poll(() => page.locator("#kiosk-lead-name-error").textContent()).not.toBe("");
        const company = `Nordic Ferries ${viewport.name}`;
        await page.getByLabel("Your name").fill("Ingrid Solberg");
        await page.getByLabel("Company", { exact: true }).fill(company);
        await page.getByLabel("Email").fill("ingrid@nordicferries.example");
        await page.getByLabel("Company's country").selectOption("NO");
        await expect.poll(() => page.locator(".kiosk-privacy").getAttribute("data-wording")).toBe("gdpr");
        await page.getByLabel(/may contact me/).check();
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `booth-kiosk-${viewport.name}-lead.png`) });
        await page.getByRole("button", { name: "Send my details" }).click();
        await expect.poll(() => page.getByRole("heading", { name: /Thank you, Ingrid Solberg/ }).count()).toBe(1);
        const leads = await deps.db.selectFrom("leads").selectAll().where("company", "=", company).execute();
        expect(leads).toHaveLength(1);
        expect(leads[0]).toMatchObject({ consent_contact: true, consent_share: false, country: "NO" });
        expect((leads[0]!.vacancy as { iscoCode: string }).iscoCode).toBe("5131");
        expect(await page.getByTestId("kiosk-queue").count()).toBe(0);
        await page.getByRole("button", { name: "Start a new vacancy" }).click();
        await page.locator("#kiosk-occupation").fill("steward");

        // left alone for a minute: a countdown, then everything typed is gone
        await page.clock.fastForward(61_000);
        await expect.poll(() => page.getByRole("alertdialog").count()).toBe(1);
        await page.screenshot({ path: path.join(ARTIFACTS, `booth-kiosk-${viewport.name}-idle.png`) });
        await page.clock.fastForward(11_000);
        await expect.poll(() => page.getByRole("alertdialog").count()).toBe(0);
        await expect.poll(() => page.locator("#kiosk-occupation").inputValue()).toBe("");
        expect(await page.getByTestId("kiosk-count").count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  it("an occupation without a sector tag (most of ISCO-08) lets the visitor choose among all sectors", async () => {
    const { staff, slug } = await setUp();
    const code = await enrolmentCodeViaPage(staff, slug, "Screen untagged");
    const context = await browser.get().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/booth/enrol`);
      await page.locator("input[name=code]").fill(code);
      await page.locator("input[name=code]").press("Enter");
      await page.waitForURL(`${base}/booth/${slug}`);
      await page.locator("#kiosk-occupation").fill("pedal vehicle");
      await page.getByRole("button", { name: "Hand and pedal vehicle drivers" }).click();
      const sectors = page.getByRole("group", { name: "Where the work is" }).getByRole("button");
      await expect.poll(() => sectors.count()).toBe(SECTORS.length);
      expect(await page.getByTestId("kiosk-count").count()).toBe(0); // no sector yet: nothing to count
      await page.getByRole("button", { name: "Manufacturing", exact: true }).click();
      await expect.poll(() => page.getByTestId("kiosk-count").count(), { timeout: 10_000 }).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
