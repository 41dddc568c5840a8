import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import { createEventViaPage, enrolKioskViaPage, leadForm } from "../support/booth";
import { ARTIFACTS, axeViolations, logInOn, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client, unique } from "../support/http";

// Issue 14's follow-up in Chromium: the booth's staff find a visitor's lead, make the invitation to post a job
// order, and the visitor, opening the link on their own device, creates the employer account and finds the
// job-order form filled in with the vacancy they described at the kiosk; the draft they save shows on the lead.

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);
const today = isoDay(deps.now());

describe("staff follow a booth lead to a pre-filled job order", () => {
  it("invite → accept → pre-filled draft → the lead shows the order", async () => {
    const [ministry, mission] = await Promise.all([
      orgWithUser(deps, "ministry"),
      orgWithUser(deps, "mission", { extra: { countries: ["US"] } }),
    ]);
    const admin = new Client();
    await admin.logIn(ministry.email, ministry.password);
    const slug = await createEventViaPage(admin, { startsOn: addDays(today, -1), endsOn: addDays(today, 2) });
    expect((await admin.post(`/events/${slug}`, { intent: "add-staff", email: mission.email })).status).toBeLessThan(
      400,
    );
    const staffHttp = new Client();
    await staffHttp.logIn(mission.email, mission.password);
    const { kiosk } = await enrolKioskViaPage(staffHttp, slug);
    const email = `${unique("ingrid")}@nordic-ferries.example`;
    const vacancy = {
      iscoCode: "5131",
      sector: "cruise" as const,
      country: "US",
      positions: 24,
      startMonth: addMonths(today, 4).slice(0, 7),
      contractMonths: 8,
      languages: [{ code: "en" as const, minLevel: "B1" as const }],
      certificates: ["stcw_bst"],
    };
    const lead = leadForm(vacancy, { email });
    expect((await kiosk.post(`/booth/${slug}/leads`, lead)).status).toBe(201);

    // the staff member, in the browser
    const staffContext = await browser.get().newContext({ locale: "en-GB" });
    const s = await staffContext.newPage();
    await logInOn(s, base, mission.email, mission.password);
    await s.goto(`${base}/events/${slug}/leads`);
    await s.getByRole("link", { name: /Nordic Ferries AS/ }).click();
    await s.getByRole("link", { name: "Invite to post a job order" }).click();
    await s.getByRole("heading", { name: "Invite to post a job order" }).waitFor();
    expect(await s.getByLabel("Send the invitation to").inputValue()).toBe(email);
    await s.getByRole("button", { name: "Make the invitation link" }).click();
    const link = ((await s.getByTestId("booth-invite-link").textContent()) ?? "").trim();
    expect(link).toMatch(/\/booth-invite\/[A-Za-z0-9_-]{20,}$/);
    expect(await axeViolations(s)).toEqual([]);
    await s.screenshot({ path: path.join(ARTIFACTS, "booth-follow-up-invite.png"), fullPage: true });

    // the visitor, on their own phone
    const visitorContext = await browser.get().newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const v = await visitorContext.newPage();
    await v.goto(link);
    await v.getByRole("heading", { name: /Post the vacancy you described at/ }).waitFor();
    expect(await v.getByLabel("Company name").inputValue()).toBe("Nordic Ferries AS");
    expect(await axeViolations(v)).toEqual([]);
    expect(await overflowsHorizontally(v)).toBe(false);
    await v.getByLabel("Password").fill("lighthouse-ferry-morning");
    await v.getByRole("button", { name: "Create the account and continue" }).click();
    await v.getByTestId("from-lead").waitFor();
    expect(await v.getByLabel("Number of positions").inputValue()).toBe("24");
    expect(await v.getByLabel("Contract length (months)").inputValue()).toBe("8");
    expect(await v.getByLabel("Destination country").inputValue()).toBe("US");
    expect(await v.getByLabel("Sector").inputValue()).toBe("cruise");
    await v.screenshot({ path: path.join(ARTIFACTS, "booth-follow-up-prefilled.png"), fullPage: false });

    // what the visitor did not say at the booth, they add now
    await v.getByLabel("Vessel name").fill("MS Aurora Borealis");
    await v.getByLabel("Wage", { exact: true }).fill("1800");
    await v.getByLabel("Currency").selectOption("USD");
    await v.getByLabel("Working hours per week").fill("48");
    await v.getByLabel("Accommodation").selectOption("free");
    await v.getByLabel("Meals").selectOption("free");
    await v.getByLabel("Local transport").selectOption("free");
    await v.getByLabel("Social security and insurance").selectOption("employer_paid");
    await v
      .getByLabel("Description (English)")
      .fill("Serve guests in the main dining room of a 3,000-passenger ship on Caribbean itineraries.");
    await v.getByLabel("We, the employer, pay every placement cost listed above.").check();
    await v.getByRole("button", { name: "Save draft" }).click();
    await v.getByText("Draft", { exact: true }).waitFor();

    // back at the booth's lead list, the lead follows the order
    await s.goto(`${base}/events/${slug}/leads/${lead.id}`);
    await s.getByText("Order drafted").first().waitFor();
    await staffContext.close();
    await visitorContext.close();
  });
});
