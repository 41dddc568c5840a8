import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createEventViaPage, enrolmentCodeViaPage } from "../support/booth";
import { ARTIFACTS, axeViolations, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client, unique } from "../support/http";

// The kiosk's phone handoff in Chromium (decision 019, "Phone handoff"): the visitor presses "Continue on your
// phone", the screen shows a QR code and the link's address; the link opens on a phone-sized page with no cookie
// of the kiosk's, the visitor leaves their details there and sees the thank-you page; left alone, the kiosk takes
// the code off the screen.

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

describe("the kiosk's phone handoff in the browser", () => {
  it("QR code and address on the kiosk, the lead left on a phone, thanks; the idle reset clears the code", async () => {
    const [admin, mission] = await Promise.all([orgWithUser(deps, "ministry"), orgWithUser(deps, "mission")]);
    const adminClient = new Client();
    await adminClient.logIn(admin.email, admin.password);
    const staff = new Client();
    await staff.logIn(mission.email, mission.password);
    const slug = await createEventViaPage(adminClient, { name: `Handoff browser fair ${unique("e")}` });
    expect(
      (await adminClient.post(`/events/${slug}`, { intent: "add-staff", email: mission.email })).status,
    ).toBeLessThan(400);
    const code = await enrolmentCodeViaPage(staff, slug, "Handoff browser screen");

    const kioskContext = await browser.get().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const phoneContext = await browser.get().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "en-GB",
    });
    try {
      const kiosk = await kioskContext.newPage();
      const kioskCsp = watchCsp(kiosk);
      await kiosk.clock.install();
      await kiosk.goto(`${base}/booth/enrol`);
      await kiosk.locator("input[name=code]").fill(code);
      await kiosk.locator("input[name=code]").press("Enter");
      await kiosk.waitForURL(`${base}/booth/${slug}`);
      await expect.poll(() => kiosk.locator("[data-testid=kiosk][data-ready=true]").count()).toBe(1);

      await kiosk.locator("#kiosk-occupation").fill("pelayan");
      await kiosk.getByRole("button", { name: "Waiters" }).click();
      await kiosk.getByRole("button", { name: "Continue on your phone" }).click();
      const qr = kiosk.locator("img.kiosk-qr");
      await qr.waitFor();
      expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const shown = (await kiosk.getByTestId("kiosk-handoff-url").textContent()) ?? "";
      const host = new URL(base).host;
      expect(shown).toMatch(new RegExp(`^${host.replace(/\./g, "\\.")}/booth/h/[A-Z0-9]{20}$`));
      expect(await axeViolations(kiosk)).toEqual([]);
      expect(await overflowsHorizontally(kiosk)).toBe(false);
      await kiosk.screenshot({ path: path.join(ARTIFACTS, "booth-kiosk-portrait-handoff.png") });

      // the visitor's phone: no cookie of the kiosk's, the vacancy, the same lead form
      const phone = await phoneContext.newPage();
      const phoneCsp = watchCsp(phone);
      await phone.goto(`${new URL(base).protocol}//${shown}`);
      expect((await phoneContext.cookies()).map((c) => c.name)).not.toContain("jmb_kiosk");
      await expect.poll(() => phone.getByTestId("handoff-vacancy").textContent()).toContain("Waiters");
      expect(await phone.getByTestId("handoff-vacancy").textContent()).toContain("United States");
      expect(await axeViolations(phone)).toEqual([]);
      expect(await overflowsHorizontally(phone)).toBe(false);
      await phone.getByRole("button", { name: "Send my details" }).click();
      await expect.poll(() => phone.locator("[id$='-name-error']").textContent()).not.toBe("");
      const company = `Nordic Ferries ${unique("p")}`;
      await phone.getByLabel("Your name").fill("Ingrid Solberg");
      await phone.getByLabel("Company", { exact: true }).fill(company);
      await phone.getByLabel("Email").fill("ingrid@nordicferries.example");
      await phone.getByLabel("Company's country").selectOption("NO");
      await expect.poll(() => phone.locator(".kiosk-privacy").getAttribute("data-wording")).toBe("gdpr");
      await phone.getByLabel(/may contact me/).check();
      await phone.screenshot({ path: path.join(ARTIFACTS, "booth-phone-handoff.png"), fullPage: true });
      await phone.getByRole("button", { name: "Send my details" }).click();
      await phone.getByRole("heading", { name: "Thank you: your details were sent" }).waitFor();
      expect(await axeViolations(phone)).toEqual([]);
      const leads = await deps.db.selectFrom("leads").selectAll().where("company", "=", company).execute();
      expect(leads).toHaveLength(1);
      expect(leads[0]).toMatchObject({ source: "phone", consent_contact: true, consent_share: false, country: "NO" });
      expect(leads[0]!.consent_version).toMatch(/\/gdpr$/);
      expect((leads[0]!.vacancy as { iscoCode: string }).iscoCode).toBe("5131");
      // the link was for one lead
      await phone.goBack();
      await phone.reload();
      await phone.getByRole("heading", { name: "This link has been used" }).waitFor();

      // the kiosk, left alone, takes the code off the screen with everything else
      await kiosk.clock.fastForward(61_000);
      await expect.poll(() => kiosk.getByRole("alertdialog").count()).toBe(1);
      await kiosk.clock.fastForward(11_000);
      await expect.poll(() => kiosk.getByTestId("kiosk-handoff").count()).toBe(0);
      expect(await kiosk.locator("img.kiosk-qr").count()).toBe(0);
      expect(kioskCsp).toEqual([]);
      expect(phoneCsp).toEqual([]);
    } finally {
      await kioskContext.close();
      await phoneContext.close();
    }
  }, 120_000);
});
