import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { apiOrg, orderForm, orderInput, type ApiOrg } from "../support/job-orders";

const deps = testDeps();
let employer: ApiOrg, otherEmployer: ApiOrg;

beforeAll(async () => {
  [employer, otherEmployer] = await Promise.all([apiOrg(deps, "employer"), apiOrg(deps, "employer")]);
});
afterAll(() => deps.db.destroy());

const ordersOf = async (org: ApiOrg) =>
  Number(
    (
      await deps.db
        .selectFrom("job_orders")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("employer_org_id", "=", org.org.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A POST with its headers read too (the JSON client in support/ returns only status and body). */
async function post(org: ApiOrg, path: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${org.key}`, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, replayed: res.headers.get("Idempotent-Replayed"), json: (await res.json()) as any };
}

describe("Idempotency-Key on API POSTs", () => {
  it("a retried POST gets the first answer again and creates one order", async () => {
    const before = await ordersOf(employer);
    const key = randomUUID();
    const first = await post(employer, "/job-orders", orderInput(), { "Idempotency-Key": key });
    const retry = await post(employer, "/job-orders", orderInput(), { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    expect(retry).toMatchObject({ status: 201, replayed: "true" });
    expect(retry.json.jobOrder.id).toBe(first.json.jobOrder.id);
    expect(await ordersOf(employer)).toBe(before + 1);
    // without a key, every POST is its own
    await post(employer, "/job-orders", orderInput(), {});
    expect(await ordersOf(employer)).toBe(before + 2);
  });

  it("ten parallel POSTs with one key create one order; the others replay it or are told it is still running", async () => {
    const before = await ordersOf(employer);
    const key = randomUUID();
    const all = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(employer, "/job-orders", orderInput({ title: "Parallel" }), { "Idempotency-Key": key }),
      ),
    );
    expect(all.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const created = all.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json.jobOrder.id)).size).toBe(1);
    for (const r of all.filter((x) => x.status === 409)) expect(r.json.error.code).toBe("conflict");
    expect(await ordersOf(employer)).toBe(before + 1);
  });

  it("refuses a key reused for a different request, naming the header, and stores nothing", async () => {
    const key = randomUUID();
    expect(
      (await post(employer, "/job-orders", orderInput({ title: "First" }), { "Idempotency-Key": key })).status,
    ).toBe(201);
    const before = await ordersOf(employer);
    const other = await post(employer, "/job-orders", orderInput({ title: "Second" }), {
      "Idempotency-Key": key,
      "Accept-Language": "id",
    });
    expect(other.status).toBe(422);
    expect(other.json.error.fields["Idempotency-Key"]).toMatch(/permintaan lain/);
    expect(await ordersOf(employer)).toBe(before);
  });

  it("refuses an unusable key with a field error", async () => {
    const before = await ordersOf(employer);
    // an empty key is a mistake, not "no key" (Remix's adapter drops empty headers: refused before it)
    for (const bad of ["x".repeat(256), "two words", "", "   "]) {
      const r = await post(employer, "/job-orders", orderInput(), { "Idempotency-Key": bad });
      expect(r.status).toBe(422);
      expect(r.json.error.fields["Idempotency-Key"], JSON.stringify(bad)).toBeTruthy();
    }
    expect(await ordersOf(employer)).toBe(before);
  });

  it("does not keep a failed first answer: the corrected request with the same key runs", async () => {
    const key = randomUUID();
    const bad = await post(employer, "/job-orders", orderInput({ positions: 0 }), { "Idempotency-Key": key });
    expect(bad.status).toBe(422);
    const good = await post(employer, "/job-orders", orderInput(), { "Idempotency-Key": key });
    expect(good).toMatchObject({ status: 201, replayed: null });
  });

  it("keeps each organisation's keys to itself", async () => {
    const key = randomUUID();
    const mine = await post(employer, "/job-orders", orderInput(), { "Idempotency-Key": key });
    const before = await ordersOf(otherEmployer);
    const theirs = await post(otherEmployer, "/job-orders", orderInput(), { "Idempotency-Key": key });
    expect(theirs).toMatchObject({ status: 201, replayed: null });
    expect(theirs.json.jobOrder.id).not.toBe(mine.json.jobOrder.id);
    expect(await ordersOf(otherEmployer)).toBe(before + 1);
  });
});

it("is described in the OpenAPI document on every POST", async () => {
  const doc = (await (await fetch(`${inject("baseUrl")}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
  };
  const posts = Object.values(doc.paths).flatMap((p) => (p.post ? [p.post] : []));
  expect(posts.length).toBeGreaterThan(5);
  for (const op of posts) expect(op.parameters?.map((x) => x.$ref)).toContain("#/components/parameters/IdempotencyKey");
});

describe("creating forms sent twice", () => {
  it("a double-submitted new-order form creates one draft and sends both submissions to it", async () => {
    const browser = new Client();
    await browser.logIn(employer.email, employer.password);
    const page = await (await browser.get("/job-orders/new")).text();
    const formKey = /name="formKey" value="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(formKey).toMatch(/^[0-9a-f-]{36}$/);
    const before = await ordersOf(employer);
    const [a, b] = await Promise.all([
      browser.post("/job-orders/new", orderForm({ formKey })),
      browser.post("/job-orders/new", orderForm({ formKey })),
    ]);
    expect([a.status, b.status].every((s) => s === 302 || s === 303)).toBe(true);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    expect(await ordersOf(employer)).toBe(before + 1);
    // sent again later (the back button, a resend): still the same draft
    const again = await browser.post("/job-orders/new", orderForm({ formKey }));
    expect(again.headers.get("location")).toBe(a.headers.get("location"));
    expect(await ordersOf(employer)).toBe(before + 1);
    // the same form under another spelling of its URL is still the same form
    const spelt = await browser.post("/Job-Orders/new/", orderForm({ formKey }));
    expect(spelt.headers.get("location")).toBe(a.headers.get("location"));
    expect(await ordersOf(employer)).toBe(before + 1);
    // Back, edit, send: other content under the old key is a new draft, not a silent replay of the first
    const edited = await browser.post("/job-orders/new", orderForm({ formKey, title: "Head Waiter" }));
    expect(edited.status).toBe(302);
    expect(edited.headers.get("location")).not.toBe(a.headers.get("location"));
    expect(await ordersOf(employer)).toBe(before + 2);
    // a fresh rendering of the form is a new order
    const next = /name="formKey" value="([^"]+)"/.exec(await (await browser.get("/job-orders/new")).text())?.[1];
    expect(next).not.toBe(formKey);
  });
});
