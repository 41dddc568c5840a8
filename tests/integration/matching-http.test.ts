import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays } from "~/domain/dates";
import { MatchResponseSchema } from "~/domain/matching/api-schema";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { apiFor, apiOrg, orderInput, type ApiOrg } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

// The matches API, its OpenAPI description and the pages, over HTTP against the running app.

const deps = testDeps();
let agency: ApiOrg;
let other: ApiOrg;
let made: Awaited<ReturnType<typeof verifiedOrder>>;
const ids: string[] = [];

beforeAll(async () => {
  [agency, other] = await Promise.all([apiOrg(deps, "agency"), apiOrg(deps, "agency")]);
  made = await verifiedOrder(deps, {
    title: "Galley Cook",
    iscoCode: "5120",
    minExperienceYears: 1,
    languages: [{ code: "en", minLevel: "B1" }],
    certificates: [{ code: "stcw_bst", mandatory: true }],
  });
  const start = made.order.start_date;
  const base = {
    nik: undefined,
    passportNumber: undefined,
    experiences: [{ sector: "cruise" as const, iscoCode: "5120", years: 3 }],
    availableFrom: addDays(start, -10),
    certificates: [{ code: "stcw_bst", expiresOn: addDays(start, 1500) }],
  };
  for (let i = 0; i < 25; i++) {
    const w = await saveWorker(
      deps,
      agencyActor(agency.org),
      workerInput({
        ...base,
        fullName: `Koki Nomor ${i}`,
        externalRef: `K-${i}`,
        experiences: [{ sector: "cruise", iscoCode: "5120", years: 1 + (i % 10) }],
      }),
    );
    ids.push(w.id);
  }
  const late = await saveWorker(
    deps,
    agencyActor(agency.org),
    workerInput({ ...base, fullName: "Terlambat Sekali", externalRef: "LATE", availableFrom: addDays(start, 40) }),
  );
  const theirs = await saveWorker(
    deps,
    agencyActor(other.org),
    workerInput({ ...base, fullName: "Milik Agensi Lain", externalRef: "OTHER" }),
  );
  ids.push(late.id, theirs.id);
  await waitIndexed(deps, ids);
});
afterAll(() => deps.db.destroy());

describe("GET /api/v1/job-orders/:id/matches", () => {
  it("answers the agency's own ranked candidates and near misses in the documented shape", async () => {
    const r = await agency.call("GET", `/job-orders/${made.order.id}/matches?limit=10`);
    expect(r.status).toBe(200);
    const body = MatchResponseSchema.parse(r.json);
    expect(body.total).toBe(25);
    expect(body.results).toHaveLength(10);
    expect(body.results[0]!.explanation).toMatch(
      /^Cooks 10 yrs · English B2 \(IELTS 6\.0\) · STCW BST valid to \d{4}-\d{2}$/,
    );
    expect(body.nearMisses).toEqual([
      {
        workerId: ids[25],
        externalRef: "LATE",
        failed: {
          gate: "availability",
          item: "availability",
          detail: "Available 6 weeks after start",
          fix: expect.stringMatching(
            /^Be available by \d{1,2} \w{3} \d{4}, or agree a start from \d{1,2} \w{3} \d{4}$/,
          ),
        },
      },
    ]);
    // the order says how experience counts and what ranks first
    expect(body.jobOrder).toMatchObject({ occupationScope: "minor", priority: "experience" });
    expect(body.jobOrder.rankingBasis).toMatch(/Cooks/);
    expect(body.nearMissCounts.find((c) => c.item === "availability")).toEqual({
      item: "availability",
      label: "Available by the start date",
      count: 1,
    });
    expect(JSON.stringify(r.json)).not.toContain("Milik Agensi Lain");
    expect(JSON.stringify(r.json)).not.toContain("OTHER");

    const page3 = MatchResponseSchema.parse(
      (await agency.call("GET", `/job-orders/${made.order.id}/matches?limit=10&offset=20`)).json,
    );
    expect(page3.results).toHaveLength(5);
    const all = MatchResponseSchema.parse(
      (await agency.call("GET", `/job-orders/${made.order.id}/matches?limit=100`)).json,
    );
    expect(page3.results.map((x) => x.workerId)).toEqual(all.results.slice(20).map((x) => x.workerId));

    const id = (
      await agency.call("GET", `/job-orders/${made.order.id}/matches?limit=1`, undefined, { "Accept-Language": "id" })
    ).json;
    expect(id.results[0].explanation).toMatch(
      /^Juru masak 10 thn · Inggris B2 \(IELTS 6\.0\) · STCW BST berlaku s\.d\. /,
    );
    expect(id.nearMisses[0].failed.detail).toBe("Tersedia 6 minggu setelah tanggal mulai");
  });

  it("refuses bad paging with a clear error per parameter", async () => {
    const r = await agency.call("GET", `/job-orders/${made.order.id}/matches?limit=0&offset=-1&item=salary`);
    expect(r.status).toBe(422);
    expect(r.json.error.fields).toMatchObject({
      limit: "Enter a number from 1 to 100.",
      offset: "Enter a number from 0 up to the end of the list.",
    });
    expect(r.json.error.fields.item).toBeTruthy();
    const notAGate = await agency.call("GET", `/job-orders/${made.order.id}/matches?item=language:de`);
    expect(notAGate.status).toBe(422);
  });

  it("is for agencies only, on verified orders: 403 to those who see the order, 404 to those who do not", async () => {
    // the order's own employer and the mission that verified it see the order: its matches are refused (403)
    for (const seer of [await apiFor(deps, made.employer), await apiFor(deps, made.mission)]) {
      const r = await seer.call("GET", `/job-orders/${made.order.id}/matches`);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe("forbidden");
    }
    // another employer and a ministry key (not a ministry administrator) cannot see the order at all: 404, as for
    // the order itself, so the answer does not confirm that it exists
    const employer = await apiOrg(deps, "employer");
    expect((await employer.call("GET", `/job-orders/${made.order.id}/matches`)).status).toBe(404);
    const ministry = await orgWithUser(deps, "ministry");
    const { key } = await unsafeCreateApiKey(deps, ministry.org, "m", { userId: null, label: "test" });
    for (const path of [`/job-orders/${made.order.id}/matches`, `/job-orders/${made.order.id}`]) {
      const res = await fetch(`${inject("baseUrl")}/api/v1${path}`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status, path).toBe(404);
    }
    const draft = (await employer.call("POST", "/job-orders", orderInput())).json.jobOrder.id as string;
    expect((await agency.call("GET", `/job-orders/${draft}/matches`)).status).toBe(404);
    expect((await agency.call("GET", `/job-orders/00000000-0000-4000-8000-000000000000/matches`)).status).toBe(404);
  });

  it("is described in /api/v1/openapi.json, generated from the same schemas", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const op = doc.paths["/job-orders/{id}/matches"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual([
      "limit",
      "offset",
      "nearLimit",
      "nearOffset",
      "item",
    ]);
    expect(op.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/MatchResponse",
    });
    const schema = doc.components.schemas.MatchResponse;
    expect(schema.required).toEqual(expect.arrayContaining(["total", "results", "nearMisses"]));
    expect(Object.keys(schema.properties.results.items.properties)).toEqual([
      "workerId",
      "externalRef",
      "score",
      "components",
      "explanation",
    ]);
    expect(
      doc.paths["/job-orders"].post.requestBody.content["application/json"].schema.properties.iscoCode,
    ).toBeTruthy();
  });
});

describe("the matches page", () => {
  it("shows an agency its ranked candidates with explanations and near misses, the ministry only counts", async () => {
    const c = new Client();
    await c.logIn(agency.email, agency.password);
    const order = await (await c.get(`/job-orders/${made.order.id}`)).text();
    expect(order).toContain(`href="/job-orders/${made.order.id}/matches"`);
    const html = await (await c.get(`/job-orders/${made.order.id}/matches`)).text();
    expect(html).toContain("25 qualified");
    expect(html).toMatch(/Koki Nomor \d+ \(K-\d+\)/);
    expect(html).toContain("Cooks 10 yrs · English B2 (IELTS 6.0) · STCW BST valid to");
    expect(html).toContain("Terlambat Sekali (LATE)");
    expect(html).toContain("Available 6 weeks after start");
    expect(html).not.toContain("Milik Agensi Lain");
    const page2 = await (await c.get(`/job-orders/${made.order.id}/matches?page=2`)).text();
    expect((page2.match(/class="card match"/g) ?? []).length).toBe(5);

    const ministry = await orgWithUser(deps, "ministry");
    const m = new Client();
    await m.logIn(ministry.email, ministry.password);
    const counts = await (await m.get(`/job-orders/${made.order.id}/matches`)).text();
    // other tests' agencies share this database: assert on this test's agencies only
    expect(counts).toContain("Qualified candidates per agency");
    expect(counts).toContain(`<td>${agency.org.name}</td><td>25</td>`);
    expect(counts).toContain(`<td>${other.org.name}</td><td>1</td>`);
    for (const personal of ["Koki Nomor", "Terlambat", "Milik Agensi Lain", "K-1", "LATE"])
      expect(counts).not.toContain(personal);

    const employer = new Client();
    await employer.logIn(made.employer.email, made.employer.password);
    expect((await employer.get(`/job-orders/${made.order.id}/matches`)).status).toBe(403);
  });
});
