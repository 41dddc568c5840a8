import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { addDays } from "~/domain/dates";
import { ARTIFACTS, axeViolations, logInOn, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { testDeps } from "../support/fixtures";
import { shortlistScenario } from "../support/shortlists";
import { waitIndexed } from "../support/workers";

// Issue 15, part 8: shortlisting a near miss and a bulk proposal with its confirmation, in Chromium.

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

const stageOf = async (workerId: string) =>
  (
    await deps.db
      .selectFrom("shortlist_entries")
      .select("stage")
      .where("worker_id", "=", workerId)
      .executeTakeFirstOrThrow()
  ).stage;

describe("near misses and bulk moves, in the browser", () => {
  it("the agency shortlists a near miss (flagged with its fix), chooses all and proposes in bulk after confirming; the near miss stays", async () => {
    const { made, agency, tag, worker } = await shortlistScenario(deps, { positions: 3 });
    const [q1, q2, late] = [
      await worker(agency, "q1"),
      await worker(agency, "q2"),
      await worker(agency, "late", { availableFrom: addDays(made.order.start_date, 20) }),
    ];
    await waitIndexed(deps, [q1, q2, late]);
    const name = (key: string) => `Pekerja ${key} ${tag}`;

    const ctx = await browser.get().newContext({ locale: "en-GB" });
    const a = await ctx.newPage();
    await logInOn(a, base, agency.email, agency.password);
    await a.goto(`${base}/job-orders/${made.order.id}/matches`);
    await a.getByRole("heading", { name: "2 qualified" }).waitFor();

    // the qualified two, chosen with "choose every candidate on this page", go on the shortlist
    const qualified = a.locator("form#add-qualified");
    await qualified.getByRole("checkbox", { name: "Choose every candidate on this page" }).check();
    for (const k of ["q1", "q2"])
      expect(await a.getByRole("checkbox", { name: `Choose ${name(k)}` }).isChecked()).toBe(true);
    await qualified.getByRole("button", { name: "Add selected to shortlist" }).click();
    await a.getByText("Added to the shortlist.").waitFor();

    // the near miss is listed with its fix and can be shortlisted too
    await a.goto(`${base}/job-orders/${made.order.id}/matches#near-misses`);
    const near = a.locator("form#add-near");
    await near.getByRole("checkbox", { name: `Choose ${name("late")}` }).check();
    await near.getByRole("button", { name: "Add selected to shortlist" }).click();
    await a.getByText("Added to the shortlist.").waitFor();
    const lateEntry = a.getByRole("listitem", { name: new RegExp(name("late")) });
    await lateEntry.getByText("Cannot be proposed until this is fixed").waitFor();
    expect(await lateEntry.locator(".fix").count()).toBeGreaterThan(0);
    expect(await lateEntry.getByRole("button", { name: "Propose to employer" }).count()).toBe(0);
    expect(await a.locator(".match-list > li .score").count()).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(a)).toEqual([]);

    // choose all, review the move: the confirmation names who moves and who stays; nothing has moved yet
    await a.getByRole("checkbox", { name: "Choose every candidate on the list" }).check();
    await a.getByRole("combobox", { name: "Move" }).selectOption("propose");
    await a.getByRole("button", { name: "Review the move" }).click();
    const dialog = a.getByRole("alertdialog", { name: "Propose these candidates to the employer?" });
    await dialog.waitFor();
    await dialog.getByText("2 candidates will be proposed; the employer is told at once.").waitFor();
    expect(await dialog.getByText("These will not move:").count()).toBe(1);
    expect(await dialog.textContent()).toContain(name("late"));
    expect(await axeViolations(a)).toEqual([]);
    await a.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(a)).toBe(false);
    await a.setViewportSize({ width: 1280, height: 900 });
    await a.screenshot({ path: path.join(ARTIFACTS, "shortlist-bulk-confirm.png"), fullPage: true });
    for (const w of [q1, q2, late]) expect(await stageOf(w)).toBe("shortlisted");

    // confirmed: the two are proposed, the near miss stays shortlisted
    await dialog.getByRole("button", { name: "Propose 2" }).click();
    await a.getByText("2 candidates proposed.").waitFor();
    expect(await stageOf(q1)).toBe("proposed");
    expect(await stageOf(q2)).toBe("proposed");
    expect(await stageOf(late)).toBe("shortlisted");
    await ctx.close();
  }, 120_000);
});
