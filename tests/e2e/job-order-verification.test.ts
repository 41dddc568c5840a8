import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { orgWithUser, testDeps } from "../support/fixtures";
import { apiOrg } from "../support/job-orders";
import { ARTIFACTS, axeViolations, sharedBrowser, logInOn } from "../support/browser";

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

async function logIn(locale: string, email: string, password: string) {
  const context = await browser.get().newContext({ locale });
  const page = await context.newPage();
  await logInOn(page, base, email, password);
  return { context, page };
}

describe("a job order from draft to the public verification page", () => {
  it("employer drafts and submits (EN), verifier approves (ID), the order is public and checkable", async () => {
    const employer = await apiOrg(deps, "employer"); // with company details
    const mission = await orgWithUser(deps, "mission", { extra: { countries: ["NO"] } });
    const title = `Hotel Cook ${Date.now()}`;

    // Employer, in English
    const e = await logIn("en-GB", employer.email, employer.password);
    await e.page.getByRole("navigation").getByRole("link", { name: "Job orders" }).click();
    await e.page.getByRole("link", { name: "New job order" }).click();
    await e.page.getByRole("heading", { name: "New job order" }).waitFor();
    expect(await axeViolations(e.page)).toEqual([]);

    const f = e.page;
    await f.getByLabel("Job title").fill(title);
    await f.getByLabel("Occupation (ISCO-08)").fill("5120");
    await f.getByLabel("Sector").selectOption("hospitality");
    await f.getByLabel("Destination country").selectOption("NO");
    await f.getByLabel("City or port").fill("Bergen");
    await f.getByLabel("Number of positions").fill("3");
    await f.getByLabel("Wage", { exact: true }).fill("32000");
    await f.getByLabel("Currency").selectOption("NOK");
    await f.getByLabel("Working hours per week").fill("37.5");
    await f.getByLabel("Rest days per week").fill("2");
    await f.getByLabel("Paid annual leave (days)").fill("25");
    await f.getByLabel("Contract length (months)").fill("12");
    const start = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await f.getByLabel("Expected start date").fill(start);
    await f.getByLabel("Accommodation").selectOption("deducted");
    await f.getByLabel("Meals").selectOption("free");
    await f.getByLabel("Local transport").selectOption("allowance");
    await f.getByLabel("Social security and insurance").selectOption("statutory_shared");
    await f.getByRole("button", { name: "Add a certificate" }).click();
    await f.getByLabel("Certificate", { exact: true }).selectOption("food_safety");
    await f
      .getByLabel("Description (English)")
      .fill("Cook breakfast and lunch for a 200-room harbour hotel; Norwegian collective agreement applies.");

    // Forgetting the cost declaration is caught next to its checkbox before anything is stored
    await f.getByRole("button", { name: "Save draft" }).click();
    await f.getByText("The employer must declare that it pays every placement cost; the worker pays none.").waitFor();
    await f.getByLabel("We, the employer, pay every placement cost listed above.").check();
    await f.getByRole("button", { name: "Save draft" }).click();

    await f.getByRole("heading", { name: title }).waitFor();
    await f.getByText("Draft", { exact: true }).waitFor();
    expect(await axeViolations(f)).toEqual([]);
    await f.getByRole("button", { name: "Submit for verification" }).click();
    await f.getByText("Awaiting verification", { exact: true }).first().waitFor();
    const orderUrl = f.url();

    // Verifier, in Bahasa Indonesia
    const m = await logIn("id-ID", mission.email, mission.password);
    await m.page.getByRole("navigation").getByRole("link", { name: "Antrean verifikasi" }).click();
    await m.page.getByRole("heading", { name: "Antrean verifikasi" }).waitFor();
    expect(await axeViolations(m.page)).toEqual([]);
    await m.page.getByRole("link", { name: title }).click();
    await m.page.getByRole("heading", { name: "Pemeriksaan otomatis" }).waitFor();
    expect(await axeViolations(m.page)).toEqual([]);
    await m.page.getByLabel("Keputusan", { exact: true }).selectOption("approve");
    await m.page.getByRole("button", { name: "Catat keputusan" }).click();
    await m.page.getByText("Keputusan dicatat.").waitFor();
    await m.page.getByText("Terverifikasi", { exact: true }).first().waitFor();
    const code = (await m.page.locator(".secret").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await m.page.screenshot({ path: path.join(ARTIFACTS, "verified-id.png"), fullPage: true });

    // The employer sees the decision and the code
    await e.page.goto(orderUrl);
    await e.page.getByText(code).waitFor();

    // Anyone: the public board and the verification page
    const pub = await browser.get().newContext({ locale: "en-GB" });
    const p = await pub.newPage();
    await p.goto(`${base}/jobs?country=NO`);
    await p.getByRole("heading", { name: title }).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole("link", { name: `Verification ${code}` }).click();
    await p.getByText(/Genuine job order, verified by .* Current: recruitment is open until/).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await p.goto(`${base}/verify`);
    await p.getByLabel("Verification code").fill(code.toLowerCase());
    await p.getByRole("button", { name: "Check" }).click();
    await p.waitForURL(`${base}/verify/${code.replace("-", "")}`);
    await p.screenshot({ path: path.join(ARTIFACTS, "verify-page.png"), fullPage: true });
    await Promise.all([e.context.close(), m.context.close(), pub.close()]);
  }, 90_000); // a whole journey through three browser sessions
});
