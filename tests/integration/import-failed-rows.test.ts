import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv, toCsvLine } from "~/domain/csv";
import { CSV_COLUMNS } from "~/domain/workers/import-format";
import { sweepExpiredFailedRows } from "~/services/workers/import-failed-rows.server";
import { testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { apiOrg, type ApiOrg } from "../support/job-orders";

// After an import with rejected rows, the agency downloads those rows as a CSV (its own columns plus `error`),
// corrects them and imports the file again. The rows hold personal data: 72 hours, the importing agency only.

const deps = testDeps();
let agency: ApiOrg;
let other: ApiOrg;
beforeAll(async () => {
  [agency, other] = await Promise.all([apiOrg(deps, "agency"), apiOrg(deps, "agency")]);
});
afterAll(() => deps.db.destroy());

const base: Record<string, string> = {
  full_name: "Siti Nurhaliza",
  date_of_birth: "1996-04-12",
  sex: "female",
  province_code: "33",
  regency: "Cilacap",
  phone: "+62 812 3456 7890",
  experiences: "cruise:5131:4",
  languages: "en:ielts:6.0",
  certificates: "stcw_bst:2029-02-01",
  available_from: "2027-01-15",
  status: "available",
  consent: "yes",
};
const csv = (rows: Record<string, string>[]) =>
  [toCsvLine(CSV_COLUMNS), ...rows.map((r) => toCsvLine(CSV_COLUMNS.map((c) => r[c] ?? "")))].join("\n");

async function call(org: ApiOrg, method: string, path: string, body?: string, type = "text/csv", lang = "en") {
  const res = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.key}`, "Content-Type": type, "Accept-Language": lang },
    body,
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}
const importCsv = async (org: ApiOrg, file: string, query = "") =>
  JSON.parse((await call(org, "POST", `/workers/import${query}`, file)).text);
const failedCsv = (org: ApiOrg, importId: string, lang = "en") =>
  call(org, "GET", `/workers/imports/${importId}/failed.csv`, undefined, "text/csv", lang);
const rowsOf = (text: string) => parseCsv(text.replace(/^\uFEFF/, ""));

describe("the rows that failed, as a CSV", () => {
  it("has the file's columns and cells, formula-safe, and an error column naming each field in the reader's language", async () => {
    const report = await importCsv(
      agency,
      csv([
        { ...base, external_ref: "FAIL-1" },
        { ...base, external_ref: "FAIL-2", sex: "unknown", regency: '=HYPERLINK("http://x")' },
        { ...base, external_ref: "FAIL-3", province_code: "99", date_of_birth: "1996-13-40" },
      ]),
    );
    expect(report).toMatchObject({ created: 1, failedRows: true });
    const en = await failedCsv(agency, report.importId);
    expect(en.status).toBe(200);
    expect(en.type).toContain("text/csv");
    const [header, ...rows] = rowsOf(en.text);
    expect(header).toEqual([...CSV_COLUMNS, "error"]);
    expect(rows.map((r) => r[0])).toEqual(["FAIL-2", "FAIL-3"]);
    const col = (name: string) => header!.indexOf(name);
    // a cell a spreadsheet would run is text; the phone's + too
    expect(rows[0]![col("regency")]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[0]![col("phone")]).toBe("'+62 812 3456 7890");
    expect(rows[0]![col("error")]).toBe("sex: Choose one of the options.");
    expect(rows[1]![col("error")]).toMatch(
      /^date_of_birth: Enter a date as YYYY-MM-DD\.; province_code: Choose a province/,
    );
    const id = rowsOf((await failedCsv(agency, report.importId, "id")).text);
    expect(id[1]![col("error")]).toMatch(/^sex: /);
    expect(id[1]![col("error")]).not.toBe(rows[0]![col("error")]);
  });

  it("imports again once corrected: the error column is ignored and the apostrophes read back", async () => {
    const first = await importCsv(
      agency,
      csv([{ ...base, external_ref: "AGAIN-1", sex: "unknown", regency: "@Cilacap" }]),
    );
    const text = (await failedCsv(agency, first.importId)).text;
    const again = await importCsv(agency, text.replace(",unknown,", ",female,"));
    expect(again).toMatchObject({ total: 1, created: 1, errors: [], failedRows: false });
    const w = await deps.db
      .selectFrom("workers")
      .select(["phone", "regency"])
      .where("agency_org_id", "=", agency.org.id)
      .where("external_ref", "=", "AGAIN-1")
      .executeTakeFirstOrThrow();
    expect(w).toEqual({ phone: "+62 812 3456 7890", regency: "@Cilacap" });
    // a file that still fails gets one error column, not two
    const still = await importCsv(agency, text);
    const [header] = rowsOf((await failedCsv(agency, still.importId)).text);
    expect(header!.filter((h) => h === "error")).toHaveLength(1);
  });

  it("is the importing agency's only, and gone after 72 hours", async () => {
    const report = await importCsv(agency, csv([{ ...base, external_ref: "OWN-1", sex: "x" }]));
    expect((await failedCsv(other, report.importId)).status).toBe(404);
    // the page: signed in as the importing agency's user, or another agency's
    const page = async (who: ApiOrg) => {
      const c = new Client();
      await c.logIn(who.email, who.password);
      return c.get(`/workers/import/${report.importId}/failed.csv`);
    };
    // the import history links it while it is kept
    const history = new Client();
    await history.logIn(agency.email, agency.password);
    expect(await (await history.get("/workers/import")).text()).toContain(
      `/workers/import/${report.importId}/failed.csv`,
    );
    const mine = await page(agency);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("OWN-1");
    expect((await page(other)).status).toBe(404);
    await deps.db
      .updateTable("worker_import_failed_rows")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("import_id", "=", report.importId)
      .execute();
    expect((await failedCsv(agency, report.importId)).status).toBe(404);
    expect(await (await history.get("/workers/import")).text()).not.toContain(
      `/workers/import/${report.importId}/failed.csv`,
    );
    expect(await sweepExpiredFailedRows(deps)).toBeGreaterThanOrEqual(1);
    const left = await deps.db
      .selectFrom("worker_import_failed_rows")
      .select("import_id")
      .where("import_id", "=", report.importId)
      .execute();
    expect(left).toEqual([]);
  });

  it("is offered only when rows failed in a CSV file", async () => {
    expect(await importCsv(agency, csv([{ ...base, external_ref: "OK-1" }]))).toMatchObject({ failedRows: false });
    const json = JSON.parse(
      (await call(agency, "POST", "/workers/import", JSON.stringify([{ fullName: "X" }]), "application/json")).text,
    );
    expect(json).toMatchObject({ failedRows: false });
    expect((await failedCsv(agency, json.importId)).status).toBe(404);
  });
});
