import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import { saveWorker } from "~/services/workers/save-worker.server";
import { ARTIFACTS, logInOn, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { agencyActor, workerInput } from "../support/workers";

const deps = testDeps();
const browser = sharedBrowser(deps);
const base = inject("baseUrl");

describe("the read-only worker profile on a phone", () => {
  it("reads without sideways scrolling, and Edit opens the form", async () => {
    const today = isoDay(deps.now());
    const agency = await orgWithUser(deps, "agency");
    const { id } = await saveWorker(
      deps,
      agencyActor(agency.org, agency.user.id),
      workerInput({
        fullName: "Ni Luh Putu Ayu Kusumawardani",
        externalRef: "PHONE-PROFILE-1",
        languages: [
          { code: "en", kind: "ielts", score: 6.5, takenOn: "2025-03-08" },
          { code: "en", kind: "toeic", score: 785 },
        ],
        certificates: [
          { code: "crowd_management", number: "CM-2024-000123", expiresOn: addMonths(today, 4) },
          { code: "food_safety", expiresOn: addDays(today, -3) },
        ],
      }),
    );
    const context = await browser.get().newContext({ locale: "en-GB", viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await logInOn(page, base, agency.email, agency.password);
    await page.goto(`${base}/workers/${id}`);
    await page.getByRole("heading", { name: "Languages" }).waitFor();
    expect(await page.getByText("IELTS 6.5 → B2").count()).toBe(1);
    expect(await page.locator("input[name=fullName]").count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, "worker-profile-phone.png"), fullPage: true });
    await page.getByRole("link", { name: "Edit profile" }).click();
    await page.waitForURL(`${base}/workers/${id}?edit`);
    await page.locator("input[name=fullName]").waitFor();
    await context.close();
  }, 60_000);
});
