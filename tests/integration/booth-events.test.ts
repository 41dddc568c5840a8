import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENROL_CODE_ALPHABET } from "~/domain/booth/event-schema";
import { resolveKioskDevice } from "~/services/booth/resolve-kiosk-device.server";
import { sha256 } from "~/services/auth/crypto.server";
import { createEventViaPage, enrolKioskViaPage, enrolmentCodeViaPage, eventForm } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";

// The booth's events, their staff and kiosk devices, over HTTP (docs/decisions/019-booth.md).

const deps = testDeps();
let admin: Client, staff: Client, outsider: Client, ministryMember: Client, employer: Client;
let made: Record<
  "admin" | "staff" | "outsider" | "ministryMember" | "employer",
  Awaited<ReturnType<typeof orgWithUser>>
>;

beforeAll(async () => {
  const [a, s, o, m, e] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "mission"),
    orgWithUser(deps, "mission"),
    orgWithUser(deps, "ministry", { role: "member" }),
    orgWithUser(deps, "employer"),
  ]);
  made = { admin: a, staff: s, outsider: o, ministryMember: m, employer: e };
  const logIn = async (u: typeof a) => {
    const c = new Client();
    await c.logIn(u.email, u.password);
    return c;
  };
  [admin, staff, outsider, ministryMember, employer] = await Promise.all([
    logIn(a),
    logIn(s),
    logIn(o),
    logIn(m),
    logIn(e),
  ]);
});
afterAll(() => deps.db.destroy());

const eventRow = (slug: string) =>
  deps.db.selectFrom("events").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();

const enrolKiosk = (slug: string, label?: string) => enrolKioskViaPage(staff, slug, label);

describe("events", () => {
  let slug = "";
  beforeAll(async () => {
    slug = await createEventViaPage(admin, { name: `Seatrade ${made.admin.org.slug}` });
    const add = await admin.post(`/events/${slug}`, { intent: "add-staff", email: made.staff.email });
    expect(add.status).toBe(302);
  });

  it("a ministry administrator creates one; it is listed and audited", async () => {
    const row = await eventRow(slug);
    expect(row).toMatchObject({ country: "US", kiosk_locales: ["en"], lead_retention_days: 180 });
    expect(row.created_by).toBe(made.admin.user.id);
    const list = await (await admin.get("/admin/events")).text();
    expect(list).toContain(`href="/events/${slug}"`);
    const audit = await deps.db.selectFrom("audit_events").select("action").where("subject_id", "=", row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["event.created", "event.staff_added"]));
  });

  it("a ministry administrator changes it; its staff may not (403); the slug stays", async () => {
    const byStaff = await staff.post(`/events/${slug}`, { intent: "edit", ...eventForm({ venue: "Staff's venue" }) });
    expect(byStaff.status).toBe(403);
    const res = await admin.post(`/events/${slug}`, {
      intent: "edit",
      ...eventForm({ name: `Seatrade ${made.admin.org.slug}`, venue: "Hall C", leadRetentionDays: "365" }),
      kioskLocales: "id",
    });
    expect(res.status).toBe(302);
    const row = await eventRow(slug);
    expect(row).toMatchObject({ venue: "Hall C", lead_retention_days: 365, kiosk_locales: ["id"] });
    const page = await (await admin.get(`/events/${slug}`)).text();
    expect(page).toContain('value="Hall C"');
    const bad = await admin.post(`/events/${slug}`, { intent: "edit", ...eventForm({ leadRetentionDays: "5" }) });
    expect(bad.status).toBe(400);
    expect((await eventRow(slug)).lead_retention_days).toBe(365);
  });

  it("the same name gets the next free slug", async () => {
    const again = await createEventViaPage(admin, { name: `Seatrade ${made.admin.org.slug}` });
    expect(again).toBe(`${slug}-2`);
  });

  it.each(["employer", "staff", "ministryMember"] as const)(
    "anyone but a ministry administrator (%s) is told /admin/events does not exist",
    async (who) => {
      const c = { employer, staff, ministryMember }[who];
      expect((await c.get("/admin/events")).status).toBe(404);
      const before = (await sql<{ n: number }>`select count(*)::int as n from events`.execute(deps.db)).rows[0]!.n;
      const res = await c.post("/admin/events", eventForm({ name: `Sneaky ${who}` }));
      expect(res.status).toBe(404);
      const after = (await sql<{ n: number }>`select count(*)::int as n from events`.execute(deps.db)).rows[0]!.n;
      expect(after).toBe(before);
    },
  );

  it("its staff see the event page; other ministry and mission users are told it does not exist", async () => {
    const page = await staff.get(`/events/${slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Seatrade ${made.admin.org.slug}`);
    expect(html).toContain(made.staff.email);
    expect((await admin.get(`/events/${slug}`)).status).toBe(200);
    expect((await outsider.get(`/events/${slug}`)).status).toBe(404);
    expect((await ministryMember.get(`/events/${slug}`)).status).toBe(404);
    expect((await employer.get(`/events/${slug}`)).status).toBe(404);
    expect((await outsider.post(`/events/${slug}`, { intent: "enrol", label: "Mine" })).status).toBe(404);
    expect((await staff.get("/events/no-such-event")).status).toBe(404);
    // the dashboard leads the staff to it, and no one else
    expect(await (await staff.get("/dashboard")).text()).toContain(`href="/events/${slug}"`);
    expect(await (await outsider.get("/dashboard")).text()).not.toContain(`href="/events/${slug}"`);
  });

  it("staff are ministry or mission users; staff may not change the staff (403)", async () => {
    const refused = await admin.post(`/events/${slug}`, { intent: "add-staff", email: made.employer.email });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("No ministry or mission user has that email address.");
    const byStaff = await staff.post(`/events/${slug}`, { intent: "add-staff", email: made.outsider.email });
    expect(byStaff.status).toBe(403);
    const rows = await deps.db
      .selectFrom("event_staff")
      .select("user_id")
      .where("event_id", "=", (await eventRow(slug)).id)
      .execute();
    expect(rows.map((r) => r.user_id)).toEqual([made.staff.user.id]);
  });
});

describe("kiosk devices", () => {
  let slug = "";
  let otherSlug = "";
  beforeAll(async () => {
    [slug, otherSlug] = await Promise.all([
      createEventViaPage(admin, { name: `Posidonia ${made.admin.org.slug}`, country: "GR", city: "Piraeus" }),
      createEventViaPage(admin, { name: `Baltic ${made.admin.org.slug}`, country: "LV", city: "Riga" }),
    ]);
    for (const s of [slug, otherSlug]) {
      expect((await admin.post(`/events/${s}`, { intent: "add-staff", email: made.staff.email })).status).toBe(302);
    }
  });

  it("a code enrols a kiosk once; code and token are stored only as hashes; the cookie is the kiosk's own", async () => {
    const { kiosk, code, token, cookie } = await enrolKiosk(slug);
    expect([...code].every((ch) => ENROL_CODE_ALPHABET.includes(ch))).toBe(true);
    expect(token).toMatch(/^jmk_[A-Za-z0-9_-]{43}$/);
    expect(cookie.attrs).toMatchObject({ httponly: true, samesite: "Strict", path: "/booth" });
    expect(cookie.attrs.expires).toBeDefined();

    const page = await kiosk.get(`/booth/${slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Posidonia ${made.admin.org.slug}`);

    const event = await eventRow(slug);
    const device = await deps.db
      .selectFrom("kiosk_devices")
      .selectAll()
      .where("event_id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(device.token_hash).toBe(sha256(token));
    expect(device.enrol_code_hash).toBeNull();
    expect(device.enrolled_at).not.toBeNull();
    expect(device.last_seen_at).not.toBeNull();
    const anywhere = await sql<{ n: number }>`select count(*)::int as n from kiosk_devices d
      where d::text like ${`%${token}%`} or d::text like ${`%${code}%`}`.execute(deps.db);
    expect(anywhere.rows[0]!.n).toBe(0);
    const inAudit = await sql<{ n: number }>`select count(*)::int as n from audit_events a
      where a::text like ${`%${token}%`} or a::text like ${`%${code}%`}`.execute(deps.db);
    expect(inAudit.rows[0]!.n).toBe(0);

    // the staff's event page lists it and never shows the token
    const staffPage = await (await staff.get(`/events/${slug}`)).text();
    expect(staffPage).toContain("Left screen");
    expect(staffPage).not.toContain(token);

    // used once: a second kiosk typing the same code is refused
    const second = new Client();
    const again = await second.post("/booth/enrol", { code: code.toLowerCase() });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain("This code is not valid");
    expect(second.cookies.has("jmb_kiosk")).toBe(false);
  });

  it("an expired code is refused", async () => {
    const code = await enrolmentCodeViaPage(staff, slug, "Right screen");
    await deps.db
      .updateTable("kiosk_devices")
      .set({ enrol_code_expires_at: new Date(Date.now() - 1000) })
      .where("enrol_code_hash", "is not", null)
      .where("label", "=", "Right screen")
      .execute();
    const kiosk = new Client();
    const res = await kiosk.post("/booth/enrol", { code });
    expect(res.status).toBe(422);
    expect(kiosk.cookies.has("jmb_kiosk")).toBe(false);
  });

  it("a revoked kiosk no longer resolves", async () => {
    const { kiosk, token } = await enrolKiosk(slug, "Lost tablet");
    expect((await kiosk.get(`/booth/${slug}`)).status).toBe(200);
    const device = await deps.db
      .selectFrom("kiosk_devices")
      .select(["id"])
      .where("token_hash", "=", sha256(token))
      .executeTakeFirstOrThrow();
    // the confirmation step is on the page; the revoke itself is this form
    expect(await (await staff.get(`/events/${slug}`)).text()).toContain("Revoke kiosk Lost tablet");
    const revoke = await staff.post(`/events/${slug}`, { intent: "revoke-device", deviceId: device.id });
    expect(revoke.status).toBe(302);
    expect((await kiosk.get(`/booth/${slug}`)).status).toBe(401);
    expect(await resolveKioskDevice(deps, token, slug)).toBeNull();
    const row = await deps.db
      .selectFrom("kiosk_devices")
      .selectAll()
      .where("id", "=", device.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_by).toBe(made.staff.user.id);
    const audit = await deps.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", device.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("kiosk_device.revoked");
    // another event's staff member cannot revoke it (they may not know this event)
    expect((await outsider.post(`/events/${slug}`, { intent: "revoke-device", deviceId: device.id })).status).toBe(404);
  });

  it("a kiosk of one event does not resolve for another", async () => {
    const { kiosk, token } = await enrolKiosk(slug, "Shared screen");
    expect(await resolveKioskDevice(deps, token, slug)).not.toBeNull();
    expect(await resolveKioskDevice(deps, token, otherSlug)).toBeNull();
    expect((await kiosk.get(`/booth/${otherSlug}`)).status).toBe(401);
    expect(await resolveKioskDevice(deps, "jmk_" + "A".repeat(43), slug)).toBeNull();
    expect(await resolveKioskDevice(deps, null, slug)).toBeNull();
  });

  it("a staff session on the kiosk's browser is not a kiosk: /booth/<event> needs the device cookie", async () => {
    expect((await staff.get(`/booth/${slug}`)).status).toBe(401);
  });
});
