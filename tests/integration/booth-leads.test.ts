import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import type { Vacancy } from "~/domain/booth/vacancy";
import { createEventViaPage, enrolKioskViaPage, leadForm } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";

// The kiosk's lead endpoint over HTTP: a lead is stored once under its client-made id however often it arrives,
// only from an enrolled device of its event, with field errors in the screen's language and nothing stored on a
// refusal; the answer carries nothing of the visitor's.

const deps = testDeps();
const today = isoDay(deps.now());
let slug = "";
let otherSlug = "";
let kiosk: Client;
let otherKiosk: Client;
let eventId = "";
const vacancy: Vacancy = {
  iscoCode: "5131",
  sector: "cruise",
  country: "US",
  positions: 12,
  startMonth: addMonths(today, 6).slice(0, 7),
  contractMonths: 8,
  languages: [{ code: "en", minLevel: "B1" }],
  certificates: ["stcw_bst"],
};

beforeAll(async () => {
  const [admin, mission] = await Promise.all([orgWithUser(deps, "ministry"), orgWithUser(deps, "mission")]);
  const adminClient = new Client();
  await adminClient.logIn(admin.email, admin.password);
  const staff = new Client();
  await staff.logIn(mission.email, mission.password);
  [slug, otherSlug] = await Promise.all([
    // under way, as a booth taking leads is
    createEventViaPage(adminClient, { startsOn: addDays(today, -2), endsOn: addDays(today, 2) }),
    createEventViaPage(adminClient, { name: "Business meeting, Athens", city: "Athens", country: "GR" }),
  ]);
  for (const s of [slug, otherSlug]) {
    const res = await adminClient.post(`/events/${s}`, { intent: "add-staff", email: mission.email });
    expect(res.status).toBeLessThan(400);
  }
  ({ kiosk } = await enrolKioskViaPage(staff, slug));
  ({ kiosk: otherKiosk } = await enrolKioskViaPage(staff, otherSlug));
  eventId = (await deps.db.selectFrom("events").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
});
afterAll(() => deps.db.destroy());

const rowsOf = (id: string) => deps.db.selectFrom("leads").selectAll().where("id", "=", id).execute();

describe("POST /booth/<event>/leads", () => {
  it("stores a lead with its vacancy, consents and wording version, and answers nothing personal", async () => {
    const form = leadForm(vacancy);
    const res = await kiosk.post(`/booth/${slug}/leads`, form);
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ id: form.id, stored: true });
    for (const v of [form.name, form.email, form.phone, form.company]) expect(text).not.toContain(v);
    const [row] = await rowsOf(form.id!);
    expect(row).toMatchObject({
      event_id: eventId,
      source: "kiosk",
      name: "Ingrid Solberg",
      company: "Nordic Ferries AS",
      job_title: "Crewing manager",
      email: "ingrid.solberg@nordicferries.example",
      country: "NO",
      website: "https://nordicferries.example",
      consent_contact: true,
      consent_share: true,
      consent_version: `${form.consentVersion}/gdpr`,
      status: "new",
    });
    expect(row!.vacancy).toEqual(vacancy);
    const events = await deps.db.selectFrom("lead_events").select("kind").where("lead_id", "=", form.id!).execute();
    expect(events.map((e) => e.kind)).toEqual(["captured"]);
  });

  it("names the wording by the visitor's country: the GDPR's for Malta, Indonesia's law for the United States", async () => {
    const mt = leadForm(vacancy, { country: "MT" });
    const us = leadForm(vacancy, { country: "US", consentShare: "" });
    expect((await kiosk.post(`/booth/${slug}/leads`, mt)).status).toBe(201);
    expect((await kiosk.post(`/booth/${slug}/leads`, us)).status).toBe(201);
    expect((await rowsOf(mt.id!))[0]!.consent_version).toMatch(/\/gdpr$/);
    const [usRow] = await rowsOf(us.id!);
    expect(usRow!.consent_version).toMatch(/\/pdp$/);
    expect(usRow!.consent_share).toBe(false);
  });

  it("stores an id once however often it arrives, also ten times at once", async () => {
    const form = leadForm(vacancy);
    const first = await kiosk.post(`/booth/${slug}/leads`, form);
    expect(first.status).toBe(201);
    const again = await kiosk.post(`/booth/${slug}/leads`, { ...form, name: "Someone Else" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: form.id, stored: false });
    const burst = leadForm(vacancy);
    const answers = await Promise.all(Array.from({ length: 10 }, () => kiosk.post(`/booth/${slug}/leads`, burst)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await rowsOf(form.id!)).toHaveLength(1);
    expect((await rowsOf(form.id!))[0]!.name).toBe("Ingrid Solberg");
    expect(await rowsOf(burst.id!)).toHaveLength(1);
  });

  it("refuses an id another event's device already used, and changes nothing", async () => {
    const form = leadForm(vacancy);
    expect((await kiosk.post(`/booth/${slug}/leads`, form)).status).toBe(201);
    const res = await otherKiosk.post(`/booth/${otherSlug}/leads`, { ...form, name: "Intruder" });
    expect(res.status).toBe(409);
    const rows = await rowsOf(form.id!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_id: eventId, name: "Ingrid Solberg" });
  });

  it("answers 401 without this event's device, and stores nothing", async () => {
    for (const [client, s] of [
      [new Client(), slug],
      [otherKiosk, slug],
    ] as const) {
      const form = leadForm(vacancy);
      const res = await client.post(`/booth/${s}/leads`, form);
      expect(res.status).toBe(401);
      expect(await rowsOf(form.id!)).toHaveLength(0);
    }
  });

  it("names the fields at fault in the screen's language, and stores nothing", async () => {
    const form = leadForm(vacancy, {
      consentContact: "",
      email: "not-an-email",
      companyWebsite: "javascript:alert(1)",
      locale: "id",
    });
    const res = await kiosk.post(`/booth/${slug}/leads`, form);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["companyWebsite", "consentContact", "email"]);
    expect(body.error.fields.consentContact).toMatch(/Centang/);
    expect(await rowsOf(form.id!)).toHaveLength(0);
  });

  it("checks the vacancy with the kiosk's own schema, as of the day it was captured", async () => {
    const bad = leadForm({ ...vacancy, iscoCode: "0000" } as never);
    const res = await kiosk.post(`/booth/${slug}/leads`, bad);
    expect(res.status).toBe(422);
    expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields)).toEqual([
      "vacancy.iscoCode",
    ]);
    expect(await rowsOf(bad.id!)).toHaveLength(0);
  });

  it("clamps when a lead says it was captured to the event's window (a device's clock may be wrong)", async () => {
    const event = await deps.db
      .selectFrom("events")
      .select("starts_on")
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    const early = leadForm(vacancy, { capturedAt: "2001-01-01T00:00:00Z" });
    const late = leadForm(vacancy, { capturedAt: "2099-01-01T00:00:00+07:00" });
    const startMonthNow = { ...vacancy, startMonth: today.slice(0, 7) };
    const asOfToday = leadForm(startMonthNow, { capturedAt: "2099-01-01T00:00:00Z" });
    for (const f of [early, late, asOfToday]) expect((await kiosk.post(`/booth/${slug}/leads`, f)).status).toBe(201);
    const [e] = await rowsOf(early.id!);
    expect(isoDay(e!.captured_at)).toBe(addDays(event.starts_on, -1));
    const [l] = await rowsOf(late.id!);
    expect(l!.captured_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(l!.captured_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses a filled honeypot and a malformed id", async () => {
    for (const patch of [{ website: "http://spam.example" }, { id: "not-a-uuid" }] as Record<string, string>[]) {
      const form = leadForm(vacancy, patch);
      const res = await kiosk.post(`/booth/${slug}/leads`, form);
      expect(res.status).toBe(422);
    }
    const count = await deps.db
      .selectFrom("leads")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("name", "=", "nobody")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    expect(randomUUID()).toMatch(/-/);
  });
});

describe("POST /booth/<event>/unenrol", () => {
  it("the device gives up its credential: 204, the cookie cleared, and the next lead or count is a 401", async () => {
    const mission = await orgWithUser(deps, "mission");
    const admin = await orgWithUser(deps, "ministry");
    const adminClient = new Client();
    await adminClient.logIn(admin.email, admin.password);
    const staff = new Client();
    await staff.logIn(mission.email, mission.password);
    const s = await createEventViaPage(adminClient, { name: "Business meeting, Riga", city: "Riga", country: "LV" });
    await adminClient.post(`/events/${s}`, { intent: "add-staff", email: mission.email });
    const { kiosk: leaving } = await enrolKioskViaPage(staff, s, "Packing up");
    expect((await new Client().post(`/booth/${s}/unenrol`, {})).status).toBe(401);
    const kept = new Map(leaving.cookies);
    const res = await leaving.post(`/booth/${s}/unenrol`, {});
    expect(res.status).toBe(204);
    expect(res.headers.get("Set-Cookie")).toMatch(/jmb_kiosk=;.*Max-Age=0/);
    const device = await deps.db
      .selectFrom("kiosk_devices")
      .select(["revoked_at", "revoked_by"])
      .where("label", "=", "Packing up")
      .executeTakeFirstOrThrow();
    expect(device.revoked_at).not.toBeNull();
    expect(device.revoked_by).toBeNull();
    // even with the old cookie kept by hand
    const stale = new Client();
    for (const [k, v] of kept) stale.cookies.set(k, v);
    expect(stale.cookies.has("jmb_kiosk")).toBe(true);
    expect((await stale.post(`/booth/${s}/leads`, leadForm(vacancy))).status).toBe(401);
  });
});
