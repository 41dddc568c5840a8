import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { unique } from "../support/http";
import { ARTIFACTS, axeViolations, launchBrowser, overflowsHorizontally } from "../support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("an employer in the browser", () => {
  it("signs up, signs in, switches to Bahasa Indonesia, logs out and logs back in", async () => {
    const email = `${unique("e2e")}@test.example`;
    const password = "browser-password-42";

    await page.goto(base);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Employer sign-up" }).click();
    await page.getByRole("heading", { name: "Create an employer account" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // client-side validation from the shared schema, shown next to the field
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Your name").focus();
    await page.getByText("Enter a valid email address.").waitFor();
    expect(await page.getByLabel("Work email").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Your name").fill("Maria Camilleri");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Company name").fill("Aurora Test Cruises");
    await page.getByLabel("Country where the company is registered").selectOption("MT");
    await page.getByRole("button", { name: "Create account" }).click();

    // the same answer as for an address that already has an account: sign in next
    await page.getByText("If this email address was new, your employer account is ready").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Welcome, Maria Camilleri" }).waitFor();

    await page.getByLabel("Language").selectOption("id");
    await page.getByRole("button", { name: "Change language" }).click();
    await page.getByRole("heading", { name: "Selamat datang, Maria Camilleri" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-id.png"), fullPage: true });

    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByText("Anda telah keluar.").waitFor();
    await page
      .getByRole("heading", { name: "Setiap lowongan luar negeri melalui job order yang terverifikasi" })
      .waitFor();

    await page.getByRole("navigation").getByRole("link", { name: "Masuk" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill("wrong-password-1");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Email atau kata sandi salah.").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Kata sandi").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { name: "Selamat datang, Maria Camilleri" }).waitFor();
  });

  it("manages the organisation from the keyboard and stays usable on a phone", async () => {
    // continues signed in (in Bahasa Indonesia) from the journey above
    await page.getByRole("link", { name: "Pengaturan organisasi" }).first().click();
    await page.getByRole("heading", { name: "Aurora Test Cruises: pengaturan" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Label kunci").focus();
    await page.keyboard.type("ERP");
    await page.keyboard.press("Enter");
    const key = await page.getByTestId("new-api-key").textContent();
    expect(key).toMatch(/^jmb_/);
    const res = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await res.json()).organisation.name).toBe("Aurora Test Cruises");

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "id-ID", isMobile: true });
    const p = await phone.newPage();
    for (const url of ["/", "/login", "/signup"]) {
      await p.goto(base + url);
      expect(await overflowsHorizontally(p), url).toBe(false);
      expect(await p.locator("html").getAttribute("lang")).toBe("id");
    }
    await p.screenshot({ path: path.join(ARTIFACTS, "home-phone-id.png"), fullPage: true });
    await phone.close();
  });
});
