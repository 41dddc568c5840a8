import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";
import { apiOrg, orderForm, orderInput, type ApiOrg } from "../support/job-orders";

const deps = testDeps();
afterAll(() => deps.db.destroy());

let employer: Client, verifier: Client, ministry: Client, employerOrg: ApiOrg;
let missionCountry: string;

beforeAll(async () => {
  employerOrg = await apiOrg(deps, "employer");
  missionCountry = "BS"; // the Bahamas: a cruise flag no other test file uses
  const mission = await orgWithUser(deps, "mission", { extra: { countries: [missionCountry] } });
  const min = await orgWithUser(deps, "ministry");
  employer = new Client();
  await employer.logIn(employerOrg.email, employerOrg.password);
  verifier = new Client();
  await verifier.logIn(mission.email, mission.password);
  ministry = new Client();
  await ministry.logIn(min.email, min.password);
});

async function createViaForm(patch: Record<string, string> = {}) {
  const res = await employer.post("/job-orders/new", orderForm({ country: missionCountry, ...patch }));
  expect(res.status).toBe(302);
  return res.headers.get("location")!.split("/").pop()!;
}

describe("job orders in the browser, over HTTP", () => {
  it("the employer's form shows each error next to its field in the user's language and stores nothing", async () => {
    const before = (
      await deps.db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employerOrg.org.id).execute()
    ).length;
    const res = await employer.post(
      "/job-orders/new",
      orderForm({ positions: "0", wageCurrency: "XYZ", "languages[1].code": "en", "languages[1].minLevel": "C1" }),
      { headers: { "Accept-Language": "id" } },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Minimal 1 posisi.");
    expect(html).toContain("Bahasa ini sudah tercantum.");
    expect(html).toMatch(/id="job-order-positions-error"[^>]*>.*Minimal 1 posisi\./s);
    const noPay = await employer.post("/job-orders/new", { ...orderForm(), employerPaysPlacementCosts: "" });
    expect(await noPay.text()).toContain("The employer must declare that it pays every placement cost");
    expect(
      (await deps.db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employerOrg.org.id).execute())
        .length,
    ).toBe(before);
  });

  it("draft → submit → verifier's queue → approve → public board and /verify; audit trail for all three roles", async () => {
    const id = await createViaForm({ title: `Cabin Steward ${Date.now()}` });
    const draftPage = await (await employer.get(`/job-orders/${id}`)).text();
    expect(draftPage).toContain("Draft");
    expect(draftPage).toContain("STCW Basic Safety Training (A-VI/1) (mandatory)");

    expect((await employer.post(`/job-orders/${id}`, { intent: "submit" })).status).toBe(302);
    const queue = await (await verifier.get(`/verification?country=${missionCountry}`)).text();
    expect(queue).toContain("Cabin Steward");

    const bad = await verifier.post(`/job-orders/${id}`, { intent: "decide", decision: "reject" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Give a reason.");
    expect((await verifier.post(`/job-orders/${id}`, { intent: "decide", decision: "approve" })).status).toBe(302);

    const row = await deps.db
      .selectFrom("job_orders")
      .select(["status", "verification_code", "reference"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("verified");
    const code = row.verification_code!;

    const board = await (await new Client().get(`/jobs?country=${missionCountry}`)).text();
    expect(board).toContain("Cabin Steward");
    expect(board).not.toContain("hr@example.com");
    expect(board).not.toContain("+356 2122 0000");

    const verify = await new Client().get(`/verify/${code.toLowerCase().slice(0, 4)}-${code.slice(4).toLowerCase()}`);
    expect(verify.status).toBe(200);
    const vhtml = await verify.text();
    expect(vhtml).toContain("Genuine job order, verified by");
    expect(vhtml).toContain(row.reference);
    const qr = await new Client().get(`/verify/${code}/qr.svg`);
    expect(qr.headers.get("content-type")).toBe("image/svg+xml");
    expect(await qr.text()).toMatch(/^<svg/);

    for (const c of [employer, verifier, ministry]) {
      const page = await (await c.get(`/job-orders/${id}`)).text();
      expect(page).toContain("Created the draft");
      expect(page).toContain("Submitted for verification");
      expect(page).toContain("Approved and verified");
    }
  });

  it("/verify says REVOKED, expired or unknown, in the reader's language", async () => {
    const revokedId = await createViaForm();
    await employer.post(`/job-orders/${revokedId}`, { intent: "submit" });
    await verifier.post(`/job-orders/${revokedId}`, { intent: "decide", decision: "approve" });
    const revoke = await verifier.post(`/job-orders/${revokedId}`, {
      intent: "revoke",
      reason: "suspected_fraud",
      note: "forged registration",
    });
    expect(revoke.status).toBe(302);
    const revokedCode = (
      await deps.db
        .selectFrom("job_orders")
        .select("verification_code")
        .where("id", "=", revokedId)
        .executeTakeFirstOrThrow()
    ).verification_code!;
    const r = await new Client().get(`/verify/${revokedCode}`, { "Accept-Language": "id" });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Job order ini DICABUT oleh");

    const expiredId = await createViaForm();
    await employer.post(`/job-orders/${expiredId}`, { intent: "submit" });
    await verifier.post(`/job-orders/${expiredId}`, { intent: "decide", decision: "approve" });
    await deps.db.updateTable("job_orders").set({ valid_until: "2025-01-31" }).where("id", "=", expiredId).execute();
    const expiredCode = (
      await deps.db
        .selectFrom("job_orders")
        .select("verification_code")
        .where("id", "=", expiredId)
        .executeTakeFirstOrThrow()
    ).verification_code!;
    expect(await (await new Client().get(`/verify/${expiredCode}`)).text()).toContain(
      "This job order expired on 1 February 2025",
    );
    expect(await (await new Client().get(`/jobs?country=${missionCountry}`)).text()).not.toContain(
      expiredCode.slice(0, 4) + "-" + expiredCode.slice(4),
    );

    const unknown = await new Client().get("/verify/ZZZZ-ZZZZ");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("No verified job order has the code ZZZZZZZZ");
    expect((await new Client().get("/verify/<script>")).status).toBe(404);
    const form = await new Client().get("/verify?code=ab3k-9mxp");
    expect(form.headers.get("location")).toBe("/verify/AB3K9MXP");
  });

  it("the employer records placements, never more than the positions, and the order fills", async () => {
    const id = await createViaForm({ positions: "2" });
    await employer.post(`/job-orders/${id}`, { intent: "submit" });
    await verifier.post(`/job-orders/${id}`, { intent: "decide", decision: "approve" });
    const over = await employer.post(`/job-orders/${id}`, { intent: "fill", positionsFilled: "3" });
    expect(over.status).toBe(422);
    expect(await over.text()).toContain("Filled positions cannot exceed the order");
    expect((await employer.post(`/job-orders/${id}`, { intent: "fill", positionsFilled: "1" })).status).toBe(302);
    expect(
      await deps.db
        .selectFrom("job_orders")
        .select(["status", "positions_filled"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "verified", positions_filled: 1 });
    expect((await employer.post(`/job-orders/${id}`, { intent: "fill", positionsFilled: "2" })).status).toBe(302);
    expect(
      await deps.db
        .selectFrom("job_orders")
        .select(["status", "positions_filled"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "filled", positions_filled: 2 });
    await expect(
      deps.db.updateTable("job_orders").set({ positions_filled: 3 }).where("id", "=", id).execute(),
    ).rejects.toThrow(/job_orders_filled_within_positions/);
  });

  it("a ministry admin lists a problem employer; the verifier sees the hold and cannot approve", async () => {
    const shady = await apiOrg(deps, "employer");
    const id = (await shady.call("POST", "/job-orders", orderInput({ country: missionCountry }))).json.jobOrder.id;
    await shady.call("POST", `/job-orders/${id}/submit`);
    const slug = shady.org.slug;
    const bad = await ministry.post("/admin/problem-employers", { employer: slug, reason: "" });
    expect(bad.status).toBe(400);
    expect(
      (
        await ministry.post("/admin/problem-employers", {
          employer: slug,
          reason: "Wages withheld from 12 crew (KBRI report 2026/114)",
        })
      ).status,
    ).toBe(302);
    expect((await ministry.post("/admin/problem-employers", { employer: slug, reason: "again" })).status).toBe(409);

    const page = await (await verifier.get(`/job-orders/${id}`)).text();
    expect(page).toContain("Hold: this employer is on the problem-employer list");
    const refused = await verifier.post(`/job-orders/${id}`, { intent: "decide", decision: "approve" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("cannot be approved");

    const listing = await deps.db
      .selectFrom("problem_employers")
      .select("id")
      .where("employer_org_id", "=", shady.org.id)
      .where("lifted_at", "is", null)
      .executeTakeFirstOrThrow();
    expect((await ministry.post("/admin/problem-employers", { intent: "lift", listingId: listing.id })).status).toBe(
      302,
    );
    expect((await verifier.post(`/job-orders/${id}`, { intent: "decide", decision: "approve" })).status).toBe(302);
    expect((await employer.get("/admin/problem-employers")).status).toBe(404);
  });

  it("a ministry admin records a wage floor; a lower wage is flagged to the verifier", async () => {
    const bad = await ministry.post("/admin/standards", { country: missionCountry, minWageAmount: "500" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("This field is required.");
    expect(
      (
        await ministry.post("/admin/standards", {
          country: missionCountry,
          iscoCode: "5111",
          minWageAmount: "1500",
          minWageCurrency: "USD",
          minWagePeriod: "month",
          source: "test CBA",
        })
      ).status,
    ).toBe(302);
    const id = await createViaForm({ iscoCode: "5111", wageAmount: "1200" });
    await employer.post(`/job-orders/${id}`, { intent: "submit" });
    const page = await (await verifier.get(`/job-orders/${id}`)).text();
    expect(page).toContain("Wage below the recorded minimum");
    expect(page).toContain("Source: test CBA");
  });

  it("company details are required to submit and are copied into the order", async () => {
    const bare = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(bare.email, bare.password);
    const res = await c.post("/job-orders/new", orderForm({ country: missionCountry }));
    const id = res.headers.get("location")!.split("/").pop()!;
    const refused = await c.post(`/job-orders/${id}`, { intent: "submit" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("registration number, address and contact");
    const badDetails = await c.post(`/orgs/${bare.org.slug}/settings`, {
      intent: "details",
      registrationNumber: "HRB 1",
      address: "short",
      contactEmail: "x",
      contactPhone: "abc",
    });
    expect(badDetails.status).toBe(400);
    expect(
      (
        await c.post(`/orgs/${bare.org.slug}/settings`, {
          intent: "details",
          registrationNumber: "HRB 98765",
          address: "Hafenstraße 1, 20359 Hamburg",
          contactEmail: "jobs@example.de",
          contactPhone: "+49 40 123456",
        })
      ).status,
    ).toBe(302);
    expect((await c.post(`/job-orders/${id}`, { intent: "submit" })).status).toBe(302);
    const v = await deps.db
      .selectFrom("job_order_versions")
      .select("employer")
      .where("job_order_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(v.employer).toMatchObject({ registrationNumber: "HRB 98765", contactEmail: "jobs@example.de" });
  });
});
