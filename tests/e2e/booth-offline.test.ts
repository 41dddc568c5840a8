import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { addDays, isoDay } from "~/domain/dates";
import { createEventViaPage, enrolmentCodeViaPage } from "../support/booth";
import { sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { VenueWifi } from "../support/venue-wifi";

// The booth on venue Wi-Fi, in Chromium: the kiosk reaches the app through a proxy the test cuts and restores (and
// the browser context is set offline with it). Offline, the page still loads, the count says it is the last known
// figure, and three leads wait on the device; back online, exactly three are stored; a fourth whose answer the
// network lost is sent again and stored once. While leads wait, the screen refuses to be un-enrolled.

const deps = testDeps();
const wifi = new VenueWifi(new URL(inject("baseUrl")));
const browser = sharedBrowser(deps);
const tag = `wifi${randomInt(1e9).toString(36)}`;

beforeAll(() => wifi.up());
afterAll(() => wifi.down());

const storedLeads = async () =>
  (await deps.db.selectFrom("leads").select(["id", "company"]).where("company", "like", `${tag}%`).execute()).map(
    (l) => l.company,
  );

async function pickWaiters(page: Page) {
  await page.locator("#kiosk-occupation").fill("pelayan");
  await page.getByRole("button", { name: "Waiters" }).click();
}

async function leaveLead(page: Page, n: number) {
  await page.getByRole("button", { name: "Leave your details" }).click();
  await page.getByLabel("Your name").fill(`Visitor ${n}`);
  await page.getByLabel("Company", { exact: true }).fill(`${tag} company ${n}`);
  await page.getByLabel("Email").fill(`visitor${n}@${tag}.example`);
  await page.getByLabel("Company's country").selectOption("MT");
  await page.getByLabel(/may contact me/).check();
  await page.getByRole("button", { name: "Send my details" }).click();
}

describe("the kiosk without the venue's network", () => {
  it("keeps working offline, queues leads and stores each exactly once when the network returns", async () => {
    const [admin, mission] = await Promise.all([orgWithUser(deps, "ministry"), orgWithUser(deps, "mission")]);
    const adminClient = new Client();
    await adminClient.logIn(admin.email, admin.password);
    const staff = new Client();
    await staff.logIn(mission.email, mission.password);
    const today = isoDay(deps.now());
    const slug = await createEventViaPage(adminClient, { startsOn: addDays(today, -1), endsOn: addDays(today, 2) });
    expect((await adminClient.post(`/events/${slug}`, { intent: "add-staff", email: mission.email })).status).toBe(302);
    const code = await enrolmentCodeViaPage(staff, slug, "Wi-Fi screen");

    const context = await browser.get().newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    const page = await context.newPage();
    const base = wifi.baseUrl;
    try {
      await page.goto(`${base}/booth/enrol`);
      await page.locator("input[name=code]").fill(code);
      await page.locator("input[name=code]").press("Enter");
      await page.waitForURL(`${base}/booth/${slug}`);
      await expect
        .poll(() => page.locator("[data-testid=kiosk][data-ready=true]").count(), { timeout: 10_000 })
        .toBe(1);
      // the service worker controls the page and holds the kiosk and its scripts
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              if (!navigator.serviceWorker.controller) return 0;
              const keys = await (await caches.open("jembatan-booth-v1")).keys();
              return keys.some((k) => new URL(k.url).pathname.startsWith("/booth/")) ? keys.length : 0;
            }),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(2);
      await pickWaiters(page);
      await expect.poll(() => page.getByTestId("kiosk-count").count(), { timeout: 10_000 }).toBe(1);

      // the Wi-Fi goes
      await wifi.down();
      await context.setOffline(true);
      await page.getByRole("group", { name: "English" }).getByRole("button", { name: "B2", exact: true }).click();
      await expect
        .poll(() => page.locator(".kiosk-offline").textContent(), { timeout: 10_000 })
        .toMatch(/No connection: last known figures, taken at \d{1,2}[:.]\d{2}/);

      // the kiosk loads from the device without the network
      await page.reload();
      await expect
        .poll(() => page.locator("[data-testid=kiosk][data-ready=true]").count(), { timeout: 10_000 })
        .toBe(1);
      await pickWaiters(page);
      await expect
        .poll(() => page.locator(".kiosk-count-hint").textContent(), { timeout: 10_000 })
        .toMatch(/No connection/);

      for (const n of [1, 2, 3]) {
        await leaveLead(page, n);
        await expect.poll(() => page.getByRole("heading", { name: /Saved on this screen/ }).count()).toBe(1);
        await expect
          .poll(() => page.getByTestId("kiosk-queue").textContent())
          .toBe(n === 1 ? "1 lead waits to be sent." : `${n} leads wait to be sent.`);
        await page.getByRole("button", { name: "Start a new vacancy" }).click();
        await pickWaiters(page);
      }
      expect(await storedLeads()).toEqual([]);

      // staff cannot un-enrol the screen while leads wait on it
      await page.getByRole("button", { name: "Staff" }).click();
      await expect.poll(() => page.getByRole("dialog").textContent()).toMatch(/cannot be un-enrolled/);
      expect(await page.getByRole("button", { name: /un-enrol/i }).count()).toBe(0);
      await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

      // the Wi-Fi returns: the queue drains by itself
      await wifi.up();
      await context.setOffline(false);
      await expect.poll(storedLeads, { timeout: 30_000 }).toHaveLength(3);
      expect((await storedLeads()).sort()).toEqual([1, 2, 3].map((n) => `${tag} company ${n}`));
      await expect.poll(() => page.getByTestId("kiosk-queue").count(), { timeout: 10_000 }).toBe(0);

      // a fourth lead reaches the app but its answer is lost: the device sends it again, the app stores it once
      wifi.loseNextAnswer(/\/leads$/);
      // (Chromium itself may resend a request whose connection died before any answer: either way it is a repeat)
      await leaveLead(page, 4);
      await expect.poll(() => page.getByRole("heading", { name: /Thank you, Visitor 4/ }).count()).toBe(1);
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      await expect.poll(() => page.getByTestId("kiosk-queue").count(), { timeout: 30_000 }).toBe(0);
      const posts = wifi.seen.filter((s) => s.method === "POST" && s.path === `/booth/${slug}/leads`);
      const fourth = posts.slice(3);
      expect(fourth.map((p) => [p.status, p.lost])).toEqual([
        [201, true],
        [200, false],
      ]);
      expect(await storedLeads()).toHaveLength(4);

      // with nothing waiting, staff may un-enrol (confirmed), and the screen stops being a kiosk
      await page.getByRole("button", { name: "Start a new vacancy" }).click();
      await page.getByRole("button", { name: "Staff" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Un-enrol this screen" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Yes, un-enrol" }).click();
      await expect.poll(() => page.getByRole("dialog").textContent()).toMatch(/no longer a kiosk/);
      const device = await deps.db
        .selectFrom("kiosk_devices")
        .select("revoked_at")
        .where("label", "=", "Wi-Fi screen")
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
      expect(device.revoked_at).not.toBeNull();
      await page.goto(`${base}/booth/${slug}`);
      await expect.poll(() => page.getByText("This screen is not enrolled").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 180_000);
});
