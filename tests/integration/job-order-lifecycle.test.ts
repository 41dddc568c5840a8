import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDeps } from "../support/fixtures";
import { apiOrg, orderInput, type ApiOrg } from "../support/job-orders";

const deps = testDeps();
let employer: ApiOrg, mission: ApiOrg, otherMission: ApiOrg, agency: ApiOrg, otherEmployer: ApiOrg;

beforeAll(async () => {
  [employer, mission, otherMission, agency, otherEmployer] = await Promise.all([
    apiOrg(deps, "employer"),
    apiOrg(deps, "mission", { countries: ["US", "BS"] }),
    apiOrg(deps, "mission", { countries: ["DE"] }),
    apiOrg(deps, "agency"),
    apiOrg(deps, "employer"),
  ]);
});
afterAll(() => deps.db.destroy());

async function draft(patch = {}) {
  const r = await employer.call("POST", "/job-orders", orderInput(patch));
  expect(r.status).toBe(201);
  return r.json.jobOrder.id as string;
}

describe("a job order's life cycle over the API", () => {
  it("draft → edit → submit → returned with reasons → corrected → resubmitted (version 2) → verified, then fill and close offered", async () => {
    const created = await employer.call("POST", "/job-orders", orderInput());
    expect(created.status).toBe(201);
    expect(created.json.jobOrder).toMatchObject({
      status: "draft",
      version: 0,
      title: "Assistant Waiter",
      verificationCode: null,
    });
    expect(created.json.jobOrder.reference).toMatch(/^JO-\d{4}-\d{5}$/);
    const id = created.json.jobOrder.id;

    const edited = await employer.call("PUT", `/job-orders/${id}`, orderInput({ positions: 10 }));
    expect(edited.status).toBe(200);
    expect(edited.json.jobOrder.positions).toBe(10);

    const submitted = await employer.call("POST", `/job-orders/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.json.jobOrder).toMatchObject({ status: "submitted", version: 1 });

    const returned = await mission.call("POST", `/job-orders/${id}/verification`, {
      decision: "return",
      reason: "missing_information",
      note: "State the overtime rate.",
    });
    expect(returned.status).toBe(200);
    expect(returned.json.jobOrder.status).toBe("returned");

    const seen = await employer.call("GET", `/job-orders/${id}`);
    expect(seen.json.versions[0]).toMatchObject({
      version: 1,
      decision: "return",
      reason: "missing_information",
      note: "State the overtime rate.",
    });
    expect(seen.json.versions[0].employer).toMatchObject({
      registrationNumber: "C 12345",
      contactEmail: "hr@example.com",
    });

    expect(
      (
        await employer.call(
          "PUT",
          `/job-orders/${id}`,
          orderInput({ positions: 10, descriptionEn: "Serve guests in the main dining room. Overtime paid at 1.5x." }),
        )
      ).status,
    ).toBe(200);
    const resubmitted = await employer.call("POST", `/job-orders/${id}/submit`);
    expect(resubmitted.json.jobOrder).toMatchObject({ status: "submitted", version: 2 });

    const approved = await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.json.jobOrder.status).toBe("verified");
    expect(approved.json.jobOrder.verificationCode).toMatch(/^[A-Z2-9]{8}$/);

    const final = await employer.call("GET", `/job-orders/${id}`);
    expect(final.json.versions.map((v: { version: number; decision: string }) => [v.version, v.decision])).toEqual([
      [2, "approve"],
      [1, "return"],
    ]);
    expect(final.json.events.map((e: { action: string }) => e.action)).toEqual([
      "approved",
      "submitted",
      "edited",
      "returned",
      "submitted",
      "edited",
      "created",
    ]);
    expect(final.json.events.find((e: { action: string }) => e.action === "edited").changes).toEqual({
      fields: ["descriptionEn"],
    });
    expect(final.json.actions).toEqual(["fill", "close"]);
  });

  it("refuses to submit without the employer's legal details, storing nothing", async () => {
    const bare = await apiOrg(deps, "employer");
    await deps.db.updateTable("organisations").set({ address: null }).where("id", "=", bare.org.id).execute();
    const id = (await bare.call("POST", "/job-orders", orderInput())).json.jobOrder.id;
    const r = await bare.call("POST", `/job-orders/${id}/submit`);
    expect(r.status).toBe(422);
    expect(r.json.error.message).toContain("registration number, address and contact");
    const row = await deps.db
      .selectFrom("job_orders")
      .select(["status", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "draft", version: 0 });
  });
});

describe("forbidden transitions are refused over HTTP", () => {
  it("submit, verification and edit answer 409 from every state that does not allow them", async () => {
    // Build one order in each reachable state through the API itself.
    const inState: Record<string, string> = {};
    inState.draft = await draft();
    inState.submitted = await draft();
    await employer.call("POST", `/job-orders/${inState.submitted}/submit`);
    for (const [state, decision] of [
      ["verified", "approve"],
      ["returned", "return"],
      ["rejected", "reject"],
    ] as const) {
      inState[state] = await draft();
      await employer.call("POST", `/job-orders/${inState[state]}/submit`);
      const r = await mission.call("POST", `/job-orders/${inState[state]}/verification`, {
        decision,
        reason: decision === "approve" ? undefined : "contract_terms",
      });
      expect(r.json.jobOrder.status).toBe(state);
    }

    const submitOk = new Set(["draft", "returned", "rejected"]);
    const decideOk = new Set(["submitted"]);
    for (const [state, id] of Object.entries(inState)) {
      const visibleToMission = state !== "draft";
      const s = await employer.call("POST", `/job-orders/${id}/submit`);
      expect(s.status, `submit from ${state}`).toBe(submitOk.has(state) ? 200 : 409);
      if (submitOk.has(state)) continue; // it moved on; decisions are checked on the others
      for (const decision of ["approve", "return", "reject"]) {
        const d = await mission.call("POST", `/job-orders/${id}/verification`, {
          decision,
          reason: "other",
          note: "x",
        });
        expect(d.status, `${decision} from ${state}`).toBe(!visibleToMission ? 404 : decideOk.has(state) ? 200 : 409);
        if (d.status === 200) break;
      }
    }
    const put = await employer.call("PUT", `/job-orders/${inState.verified}`, orderInput());
    expect(put.status).toBe(409);
    expect(put.json.error).toMatchObject({
      code: "conflict",
      message: "This job order is Verified: that is not possible now.",
    });
    const putId = await employer.call("PUT", `/job-orders/${inState.verified}`, orderInput(), {
      "Accept-Language": "id",
    });
    expect(putId.json.error.message).toBe(
      "Job order ini berstatus Terverifikasi: tindakan itu tidak dapat dilakukan sekarang.",
    );
  });

  it("refuses the wrong actor: an employer cannot verify, a mission cannot submit (403)", async () => {
    const id = await draft();
    await employer.call("POST", `/job-orders/${id}/submit`);
    expect((await employer.call("POST", `/job-orders/${id}/verification`, { decision: "approve" })).status).toBe(403);
    expect((await mission.call("POST", `/job-orders/${id}/submit`)).status).toBe(403);
    expect((await agency.call("POST", "/job-orders", orderInput())).status).toBe(403);
    const row = await deps.db.selectFrom("job_orders").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
  });
});

describe("automatic holds and flags", () => {
  it("a problem employer's order cannot be approved until the listing is lifted; it can still be returned", async () => {
    const listed = await apiOrg(deps, "employer");
    const id = (await listed.call("POST", "/job-orders", orderInput())).json.jobOrder.id;
    await listed.call("POST", `/job-orders/${id}/submit`);
    const row = await deps.db
      .insertInto("problem_employers")
      .values({ employer_org_id: listed.org.id, reason: "unpaid wages 2025", listed_on: "2026-01-05", listed_by: null })
      .returning("id")
      .executeTakeFirstOrThrow();

    const detail = await mission.call("GET", `/job-orders/${id}`);
    expect(detail.status).toBe(200);
    const refused = await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("problem-employer list");
    expect(
      (await deps.db.selectFrom("job_orders").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status,
    ).toBe("submitted");

    await deps.db.updateTable("problem_employers").set({ lifted_at: new Date() }).where("id", "=", row.id).execute();
    expect((await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" })).status).toBe(200);
  });

  it("flags a wage below and hours above the destination's recorded standards at submission", async () => {
    const flagMission = await apiOrg(deps, "mission", { countries: ["HK"] });
    await deps.db
      .insertInto("destination_standards")
      .values({
        country: "HK",
        isco_code: "9111",
        min_wage_amount: 5100,
        min_wage_currency: "HKD",
        min_wage_period: "month",
        max_hours_per_week: 60,
        source: "HK Labour Dept MAW",
        created_by: null,
      })
      .execute();
    const id = (
      await employer.call(
        "POST",
        "/job-orders",
        orderInput({
          title: "Domestic helper",
          iscoCode: "9111",
          sector: "domestic_work",
          country: "HK",
          vesselName: undefined,
          wageAmount: 4800,
          wageCurrency: "HKD",
          hoursPerWeek: 66,
        }),
      )
    ).json.jobOrder.id;
    await employer.call("POST", `/job-orders/${id}/submit`);
    const detail = await flagMission.call("GET", `/job-orders/${id}`);
    const findings = (
      await deps.db
        .selectFrom("job_order_versions")
        .select("findings")
        .where("job_order_id", "=", id)
        .executeTakeFirstOrThrow()
    ).findings;
    expect(findings.map((f) => f.kind).sort()).toEqual(["flag_hours_over_maximum", "flag_wage_below_minimum"]);
    expect(detail.status).toBe(200);
    // flags inform; the verifier may still approve
    expect((await flagMission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" })).status).toBe(
      200,
    );
  });
});

describe("tenancy over HTTP", () => {
  it("another employer, a mission for other countries and agencies see only what they may (else 404)", async () => {
    const id = await draft();
    expect((await otherEmployer.call("GET", `/job-orders/${id}`)).status).toBe(404);
    expect((await mission.call("GET", `/job-orders/${id}`)).status).toBe(404); // a draft is the employer's alone
    expect((await agency.call("GET", `/job-orders/${id}`)).status).toBe(404);

    await employer.call("POST", `/job-orders/${id}/submit`);
    expect((await mission.call("GET", `/job-orders/${id}`)).status).toBe(200);
    expect((await otherMission.call("GET", `/job-orders/${id}`)).status).toBe(404);
    expect((await otherMission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" })).status).toBe(
      404,
    );
    expect((await agency.call("GET", `/job-orders/${id}`)).status).toBe(404);
    expect((await otherEmployer.call("PUT", `/job-orders/${id}`, orderInput())).status).toBe(404);

    await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" });
    const seen = await agency.call("GET", `/job-orders/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.events).toEqual([]);
    expect(seen.json.versions).toEqual([]);
    expect(JSON.stringify(seen.json)).not.toContain("hr@example.com");

    const agencyList = await agency.call("GET", "/job-orders");
    expect(agencyList.json.data.some((o: { id: string }) => o.id === id)).toBe(true);
    expect(agencyList.json.data.every((o: { status: string }) => o.status === "verified")).toBe(true);
    const otherList = await otherEmployer.call("GET", "/job-orders");
    expect(otherList.json.data.some((o: { id: string }) => o.id === id)).toBe(false);
    const deOrder = await draft({ country: "DE", sector: "nursing", iscoCode: "2221", vesselName: undefined });
    await employer.call("POST", `/job-orders/${deOrder}/submit`);
    const deList = (await otherMission.call("GET", "/job-orders")).json.data as { id: string; country: string }[];
    expect(deList.map((o) => o.id)).toContain(deOrder);
    expect(deList.every((o) => o.country === "DE")).toBe(true);
    expect((await employer.call("GET", "/job-orders/not-a-uuid")).status).toBe(404);
  });
});

describe("bad input is refused field by field and nothing is stored", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["unknown currency", { wageCurrency: "XYZ" }, "wageCurrency"],
    ["negative wage", { wageAmount: -1 }, "wageAmount"],
    ["0 positions", { positions: 0 }, "positions"],
    ["start date in the past", { startDate: "2020-01-01" }, "startDate"],
    ["contract shorter than a month", { contractMonths: 0 }, "contractMonths"],
    ["unknown ISCO code", { iscoCode: "0000" }, "iscoCode"],
    [
      "duplicate language",
      {
        languages: [
          { code: "en", minLevel: "B1" },
          { code: "en", minLevel: "C1" },
        ],
      },
      "languages.1.code",
    ],
    ["worker pays", { employerPaysPlacementCosts: false }, "employerPaysPlacementCosts"],
  ])("%s", async (_name, patch, field) => {
    const before = (
      await deps.db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employer.org.id).execute()
    ).length;
    const r = await employer.call("POST", "/job-orders", orderInput(patch));
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("invalid");
    expect(Object.keys(r.json.error.fields)).toEqual([field]);
    expect(r.json.error.fields[field]).not.toMatch(/^errors\./);
    expect(
      (await deps.db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employer.org.id).execute())
        .length,
    ).toBe(before);
  });

  it("answers malformed JSON with 400 and a wrong method with 405", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/v1/job-orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${employer.key}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect((await employer.call("DELETE", "/job-orders")).status).toBe(405);
  });
});

describe("review findings, pinned", () => {
  it("two verifiers deciding at once: exactly one decision wins", async () => {
    const id = await draft();
    await employer.call("POST", `/job-orders/${id}/submit`);
    const [x, y] = await Promise.all([
      mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" }),
      mission.call("POST", `/job-orders/${id}/verification`, { decision: "reject", reason: "contract_terms" }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const decided = await deps.db
      .selectFrom("job_order_versions")
      .select("decision")
      .where("job_order_id", "=", id)
      .execute();
    expect(decided).toHaveLength(1);
    const events = await deps.db
      .selectFrom("job_order_events")
      .select("action")
      .where("job_order_id", "=", id)
      .where("action", "in", ["approved", "rejected"])
      .execute();
    expect(events).toHaveLength(1);
  });

  it("only ministry administrators oversee orders: members and ministry API keys see nothing", async () => {
    const id = await draft();
    await employer.call("POST", `/job-orders/${id}/submit`);
    await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" });
    const ministryKey = await apiOrg(deps, "ministry");
    expect((await ministryKey.call("GET", `/job-orders/${id}`)).status).toBe(404);
    expect((await ministryKey.call("GET", "/job-orders")).json.data).toEqual([]);
    const { Client } = await import("../support/http");
    const { orgWithUser } = await import("../support/fixtures");
    const member = await orgWithUser(deps, "ministry", { role: "member" });
    const c = new Client();
    await c.logIn(member.email, member.password);
    expect((await c.get(`/job-orders/${id}`)).status).toBe(404);
    expect((await c.post(`/job-orders/${id}`, { intent: "revoke", reason: "other", note: "x" })).status).toBe(404);
    const admin = await orgWithUser(deps, "ministry");
    const a = new Client();
    await a.logIn(admin.email, admin.password);
    expect((await a.get(`/job-orders/${id}`)).status).toBe(200);
  });

  it("a stale draft is re-checked at submission, and an order whose start has passed cannot be approved", async () => {
    const id = await draft();
    await deps.db
      .updateTable("job_orders")
      .set({ content: sql`jsonb_set(content, '{startDate}', '"2020-01-01"')` })
      .where("id", "=", id)
      .execute();
    const r = await employer.call("POST", `/job-orders/${id}/submit`);
    expect(r.status).toBe(422);
    expect(r.json.error.fields).toEqual({ startDate: "The start date cannot be in the past." });
    const id2 = await draft();
    await employer.call("POST", `/job-orders/${id2}/submit`);
    await deps.db
      .updateTable("job_orders")
      .set({ content: sql`jsonb_set(content, '{startDate}', '"2020-01-01"')` })
      .where("id", "=", id2)
      .execute();
    const approve = await mission.call("POST", `/job-orders/${id2}/verification`, { decision: "approve" });
    expect(approve.status).toBe(409);
    expect(approve.json.error.message).toContain("start date has passed");
  });

  it("the expiry sweep expires an order the day after its last valid day, not on it", async () => {
    const { expireDueJobOrders } = await import("~/services/job-orders/lifecycle.server");
    const id = await draft();
    await employer.call("POST", `/job-orders/${id}/submit`);
    await mission.call("POST", `/job-orders/${id}/verification`, { decision: "approve" });
    // Only this order's validity is moved (a sweep at a shifted clock would expire other tests' orders too).
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await deps.db.updateTable("job_orders").set({ valid_until: today }).where("id", "=", id).execute();
    await expireDueJobOrders(deps);
    expect(
      (await deps.db.selectFrom("job_orders").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status,
    ).toBe("verified");
    await deps.db.updateTable("job_orders").set({ valid_until: yesterday }).where("id", "=", id).execute();
    await expireDueJobOrders(deps);
    expect(
      (await deps.db.selectFrom("job_orders").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status,
    ).toBe("expired");
    const ev = await deps.db
      .selectFrom("job_order_events")
      .select(["action", "actor_label", "from_status"])
      .where("job_order_id", "=", id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(ev).toEqual({ action: "expired", actor_label: "system", from_status: "verified" });
  });
});
