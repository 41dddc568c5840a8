import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { toCsvLine } from "~/domain/csv";
import { CSV_COLUMNS, csvTemplate } from "~/domain/workers/import-format";
import { testDeps } from "../support/fixtures";
import { apiOrg, type ApiOrg } from "../support/job-orders";

const deps = testDeps();
let agency: ApiOrg;
beforeAll(async () => {
  agency = await apiOrg(deps, "agency");
});
afterAll(() => deps.db.destroy());

const base = {
  external_ref: "R-1", full_name: "Siti Nurhaliza", date_of_birth: "1996-04-12", sex: "female", province_code: "33", regency: "Cilacap",
  phone: "", nik: "", passport_number: "", passport_expiry: "", experiences: "cruise:5131:4", languages: "en:ielts:6.0",
  certificates: "stcw_bst:2029-02-01", available_from: "2027-01-15", status: "available", preferred_countries: "", consent: "yes",
};
const csv = (rows: Record<string, string>[]) => [toCsvLine(CSV_COLUMNS), ...rows.map((r) => toCsvLine(CSV_COLUMNS.map((c) => r[c] ?? "")))].join("\n");

async function post(body: string, type: string, query = "", lang = "en") {
  const res = await fetch(`${inject("baseUrl")}/api/v1/workers/import${query}`, { method: "POST", headers: { Authorization: `Bearer ${agency.key}`, "Content-Type": type, "Accept-Language": lang }, body });
  return { status: res.status, json: await res.json() };
}
const countRefs = async (prefix: string) => (await deps.db.selectFrom("workers").select("id").where("agency_org_id", "=", agency.org.id).where("external_ref", "like", `${prefix}%`).execute()).length;

describe("bulk import of worker profiles", () => {
  it("reports each bad row exactly (row, field, message) and imports the good ones", async () => {
    const file = csv([
      { ...base, external_ref: "MIX-1" },
      { ...base, external_ref: "MIX-2", nik: "123", date_of_birth: "1996-13-40" },
      { ...base, external_ref: "MIX-3", experiences: "cruise:9999:2" },
      { ...base, external_ref: "MIX-4", languages: "en:ielts:1.0" },
      { ...base, external_ref: "MIX-1", full_name: "Duplicate Ref" },
      { ...base, external_ref: "MIX-5", full_name: "Budi Santoso", sex: "male" },
    ]);
    const r = await post(file, "text/csv");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 6, valid: 2, created: 2, updated: 0, imported: 2, mode: "valid_only" });
    expect(r.json.errors).toEqual([
      { row: 3, field: "dateOfBirth", message: "Enter a date as YYYY-MM-DD." },
      { row: 3, field: "nik", message: "A NIK has exactly 16 digits." },
      { row: 4, field: "experiences.0.iscoCode", message: "Choose an occupation from the list (ISCO-08 code)." },
      { row: 5, field: "languages.0.score", message: "This result does not reach any CEFR level." },
      { row: 6, field: "externalRef", message: "This external reference already appears in row 2 of the file." },
    ]);
    expect(await countRefs("MIX-")).toBe(2);
  });

  it("is idempotent on the agency's own reference: re-importing updates, never duplicates", async () => {
    const file = csv([{ ...base, external_ref: "IDEM-1" }, { ...base, external_ref: "IDEM-2", full_name: "Ani" }]);
    expect((await post(file, "text/csv")).json).toMatchObject({ created: 2, updated: 0 });
    const again = await post(file.replace("Ani", "Ani Rahmawati"), "text/csv");
    expect(again.json).toMatchObject({ created: 0, updated: 2 });
    expect(await countRefs("IDEM-")).toBe(2);
    const row = await deps.db.selectFrom("workers").select("full_name").where("agency_org_id", "=", agency.org.id).where("external_ref", "=", "IDEM-2").executeTakeFirstOrThrow();
    expect(row.full_name).toBe("Ani Rahmawati");
  });

  it("all-or-nothing imports nothing when one row is bad (422), and accepts JSON the same way", async () => {
    const bad = csv([{ ...base, external_ref: "AON-1" }, { ...base, external_ref: "AON-2", sex: "x" }]);
    const r = await post(bad, "text/csv", "?mode=all_or_nothing", "id");
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ row: 3, field: "sex", message: "Pilih salah satu opsi." }]);
    expect(await countRefs("AON-")).toBe(0);
    const json = JSON.stringify([{ externalRef: "JSON-1", fullName: "Dewi", dateOfBirth: "1990-01-01", sex: "female", provinceCode: "35", experiences: [{ sector: "health_care", iscoCode: "5322", years: 3 }], languages: [{ code: "ja", kind: "jlpt", level: "N4" }], availableFrom: "2027-03-01", consentToMatching: true }]);
    expect((await post(json, "application/json", "?mode=all_or_nothing")).json).toMatchObject({ created: 1, errors: [] });
  });

  it("imports 10,000 rows in one request", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ ...base, external_ref: `BULK-${i}`, full_name: `Pekerja ${i}` }));
    const r = await post(csv(rows), "text/csv");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 10_000, created: 10_000, errors: [] });
    expect(await countRefs("BULK-")).toBe(10_000);
    const queued = await deps.db.selectFrom("search_outbox").innerJoin("workers", "workers.id", "search_outbox.entity_id").select("search_outbox.id").where("workers.agency_org_id", "=", agency.org.id).where("workers.external_ref", "like", "BULK-%").execute();
    expect(queued.length).toBe(10_000);
  }, 120_000);

  it("refuses the import to organisations that are not agencies, and unreadable files", async () => {
    const employer = await apiOrg(deps, "employer");
    const res = await fetch(`${inject("baseUrl")}/api/v1/workers/import`, { method: "POST", headers: { Authorization: `Bearer ${employer.key}` }, body: csvTemplate() });
    expect(res.status).toBe(404);
    expect((await post("not,a,worker file", "text/csv")).status).toBe(422);
  });
});

describe("npm run import", () => {
  it("imports a CSV file for an agency and prints the per-row report", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jembatan-import-"));
    const file = path.join(dir, "workers.csv");
    writeFileSync(file, csv([{ ...base, external_ref: "CLI-1" }, { ...base, external_ref: "CLI-2", province_code: "99" }]));
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", "--agency", agency.org.slug, file], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: inject("databaseUrl"), MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliMasterKey") } as unknown as NodeJS.ProcessEnv,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("row 3  provinceCode: Choose a province (two-digit Kemendagri code).");
    expect(r.stdout).toContain("2 rows: 1 created, 0 updated, 1 rejected");
  });
});

describe("import progress", () => {
  it("streams progress after each batch, then the report", async () => {
    const { Client } = await import("../support/http");
    const c = new Client();
    expect((await c.logIn(agency.email, agency.password)).status).toBe(302);
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ ...base, external_ref: `STREAM-${i}` }));
    rows[700] = { ...rows[700]!, sex: "unknown" };
    const body = new FormData();
    body.set("file", new Blob([csv(rows)], { type: "text/csv" }), "workers.csv");
    body.set("mode", "valid_only");
    const res = await fetch(`${inject("baseUrl")}/workers/import/stream`, {
      method: "POST",
      body,
      headers: { Origin: c.baseUrl, Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "X-Forwarded-For": c.ip },
    });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === "progress").map((l) => l.done)).toEqual([0, 500, 1000, 1199]);
    const last = lines.at(-1);
    expect(last.type).toBe("report");
    expect(last.report).toMatchObject({ total: 1200, created: 1199, errors: [{ row: 702, field: "sex", message: "errors.choose_option" }] });
  });
});
