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

describe("from matches to a disclosed, selected candidate, in the browser", () => {
  it("agency shortlists 3, proposes 2; employer compares them anonymised and selects 1; agency records consent; employer sees the name", async () => {
    const agency = await orgWithUser(deps, "agency");
    const made = await verifiedOrder(deps, {
      title: "Bar Waiter",
      iscoCode: "5131",
      positions: 1,
      minExperienceYears: 1,
    });
    const start = made.order.start_date;
    const common = {
      nik: undefined,
      passportNumber: undefined,
      availableFrom: addDays(start, -14),
      certificates: [{ code: "stcw_bst", expiresOn: addDays(start, 1500) }],
    };
    const people = [
      {
        fullName: "Putu Ayu Lestari",
        externalRef: "BW-1",
        experiences: [{ sector: "cruise" as const, iscoCode: "5131", years: 7 }],
      },
      {
        fullName: "Made Wirawan",
        externalRef: "BW-2",
        experiences: [{ sector: "cruise" as const, iscoCode: "5131", years: 5 }],
      },
      {
        fullName: "Nyoman Sari",
        externalRef: "BW-3",
        experiences: [{ sector: "cruise" as const, iscoCode: "5131", years: 3 }],
      },
    ];
    const ids: string[] = [];
    for (const p of people)
      ids.push((await saveWorker(deps, agencyActor(agency.org), workerInput({ ...common, ...p }))).id);
    await waitIndexed(deps, ids);

    // the agency ticks all three ranked candidates and adds them to its shortlist
    const agencyCtx = await browser.get().newContext({ locale: "en-GB" });
    const a = await agencyCtx.newPage();
    await logInOn(a, base, agency.email, agency.password);
    await a.goto(`${base}/job-orders/${made.order.id}/matches`);
    await a.getByRole("heading", { name: "3 qualified" }).waitFor();
    for (const p of people) await a.getByRole("checkbox", { name: `Choose ${p.fullName}` }).check();
    await a.getByRole("button", { name: "Add selected to shortlist" }).click();
    await a.getByRole("heading", { name: "Shortlist for Bar Waiter" }).waitFor();
    await a.getByText("Added to the shortlist.").waitFor();
    const entries = a.locator(".match-list > li");
    expect(await entries.count()).toBe(3);
    expect(await axeViolations(a)).toEqual([]);

    // proposes the first two (noting the code the employer will know Putu by)
    const putuCode = /Employer sees: (C-[0-9A-F]{6})/.exec(
      (await a.getByRole("listitem", { name: "Putu Ayu Lestari (BW-1)" }).textContent()) ?? "",
    )?.[1];
    expect(putuCode).toBeTruthy();
    for (const name of ["Putu Ayu Lestari (BW-1)", "Made Wirawan (BW-2)"]) {
      const entry = a.getByRole("listitem", { name });
      await entry.getByRole("button", { name: "Propose to employer" }).click();
      await a.getByText("Stage updated.").waitFor();
      await expect
        .poll(() => a.getByRole("listitem", { name }).locator(".status").textContent())
        .toBe("proposed to the employer");
    }
    await a.screenshot({ path: path.join(ARTIFACTS, "shortlist.png"), fullPage: true });

    // the employer is told, compares the two side by side without names, and selects one
    const employerCtx = await browser.get().newContext({ locale: "en-GB" });
    const e = await employerCtx.newPage();
    await logInOn(e, base, made.employer.email, made.employer.password);
    await e.getByRole("navigation").getByRole("link", { name: "Notifications (2 new)" }).click();
    await e
      .getByRole("link", { name: /proposed candidate C-[0-9A-F]{6} for your job order/ })
      .first()
      .click();
    await e.getByRole("heading", { name: "Candidates for Bar Waiter" }).waitFor();
    const table = e.locator("table.compare");
    expect(await table.locator("thead th").count()).toBe(3); // the row header and two candidates
    const text = (await table.textContent()) ?? "";
    for (const p of people) {
      expect(text).not.toContain(p.fullName);
      expect(text).not.toContain(p.externalRef);
    }
    expect(text).not.toContain("1996");
    expect(text).toContain("Not disclosed");
    expect(text).toMatch(/Waiters 7 yrs/);
    expect(await axeViolations(e)).toEqual([]);
    await e.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(e)).toBe(false);
    await e.setViewportSize({ width: 1280, height: 900 });
    await e.screenshot({ path: path.join(ARTIFACTS, "candidates-anonymous.png"), fullPage: true });
    const column = await table.locator("thead th").allTextContents();
    await e.getByRole("button", { name: `Select ${putuCode}` }).click();
    await e.getByText("Decision recorded.").waitFor();
    // Putu's column, and only it, says selected
    const stages = await table.locator("tbody tr").nth(1).locator("td").allTextContents();
    expect(stages[column.indexOf(putuCode!) - 1]).toBe("selected");
    expect(stages.filter((x) => x === "selected")).toHaveLength(1);

    // the agency records the selected worker's consent to disclosure for this order
    await a.reload();
    const selected = a.getByRole("listitem", { name: "Putu Ayu Lestari (BW-1)" });
    await expect.poll(() => selected.locator(".status").textContent()).toBe("selected");
    await selected
      .getByRole("button", { name: "Record the worker's consent to show their identity to this employer" })
      .click();
    await selected.getByText("Tick the box to confirm the worker agreed.").waitFor(); // not without the worker's word
    await a
      .getByRole("listitem", { name: "Putu Ayu Lestari (BW-1)" })
      .getByRole("checkbox", { name: /The worker agreed to show their name/ })
      .check();
    await a
      .getByRole("listitem", { name: "Putu Ayu Lestari (BW-1)" })
      .getByRole("button", { name: "Record the worker's consent to show their identity to this employer" })
      .click();
    await a.getByText("Consent to disclosure recorded.").waitFor();

    // now, and only for that candidate, the employer sees the name
    await e.reload();
    await e.getByRole("heading", { name: "Candidates for Bar Waiter" }).waitFor();
    const after = (await table.textContent()) ?? "";
    expect(after).toContain("Putu Ayu Lestari");
    expect(after).not.toContain("Made Wirawan");
    await e.screenshot({ path: path.join(ARTIFACTS, "candidates-disclosed.png"), fullPage: true });

    // and the worker's disclosure log says so, on the worker's page
    await a.goto(`${base}/workers/${ids[0]}`);
    await a.getByRole("heading", { name: "Disclosures to employers" }).waitFor();
    expect(await a.locator("section[aria-labelledby=privacy-h] tbody tr").count()).toBe(1);
    expect(await a.locator("section[aria-labelledby=privacy-h] tbody").textContent()).toContain(
      "name, date of birth, phone",
    );
    await agencyCtx.close();
    await employerCtx.close();
  }, 120_000);
});
