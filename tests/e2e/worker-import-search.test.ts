import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { toCsvLine } from "~/domain/csv";
import { CSV_COLUMNS } from "~/domain/workers/import-format";
import { orgWithUser, testDeps } from "../support/fixtures";
import { ARTIFACTS, axeViolations, sharedBrowser, logInOn } from "../support/browser";

const deps = testDeps();
const base = inject("baseUrl");
const browser = sharedBrowser(deps);

const row = (r: Record<string, string>) => toCsvLine(CSV_COLUMNS.map((c) => r[c] ?? ""));
const good = {
  external_ref: "E2E-1",
  full_name: "Wahyuningsih Kartika",
  date_of_birth: "1994-08-17",
  sex: "female",
  province_code: "35",
  experiences: "cruise:5111:5",
  languages: "en:ielts:6.5",
  certificates: "stcw_bst:2030-01-31",
  available_from: "2027-02-01",
  consent: "yes",
};
const second = {
  ...good,
  external_ref: "E2E-2",
  full_name: "Bambang Susilo",
  sex: "male",
  province_code: "99",
  experiences: "cruise:9412:2",
};

describe("an agency in the browser", () => {
  it("imports a CSV with one bad row, sees the error, fixes it, and finds the worker by a misspelt name", async () => {
    const agency = await orgWithUser(deps, "agency");
    const context = await browser.get().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await logInOn(page, base, agency.email, agency.password);

    await page.getByRole("navigation").getByRole("link", { name: "Worker profiles" }).click();
    await page.getByRole("link", { name: "Import profiles" }).click();
    await page.getByRole("heading", { name: "Import worker profiles" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const upload = async (rows: Record<string, string>[]) => {
      await page.getByLabel("File (CSV or JSON)").setInputFiles({
        name: "workers.csv",
        mimeType: "text/csv",
        buffer: Buffer.from([toCsvLine(CSV_COLUMNS), ...rows.map(row)].join("\n")),
      });
      await page.getByRole("button", { name: "Import" }).click();
    };
    await upload([good, second]);
    await page.getByText("2 rows: 1 created, 0 updated, 1 rejected.").waitFor();
    const errorRow = page.getByRole("row", { name: /3 province_code \S+ Choose a province/ });
    await errorRow.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await upload([good, { ...second, province_code: "33" }]);
    await page.getByText("2 rows: 1 created, 1 updated, 0 rejected.").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "import-report.png"), fullPage: true });

    // The outbox worker indexes within a second or two; search until the profile appears. Each try waits for the
    // search's own URL: the unfiltered list already shows every profile, which would prove nothing.
    const deadline = Date.now() + 20_000;
    for (;;) {
      await page.goto(`${base}/workers`);
      await page.getByLabel("Name, occupation or certificate").fill("Wahyunigsih Kartka");
      await page.getByLabel("Name, occupation or certificate").press("Enter");
      await page.waitForURL(/[?&]q=Wahyunigsih/);
      await page.waitForLoadState("networkidle");
      if (await page.getByRole("cell", { name: /Wahyuningsih Kartika/ }).count()) break;
      if (Date.now() > deadline) throw new Error("the imported worker never became searchable");
      await page.waitForTimeout(300);
    }
    expect(await page.getByRole("cell", { name: /Bambang Susilo/ }).count()).toBe(0);
    await page.getByRole("cell", { name: /English B2 \(IELTS 6\.5\)/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "worker-search.png"), fullPage: true });
    await context.close();
  }, 90_000);
});
