import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { toCsvLine } from "~/domain/csv";
import { CSV_COLUMNS, csvTemplate } from "~/domain/workers/import-format";
import { testDeps } from "../support/fixtures";
import { apiOrg, type ApiOrg } from "../support/job-orders";

const deps = testDeps();
let agency: ApiOrg;
// A row the schema accepts but the database refuses (as a NUL byte in a name once did): a trigger refuses this one
// name, so the batch-failure path is exercised whatever the schema accepts.
const REFUSED_NAME = "Refused By Test Trigger";
beforeAll(async () => {
  agency = await apiOrg(deps, "agency");
  await sql`create or replace function jmb_test_refuse_row() returns trigger language plpgsql as $$
    begin
      if new.full_name = ${sql.lit(REFUSED_NAME)} then raise exception 'refused by the test trigger'; end if;
      return new;
    end $$`.execute(deps.db);
  await sql`create or replace trigger jmb_test_refuse_row before insert or update on workers for each row execute function jmb_test_refuse_row()`.execute(
    deps.db,
  );
});
afterAll(async () => {
  await sql`drop trigger if exists jmb_test_refuse_row on workers`.execute(deps.db);
  await deps.db.destroy();
});

const base = {
  external_ref: "R-1",
  full_name: "Siti Nurhaliza",
  date_of_birth: "1996-04-12",
  sex: "female",
  province_code: "33",
  regency: "Cilacap",
  phone: "",
  nik: "",
  passport_number: "",
  passport_expiry: "",
  experiences: "cruise:5131:4",
  languages: "en:ielts:6.0",
  certificates: "stcw_bst:2029-02-01",
  available_from: "2027-01-15",
  status: "available",
  preferred_countries: "",
  consent: "yes",
};
const csv = (rows: Record<string, string>[]) =>
  [toCsvLine(CSV_COLUMNS), ...rows.map((r) => toCsvLine(CSV_COLUMNS.map((c) => r[c] ?? "")))].join("\n");

async function post(body: string, type: string, query = "", lang = "en") {
  const res = await fetch(`${inject("baseUrl")}/api/v1/workers/import${query}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${agency.key}`, "Content-Type": type, "Accept-Language": lang },
    body,
  });
  return { status: res.status, json: await res.json() };
}
const countRefs = async (prefix: string) =>
  (
    await deps.db
      .selectFrom("workers")
      .select("id")
      .where("agency_org_id", "=", agency.org.id)
      .where("external_ref", "like", `${prefix}%`)
      .execute()
  ).length;

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
      // CSV columns as the file calls them, a list's item by its place in the cell, and the value written (never
      // a personal identifier's)
      { row: 3, field: "date_of_birth", message: "Enter a date as YYYY-MM-DD." },
      { row: 3, field: "nik", message: "A NIK has exactly 16 digits." },
      {
        row: 4,
        field: "experiences[1].iscoCode",
        message: "Choose an occupation from the list (ISCO-08 code).",
        value: "9999",
      },
      { row: 5, field: "languages[1].score", message: "This result does not reach any CEFR level.", value: "1" },
      { row: 6, field: "external_ref", message: "This external reference already appears in row 2 of the file." },
    ]);
    expect(await countRefs("MIX-")).toBe(2);
  });

  it("is idempotent on the agency's own reference: re-importing updates, never duplicates", async () => {
    const file = csv([
      { ...base, external_ref: "IDEM-1" },
      { ...base, external_ref: "IDEM-2", full_name: "Ani" },
    ]);
    expect((await post(file, "text/csv")).json).toMatchObject({ created: 2, updated: 0 });
    const again = await post(file.replace("Ani", "Ani Rahmawati"), "text/csv");
    expect(again.json).toMatchObject({ created: 0, updated: 2 });
    expect(await countRefs("IDEM-")).toBe(2);
    const row = await deps.db
      .selectFrom("workers")
      .select("full_name")
      .where("agency_org_id", "=", agency.org.id)
      .where("external_ref", "=", "IDEM-2")
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe("Ani Rahmawati");
  });

  it("takes any ISCO-08 unit group, not only the corridors' hand-picked ones (8121, 8211, 9331)", async () => {
    const file = csv([
      { ...base, external_ref: "ISCO-1", experiences: "manufacturing:8121:3;manufacturing:8211:1.5" },
      { ...base, external_ref: "ISCO-2", experiences: "construction:9331:2" },
    ]);
    const r = await post(file, "text/csv");
    expect(r.json).toMatchObject({ created: 2, errors: [] });
    const stored = await deps.db
      .selectFrom("workers")
      .select(["external_ref", "profile"])
      .where("agency_org_id", "=", agency.org.id)
      .where("external_ref", "like", "ISCO-%")
      .orderBy("external_ref")
      .execute();
    expect(stored.map((w) => [w.external_ref, w.profile.experiences.map((e) => e.iscoCode)])).toEqual([
      ["ISCO-1", ["8121", "8211"]],
      ["ISCO-2", ["9331"]],
    ]);
  });

  it("all-or-nothing imports nothing when one row is bad (422), and accepts JSON the same way", async () => {
    const bad = csv([
      { ...base, external_ref: "AON-1" },
      { ...base, external_ref: "AON-2", sex: "x" },
    ]);
    const r = await post(bad, "text/csv", "?mode=all_or_nothing", "id");
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ row: 3, field: "sex", message: "Pilih salah satu opsi.", value: "x" }]);
    expect(await countRefs("AON-")).toBe(0);
    const json = JSON.stringify([
      {
        externalRef: "JSON-1",
        fullName: "Dewi",
        dateOfBirth: "1990-01-01",
        sex: "female",
        provinceCode: "35",
        experiences: [{ sector: "care_work", iscoCode: "5322", years: 3 }],
        languages: [{ code: "ja", kind: "jlpt", level: "N4" }],
        availableFrom: "2027-03-01",
        consentToMatching: true,
      },
    ]);
    expect((await post(json, "application/json", "?mode=all_or_nothing")).json).toMatchObject({
      created: 1,
      errors: [],
    });
  });

  it("imports 10,000 rows in one request", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      ...base,
      external_ref: `BULK-${i}`,
      full_name: `Pekerja ${i}`,
    }));
    const r = await post(csv(rows), "text/csv");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 10_000, created: 10_000, errors: [] });
    expect(await countRefs("BULK-")).toBe(10_000);
    const queued = await deps.db
      .selectFrom("search_outbox")
      .innerJoin("workers", "workers.id", "search_outbox.entity_id")
      .select("search_outbox.id")
      .where("workers.agency_org_id", "=", agency.org.id)
      .where("workers.external_ref", "like", "BULK-%")
      .execute();
    expect(queued.length).toBe(10_000);
  }, 120_000);

  it("refuses the import to organisations that are not agencies, and unreadable files", async () => {
    const employer = await apiOrg(deps, "employer");
    const res = await fetch(`${inject("baseUrl")}/api/v1/workers/import`, {
      method: "POST",
      headers: { Authorization: `Bearer ${employer.key}`, "Content-Type": "text/csv" },
      body: csvTemplate(),
    });
    expect(res.status).toBe(404);
    expect((await post("not,a,worker file", "text/csv")).status).toBe(422);
  });
});

const jsonRow = (ref: string, fullName = `Pekerja ${ref}`) => ({
  externalRef: ref,
  fullName,
  dateOfBirth: "1990-01-01",
  sex: "female",
  provinceCode: "35",
  experiences: [{ sector: "care_work", iscoCode: "5322", years: 3 }],
  languages: [{ code: "ja", kind: "jlpt", level: "N4" }],
  availableFrom: "2027-03-01",
  consentToMatching: true,
});
/** 1,200 rows; row 1,101 passes the schema and is refused by the database. */
const fileWithBadRow = (prefix: string) =>
  JSON.stringify(
    Array.from({ length: 1_200 }, (_, i) => jsonRow(`${prefix}-${i + 1}`, i + 1 === 1_101 ? REFUSED_NAME : undefined)),
  );
const batchEvents = (importId: string) =>
  deps.db
    .selectFrom("audit_events")
    .select(["details"])
    .where("action", "=", "workers.import_batch")
    .where("subject_type", "=", "worker_import")
    .where("subject_id", "=", importId)
    .orderBy("id")
    .execute();
const importRecord = (id: string) =>
  deps.db.selectFrom("worker_imports").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("imports never half-store", () => {
  it("valid rows: a row the database refuses in batch 3 is reported; the other 1,199 are stored, once, even on retry", async () => {
    const file = fileWithBadRow("HALF");
    const r = await post(file, "application/json");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      status: "completed",
      total: 1_200,
      valid: 1_200,
      created: 1_199,
      updated: 0,
      mode: "valid_only",
    });
    expect(r.json.errors).toEqual([{ row: 1_101, field: "row", message: expect.stringContaining("database refused") }]);
    expect(await countRefs("HALF-")).toBe(1_199);
    const rec = await importRecord(r.json.importId);
    expect(rec).toMatchObject({
      status: "completed",
      mode: "valid_only",
      source: "api",
      total_rows: 1_200,
      created_count: 1_199,
      updated_count: 0,
      error_count: 1,
      batches_done: 3,
    });
    expect(rec.finished_at).not.toBeNull();
    // one audit event per committed batch, with what it wrote
    const events = (await batchEvents(r.json.importId)).map((e) => e.details);
    expect(events).toEqual([
      expect.objectContaining({ batch: 1, firstRow: 1, lastRow: 500, created: 500, refused: 0 }),
      expect.objectContaining({ batch: 2, firstRow: 501, lastRow: 1_000, created: 500, refused: 0 }),
      expect.objectContaining({ batch: 3, firstRow: 1_001, lastRow: 1_200, created: 199, refused: 1 }),
    ]);

    const again = await post(file, "application/json");
    expect(again.json).toMatchObject({ created: 0, updated: 1_199, errors: [{ row: 1_101 }] });
    expect(await countRefs("HALF-")).toBe(1_199);
  }, 60_000);

  it("all or nothing: the same file stores nothing (422) and the report names row 1,101", async () => {
    const r = await post(fileWithBadRow("AON2"), "application/json", "?mode=all_or_nothing");
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ status: "refused", created: 0, updated: 0, imported: 0, mode: "all_or_nothing" });
    expect(r.json.errors).toEqual([{ row: 1_101, field: "row", message: expect.any(String) }]);
    expect(await countRefs("AON2-")).toBe(0);
    expect(await importRecord(r.json.importId)).toMatchObject({ status: "refused", created_count: 0, error_count: 1 });
    expect(await batchEvents(r.json.importId)).toEqual([]); // rolled back with the batches
    // without the bad row it stores everything
    const good = JSON.stringify(Array.from({ length: 1_200 }, (_, i) => jsonRow(`AON2-${i + 1}`)));
    expect((await post(good, "application/json", "?mode=all_or_nothing")).json).toMatchObject({
      status: "completed",
      created: 1_200,
    });
    expect(await countRefs("AON2-")).toBe(1_200);
  }, 60_000);

  it("refuses an unknown mode with a field error", async () => {
    const r = await post("[]", "application/json", "?mode=some");
    expect(r.status).toBe(422);
    expect(r.json.error.fields).toHaveProperty("mode");
  });

  it("ten parallel imports of the same new references: no 5xx, exactly one profile per reference", async () => {
    const file = JSON.stringify(Array.from({ length: 300 }, (_, i) => jsonRow(`PAR-${i}`)));
    const results = await Promise.all(Array.from({ length: 10 }, () => post(file, "application/json")));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.reduce((n, r) => n + r.json.created, 0)).toBe(300);
    expect(results.reduce((n, r) => n + r.json.updated, 0)).toBe(2_700);
    expect(await countRefs("PAR-")).toBe(300);
    const dupes = await sql<{
      n: number;
    }>`select count(*)::int as n from (select external_ref from workers where agency_org_id = ${agency.org.id} and external_ref like 'PAR-%' group by external_ref having count(*) > 1) d`.execute(
      deps.db,
    );
    expect(dupes.rows[0]!.n).toBe(0);
  }, 60_000);

  it("an import whose process died (running, stale heartbeat) is shown as interrupted, with what it committed", async () => {
    const crashed = await deps.db
      .insertInto("worker_imports")
      .values({
        agency_org_id: agency.org.id,
        created_by: null,
        actor_label: "api-key:test",
        source: "api",
        mode: "valid_only",
        total_rows: 1_200,
        created_count: 1_000,
        batches_done: 2,
        heartbeat_at: new Date(Date.now() - 10 * 60_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const alive = await deps.db
      .insertInto("worker_imports")
      .values({
        agency_org_id: agency.org.id,
        created_by: null,
        actor_label: "api-key:test",
        source: "api",
        mode: "valid_only",
        total_rows: 10,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const res = await fetch(`${inject("baseUrl")}/api/v1/workers/imports`, {
      headers: { Authorization: `Bearer ${agency.key}` },
    });
    expect(res.status).toBe(200);
    const { imports } = (await res.json()) as {
      imports: { id: string; status: string; created: number; batchesDone: number }[];
    };
    expect(imports.find((i) => i.id === crashed.id)).toMatchObject({
      status: "interrupted",
      created: 1_000,
      batchesDone: 2,
    });
    expect(imports.find((i) => i.id === alive.id)).toMatchObject({ status: "running" });
    expect((await importRecord(crashed.id)).status).toBe("interrupted");
    await deps.db.deleteFrom("worker_imports").where("id", "=", alive.id).execute();
  });
});

describe("npm run import", () => {
  it("imports a CSV file for an agency and prints the per-row report", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jembatan-import-"));
    const file = path.join(dir, "workers.csv");
    writeFileSync(
      file,
      csv([
        { ...base, external_ref: "CLI-1" },
        { ...base, external_ref: "CLI-2", province_code: "99" },
        { ...base, external_ref: "CLI-3", experiences: "construction:5131:2" },
      ]),
    );
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", "--agency", agency.org.slug, file], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: inject("databaseUrl"),
        MEILI_URL: inject("meiliUrl"),
        MEILI_MASTER_KEY: inject("meiliMasterKey"),
      } as unknown as NodeJS.ProcessEnv,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "row 3  province_code: Choose a province: its two-digit Kemendagri code (33) or its name (Jawa Tengah).",
    );
    expect(r.stdout).toContain(
      "row 4  warning experiences[1].iscoCode: Occupation 5131 (Waiters) is not a \u201cConstruction and welding\u201d occupation.",
    );
    expect(r.stdout).toContain("3 rows: 2 created, 0 updated, 1 rejected, 1 with a warning");
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
      headers: {
        Origin: c.baseUrl,
        Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "X-Forwarded-For": c.ip,
      },
    });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === "progress").map((l) => l.done)).toEqual([0, 500, 1000, 1199]);
    const last = lines.at(-1);
    expect(last.type).toBe("report");
    expect(last.report).toMatchObject({
      total: 1200,
      created: 1199,
      errors: [{ row: 702, field: "sex", message: "errors.choose_option" }],
    });
  });
});

/** A signed-in agency user's page request (a browser without JavaScript). */
async function pageAs(lang: string, path: string, body?: FormData) {
  const { Client } = await import("../support/http");
  const c = new Client();
  expect((await c.logIn(agency.email, agency.password)).status).toBe(302);
  const res = await fetch(`${inject("baseUrl")}${path}`, {
    method: body ? "POST" : "GET",
    body,
    headers: {
      Origin: c.baseUrl,
      Cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "X-Forwarded-For": c.ip,
      "Accept-Language": lang,
    },
  });
  return { status: res.status, html: await res.text() };
}
const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/<!-- -->/g, "");

describe("an occupation outside its sector", () => {
  const file = () =>
    csv([
      { ...base, external_ref: "SECT-1" },
      { ...base, external_ref: "SECT-2", experiences: "cruise:5131:4;construction:5131:1" },
      { ...base, external_ref: "SECT-3", experiences: "construction:2411:3" },
      { ...base, external_ref: "SECT-4", sex: "unknown" },
    ]);

  it("is imported with a warning naming the column and the code, not counted as rejected (API, EN and ID)", async () => {
    const r = await post(file(), "text/csv");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 4, valid: 3, imported: 3, warned: 1 });
    expect(r.json.errors.map((e: { row: number }) => e.row)).toEqual([5]);
    expect(r.json.warnings).toEqual([
      {
        row: 3,
        field: "experiences[2].iscoCode",
        value: "5131",
        message:
          "Occupation 5131 (Waiters) is not a \u201cConstruction and welding\u201d occupation. Check the sector: the row is not refused for this.",
      },
    ]);
    expect(await countRefs("SECT-")).toBe(3);
    const id = await post(file(), "text/csv", "", "id");
    expect(id.json).toMatchObject({ updated: 3, warned: 1 });
    expect(id.json.warnings[0].message).toContain("Jabatan 5131 (Pramusaji) bukan jabatan sektor");
    // a JSON import names the JSON path
    const json = await post(
      JSON.stringify([
        {
          fullName: "Siti Nurhaliza",
          sex: "female",
          dateOfBirth: "1996-04-12",
          provinceCode: "33",
          experiences: [{ sector: "nursing", iscoCode: "5321", years: 2 }],
          languages: [],
          certificates: [],
          availableFrom: "2027-01-15",
          consentToMatching: true,
        },
      ]),
      "application/json",
    );
    expect(json.json.warnings.map((w: { field: string }) => w.field)).toEqual(["experiences.0.iscoCode"]);
  });

  it("the page's summary says how many rows have warnings, in the user's language, and lists them", async () => {
    const form = () => {
      const body = new FormData();
      body.set("file", new Blob([file()], { type: "text/csv" }), "workers.csv");
      body.set("mode", "valid_only");
      return body;
    };
    const en = await pageAs("en", "/workers/import", form());
    expect(en.status).toBe(200);
    const html = unescape(en.html);
    expect(html).toContain("4 rows: 0 created, 3 updated, 1 rejected, 1 with a warning.");
    // the rejected row can be downloaded, corrected and imported again
    expect(html).toMatch(
      /href="\/workers\/import\/[0-9a-f-]{36}\/failed\.csv"[^>]*>Download the rows that failed \(CSV\)</,
    );
    expect(html).toContain("Occupation 5131 (Waiters) is not a \u201cConstruction and welding\u201d occupation.");
    const id = unescape((await pageAs("id", "/workers/import", form())).html);
    expect(id).toContain("4 baris: 0 dibuat, 3 diperbarui, 1 ditolak, 1 dengan peringatan.");
  });
});

describe("the import page's column help", () => {
  it("explains each column in the page's language", async () => {
    const en = unescape((await pageAs("en", "/workers/import")).html);
    expect(en).toContain("Full name as on the KTP");
    expect(en).toContain("Regency or city of origin");
    const id = unescape((await pageAs("id", "/workers/import")).html);
    expect(id).toContain("Nama lengkap sesuai KTP");
    expect(id).toContain("Kabupaten atau kota asal");
    expect(id).not.toContain("Full name as on the KTP");
    expect(id).not.toContain("Regency or city of origin");
  });
});
