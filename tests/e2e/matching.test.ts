import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { addDays } from "~/domain/dates";
import { saveWorker } from "~/services/workers/save-worker.server";
import { ARTIFACTS, axeViolations, sharedBrowser, logInOn, overflowsHorizontally } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

describe("an agency matching a verified order in the browser", () => {
  it("opens the order, sees ranked candidates with explanations and points, filters near misses, opens a profile", async () => {
    const agency = await orgWithUser(deps, "agency");
    const made = await verifiedOrder(deps, {
      title: "Cabin Steward",
      iscoCode: "5111",
      minExperienceYears: 2,
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "crowd_management", mandatory: false },
      ],
    });
    const start = made.order.start_date;
    const end = addDays(start, 400);
    const base_ = {
      nik: undefined,
      passportNumber: undefined,
      availableFrom: addDays(start, -14),
      certificates: [{ code: "stcw_bst", expiresOn: addDays(end, 900) }],
    };
    const workers = [
      {
        fullName: "Dewi Kartika",
        externalRef: "CS-1",
        experiences: [{ sector: "cruise" as const, iscoCode: "5111", years: 6 }],
        languages: [{ code: "en" as const, kind: "ielts" as const, score: 7 }],
        certificates: [...base_.certificates, { code: "crowd_management", expiresOn: addDays(end, 900) }],
      },
      {
        fullName: "Rina Lestari",
        externalRef: "CS-2",
        experiences: [{ sector: "cruise" as const, iscoCode: "5111", years: 3 }],
      },
      {
        fullName: "Agus Pratama",
        externalRef: "CS-3",
        experiences: [
          // the minimum in the order's occupation; four years as a waiter (another minor group) do not count
          { sector: "cruise" as const, iscoCode: "5111", years: 2 },
          { sector: "cruise" as const, iscoCode: "5131", years: 4 },
        ],
      },
      {
        fullName: "Budi Santoso",
        externalRef: "CS-4",
        experiences: [{ sector: "cruise" as const, iscoCode: "5111", years: 5 }],
        certificates: [{ code: "stcw_bst", expiresOn: addDays(start, 30) }],
      },
      {
        fullName: "Sri Wahyuni",
        externalRef: "CS-5",
        experiences: [{ sector: "cruise" as const, iscoCode: "5111", years: 5 }],
        languages: [{ code: "en" as const, kind: "ielts" as const, score: 3.5 }],
      },
    ];
    const ids: string[] = [];
    for (const w of workers)
      ids.push((await saveWorker(deps, agencyActor(agency.org), workerInput({ ...base_, ...w }))).id);
    await waitIndexed(deps, ids);

    const context = await browser.get().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await logInOn(page, base, agency.email, agency.password);

    // the agency finds the verified order among the job orders and asks for candidates
    await page.getByRole("navigation").getByRole("link", { name: "Job orders" }).click();
    await page.getByRole("link", { name: "Cabin Steward" }).first().click();
    await page.getByRole("link", { name: "Find candidates" }).click();
    await page.getByRole("heading", { name: "Candidates for Cabin Steward" }).waitFor();
    await page.getByRole("heading", { name: "3 qualified" }).waitFor();

    const ranked = page.locator(".match-list > li");
    expect(await ranked.count()).toBe(3);
    await expect.poll(() => ranked.first().locator(".match-name").textContent()).toBe("Dewi Kartika (CS-1)");
    expect(await ranked.first().locator(".why").textContent()).toMatch(
      /^Travel attendants and travel stewards 6 yrs · English C1 \(IELTS 7\.0\) · STCW BST valid to \d{4}-\d{2} · Crowd Mgmt valid to \d{4}-\d{2}$/,
    );
    expect(await ranked.nth(2).locator(".match-name").textContent()).toBe("Agus Pratama (CS-3)");
    // the points behind a rank, from the keyboard
    await ranked.first().getByText("Points").focus();
    await page.keyboard.press("Enter");
    await ranked.first().getByText("exact occupation").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // near misses: one missing item each, counted per item; filter to the certificate
    const near = page.locator("#near-misses tbody tr");
    expect(await near.count()).toBe(2);
    await page.getByRole("row", { name: /Sri Wahyuni \(CS-5\) English A2 \(IELTS 3\.5\), needs B1/ }).waitFor();
    await page
      .getByRole("row", { name: /Budi Santoso \(CS-4\) STCW BST expires \d+ months before contract end/ })
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "matches.png"), fullPage: true });
    await page.getByRole("link", { name: "STCW BST valid to contract end (1)" }).click();
    await page.waitForURL(/item=certificate%3Astcw_bst/);
    await expect.poll(() => near.count()).toBe(1);
    expect(
      await page
        .locator("#near-misses")
        .getByRole("link", { name: "STCW BST valid to contract end (1)" })
        .getAttribute("aria-current"),
    ).toBe("true");

    // the profile opens from the list
    await page.getByRole("link", { name: "Budi Santoso (CS-4)" }).click();
    await page.getByRole("heading", { name: "Budi Santoso" }).waitFor();

    // on a phone the lists stay within the screen
    const phone = await browser.get().newContext({
      locale: "en-GB",
      viewport: { width: 375, height: 800 },
      storageState: await context.storageState(),
    });
    const p = await phone.newPage();
    await p.goto(`${base}/job-orders/${made.order.id}/matches`);
    await p.getByRole("heading", { level: 1 }).waitFor();
    expect(await overflowsHorizontally(p)).toBe(false);
    await Promise.all([context.close(), phone.close()]);
  }, 90_000);
});
