import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vacancy } from "~/domain/booth/vacancy";
import { parseCsv } from "~/domain/csv";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import { setLeadFollowUp } from "~/services/booth/set-lead-follow-up.server";
import { sweepExpiredLeads } from "~/services/booth/sweep-expired-leads.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { linkLeadToOrder } from "~db/lead-follow-up";
import { insertLeadOnce } from "~db/leads";
import { createEventViaPage, enrolKioskViaPage, leadForm } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { orderInput } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";
import type { JobOrderInput } from "~/domain/job-orders/schema";

// The staff's follow-up of booth leads over HTTP (issue 14, slice 5): the list and its filters, the stage read from
// a linked job order, overdue dates, notes, owner and status, the formula-safe CSV, a person's data as JSON, erasure,
// the retention sweep on a controlled clock, and that nobody but the event's staff and the ministry's
// administrators learns that a lead exists.

const deps = testDeps();
const today = isoDay(deps.now());
let slug = "";
let otherSlug = "";
let eventId = "";
let kiosk: Client;
let staffA: Client;
let staffB: Client;
let outsider: Client; // staff of the other event only
let agency: Client;
let admin: Client; // a ministry administrator, not listed as staff
let actorA: Actor;
let userA = "";
let userB = "";
let nameA = "";
let outsiderUserId = "";
const vacancy: Vacancy = {
  iscoCode: "5131",
  sector: "cruise",
  country: "US",
  positions: 24,
  startMonth: addMonths(today, 6).slice(0, 7),
  contractMonths: 8,
  languages: [{ code: "en", minLevel: "B1" }],
  certificates: ["stcw_bst"],
};

beforeAll(async () => {
  const [ministry, a, b, other, agencyOrg] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "mission", { extra: { countries: ["US"] } }),
    orgWithUser(deps, "mission", { extra: { countries: ["US"] } }),
    orgWithUser(deps, "mission", { extra: { countries: ["GR"] } }),
    orgWithUser(deps, "agency"),
  ]);
  userA = a.user.id;
  userB = b.user.id;
  nameA = a.user.name;
  outsiderUserId = other.user.id;
  actorA = { userId: a.user.id, orgId: a.org.id, orgKind: "mission", role: "admin" };
  [admin, staffA, staffB, outsider, agency] = [new Client(), new Client(), new Client(), new Client(), new Client()];
  await Promise.all([
    admin.logIn(ministry.email, ministry.password),
    staffA.logIn(a.email, a.password),
    staffB.logIn(b.email, b.password),
    outsider.logIn(other.email, other.password),
    agency.logIn(agencyOrg.email, agencyOrg.password),
  ]);
  [slug, otherSlug] = await Promise.all([
    createEventViaPage(admin, { startsOn: addDays(today, -2), endsOn: addDays(today, 2) }),
    createEventViaPage(admin, { name: "Business meeting, Athens", city: "Athens", country: "GR" }),
  ]);
  for (const [s, email] of [
    [slug, a.email],
    [slug, b.email],
    [otherSlug, other.email],
  ] as const) {
    const res = await admin.post(`/events/${s}`, { intent: "add-staff", email });
    expect(res.status).toBeLessThan(400);
  }
  ({ kiosk } = await enrolKioskViaPage(staffA, slug));
  eventId = (await deps.db.selectFrom("events").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
});
afterAll(() => deps.db.destroy());

/** A lead left at the event's kiosk; its id. */
async function capture(patch: Record<string, string> = {}, v: Partial<Vacancy> = {}): Promise<string> {
  const form = leadForm({ ...vacancy, ...v }, patch);
  const res = await kiosk.post(`/booth/${slug}/leads`, form);
  expect(res.status).toBe(201);
  return form.id!;
}
const page = async (c: Client, path: string) => {
  const res = await c.get(path);
  return { status: res.status, html: await res.text() };
};
/** The list's table row of one lead. */
function rowOf(html: string, id: string): string {
  const at = html.indexOf(`/leads/${id}"`);
  expect(at, `lead ${id} is not on the list`).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}
const leadRow = (id: string) => deps.db.selectFrom("leads").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const eventsOf = (id: string) =>
  deps.db.selectFrom("lead_events").selectAll().where("lead_id", "=", id).orderBy("at").orderBy("id").execute();

describe("the lead list /events/<slug>/leads", () => {
  it("shows a lead's company, name, country, vacancy, consents, stage, owner and follow-up date", async () => {
    const id = await capture({ consentShare: "" });
    const { status, html } = await page(staffA, `/events/${slug}/leads`);
    expect(status).toBe(200);
    const row = rowOf(html, id);
    expect(row).toContain("Nordic Ferries AS");
    expect(row).toContain("Ingrid Solberg");
    expect(row).toContain("Norway");
    expect(row).toContain("Waiters · United States · 24 positions · from");
    expect(row).toContain("Contact: yes");
    expect(row).toContain("Share with agencies: no");
    expect(row).toContain(">New<");
    expect(row).toContain("Unassigned");
    expect(row).toContain('data-label="Stage"'); // stacked rows on a phone
  });

  it("filters by owner (mine, unassigned), stage and overdue, and says so when none match", async () => {
    const mine = await capture({ company: "Mine Lines" });
    const theirs = await capture({ company: "Theirs Lines" });
    const overdue = await capture({ company: "Late Lines" });
    expect((await staffA.post(`/events/${slug}/leads/${mine}`, { intent: "owner", ownerId: userA })).status).toBe(302);
    expect((await staffA.post(`/events/${slug}/leads/${theirs}`, { intent: "owner", ownerId: userB })).status).toBe(
      302,
    );
    expect(
      (await staffA.post(`/events/${slug}/leads/${theirs}`, { intent: "status", status: "contacted" })).status,
    ).toBe(302);
    // the page refuses a past date; the service takes one (a date that has passed since it was set)
    await setLeadFollowUp(deps, actorA, slug, overdue, { followUpOn: addDays(today, -3) });

    const mineList = (await page(staffA, `/events/${slug}/leads?owner=me`)).html;
    expect(mineList).toContain("Mine Lines");
    expect(mineList).not.toContain("Theirs Lines");
    expect(rowOf(mineList, mine)).toContain(`${nameA} (you)`);
    const unassigned = (await page(staffA, `/events/${slug}/leads?owner=none`)).html;
    expect(unassigned).toContain("Late Lines");
    expect(unassigned).not.toContain("Mine Lines");
    const contacted = (await page(staffA, `/events/${slug}/leads?stage=contacted`)).html;
    expect(contacted).toContain("Theirs Lines");
    expect(contacted).not.toContain("Mine Lines");
    const late = (await page(staffA, `/events/${slug}/leads?overdue=1`)).html;
    expect(rowOf(late, overdue)).toContain(">Overdue<");
    expect(late).not.toContain("Mine Lines");
    // an edited URL is a list, not an error
    expect((await page(staffA, `/events/${slug}/leads?stage=bogus&owner=%00&page=-4`)).status).toBe(200);
    const none = await page(staffA, `/events/${slug}/leads?stage=order_submitted&owner=me`);
    expect(none.html).toContain("No leads match these filters.");
  });

  it("reads the stage from a linked job order, and a lead with an order is never overdue", async () => {
    const drafted = await capture({ company: "Draft Cruises" });
    const verified = await capture({ company: "Verified Cruises" });
    const made = await verifiedOrder(deps, { country: "US" });
    const draft = await createJobOrder(deps, made.employerActor, orderInput() as JobOrderInput);
    await linkLeadToOrder(deps.db, drafted, { employerOrgId: made.employer.org.id, jobOrderId: draft.id }, new Date());
    await linkLeadToOrder(
      deps.db,
      verified,
      { employerOrgId: made.employer.org.id, jobOrderId: made.order.id },
      new Date(),
    );
    await setLeadFollowUp(deps, actorA, slug, verified, { followUpOn: addDays(today, -5) });
    const html = (await page(staffA, `/events/${slug}/leads`)).html;
    expect(rowOf(html, drafted)).toContain(">Order drafted<");
    expect(rowOf(html, verified)).toContain(">Order verified<");
    expect(rowOf(html, verified)).not.toContain(">Overdue<");
    const filtered = (await page(staffA, `/events/${slug}/leads?stage=order_verified`)).html;
    expect(filtered).toContain("Verified Cruises");
    expect(filtered).not.toContain("Draft Cruises");
    const detail = (await page(staffA, `/events/${slug}/leads/${verified}`)).html;
    expect(detail).toContain("the lead&#x27;s stage now follows the order");
    expect(detail).not.toContain(`/leads/${verified}/invite`);
  });
});

describe("a lead's page /events/<slug>/leads/<id>", () => {
  it("shows everything the visitor left, the vacancy in full, the wording version, and the invitation's place", async () => {
    const id = await capture({ country: "MT" });
    const { status, html } = await page(staffB, `/events/${slug}/leads/${id}`);
    expect(status).toBe(200);
    for (const s of [
      "Ingrid Solberg",
      "Crewing manager",
      "ingrid.solberg@nordicferries.example",
      "+47 22 00 00 00",
      "Malta",
      "https://nordicferries.example",
      "Waiters (ISCO-08 5131)",
      "English at least B1",
      "8 months",
      "/gdpr (GDPR wording",
    ])
      expect(html).toContain(s);
    expect(html).toContain(`href="/events/${slug}/leads/${id}/invite"`);
  });

  it("adds a multi-line note, changes the status and the owner, sets and clears the date: each in the history", async () => {
    const id = await capture();
    const base = `/events/${slug}/leads/${id}`;
    const note = "Called on Tuesday.\nWants 24 waiters for the spring season.";
    expect((await staffA.post(base, { intent: "note", note })).status).toBe(302);
    expect((await staffA.post(base, { intent: "status", status: "contacted" })).status).toBe(302);
    expect((await staffA.post(base, { intent: "owner", ownerId: userB })).status).toBe(302);
    const day = addDays(today, 7);
    expect((await staffA.post(base, { intent: "follow-up", followUpOn: day })).status).toBe(302);
    expect((await staffA.post(base, { intent: "follow-up", followUpOn: "" })).status).toBe(302);
    // the same status again changes nothing and records nothing
    expect((await staffA.post(base, { intent: "status", status: "contacted" })).status).toBe(302);
    const row = await leadRow(id);
    expect(row).toMatchObject({ status: "contacted", owner_id: userB, follow_up_on: null });
    const events = await eventsOf(id);
    expect(events.map((e) => e.kind)).toEqual(["captured", "note", "status", "owner", "follow_up", "follow_up"]);
    expect(events[1]).toMatchObject({ note, actor_user_id: userA });
    expect(events[2]!.detail).toEqual({ from: "new", to: "contacted" });
    expect(events[4]!.detail).toEqual({ from: null, to: day });
    const html = (await page(staffA, base)).html;
    expect(html).toContain("Called on Tuesday.\nWants 24 waiters");
    expect(html).toContain("Status changed from New to Contacted");
    expect(html).toContain("Follow-up date cleared");
  });

  it("refuses an owner who is not on the event's staff, and a past follow-up date, changing nothing", async () => {
    const id = await capture();
    const base = `/events/${slug}/leads/${id}`;
    const notStaff = await staffA.post(base, { intent: "owner", ownerId: outsiderUserId });
    expect(notStaff.status).toBe(422);
    expect(await notStaff.text()).toContain("Choose a member of this event");
    const past = await staffA.post(base, { intent: "follow-up", followUpOn: addDays(today, -1) });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("cannot be in the past");
    expect(await leadRow(id)).toMatchObject({ owner_id: null, follow_up_on: null });
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["captured"]);
  });
});

describe("the CSV /events/<slug>/leads.csv", () => {
  it("exports the filtered list formula-safe, with the header in the reader's language, and audits it", async () => {
    const id = await capture({ name: '=HYPERLINK("x")', company: "+Formula Lines" });
    await staffA.post(`/events/${slug}/leads/${id}`, { intent: "owner", ownerId: userA });
    const res = await staffA.get(`/events/${slug}/leads.csv?owner=me`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, for spreadsheets
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const rows = parseCsv(text);
    expect(rows[0]![0]).toBe("Received (UTC)");
    const ours = rows.find((r) => r.includes("'+Formula Lines"));
    expect(ours).toBeDefined();
    expect(ours).toContain(`'=HYPERLINK("x")`);
    // every data row is the caller's (owner=me), and no cell starts as a formula would
    for (const r of rows.slice(1)) {
      expect(r[18]).toBe(nameA);
      for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    const audit = await deps.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "leads.exported")
      .where("subject_id", "=", eventId)
      .where("actor_user_id", "=", userA)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.at(-1)!.details).toMatchObject({ owner: "me", rows: rows.length - 1 });

    const csvId = await staffB.get(`/events/${slug}/leads.csv`, { "Accept-Language": "id" });
    const header = parseCsv(await csvId.text())[0]!;
    // staffB's account has no saved language: the header follows Accept-Language
    expect(header[0]).toBe("Diterima (UTC)");
    expect(header).toContain("Persetujuan dibagikan ke agensi");
  });
});

describe("a person's data: download and erasure", () => {
  it("downloads everything held about them as JSON, records it, and audits it without their data", async () => {
    const id = await capture();
    await staffA.post(`/events/${slug}/leads/${id}`, { intent: "note", note: "Met at the booth." });
    const res = await staffA.get(`/events/${slug}/leads/${id}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`lead-${id}.json`);
    const data = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(data.lead).toMatchObject({ id, name: "Ingrid Solberg", email: "ingrid.solberg@nordicferries.example" });
    expect(data.consents).toMatchObject({ contact: true, shareVacancyWithAgencies: true });
    expect(data.consents.wordingVersion).toMatch(/\/gdpr$/);
    expect(data.vacancy).toEqual(vacancy);
    expect(data.notes).toEqual([expect.objectContaining({ text: "Met at the booth." })]);
    expect(data.history.map((h: { kind: string }) => h.kind)).toEqual(["captured", "note"]);
    expect(JSON.stringify(data)).not.toContain(nameA); // staff are not the visitor's data
    expect((await eventsOf(id)).map((e) => e.kind)).toContain("exported");
    const audit = await deps.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "lead.data_exported")
      .where("subject_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toMatch(/Ingrid|nordicferries/);
  });

  it("erases only after confirmation: details and notes go, the anonymous vacancy and consents stay", async () => {
    const id = await capture({ name: "Erika Mustermann", email: "erika@erase.example" });
    const base = `/events/${slug}/leads/${id}`;
    await staffA.post(base, { intent: "note", note: "Her mobile is +49 170 000000." });
    await staffA.post(base, { intent: "owner", ownerId: userA });
    await setLeadFollowUp(deps, actorA, slug, id, { followUpOn: addDays(today, -2) });

    const unconfirmed = await staffA.post(base, { intent: "erase" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm");
    expect((await leadRow(id)).name).toBe("Erika Mustermann");

    expect((await staffA.post(base, { intent: "erase", confirm: "on" })).status).toBe(302);
    const row = await leadRow(id);
    expect(row).toMatchObject({
      name: null,
      company: null,
      job_title: null,
      email: null,
      phone: null,
      country: null,
      website: null,
      status: "closed",
      follow_up_on: null,
      consent_contact: true,
      consent_share: true,
    });
    expect(row.erased_at).not.toBeNull();
    expect(row.vacancy).toEqual(vacancy);
    const events = await eventsOf(id);
    expect(events.map((e) => e.kind)).toEqual(["captured", "note", "owner", "follow_up", "erased"]);
    expect(events.every((e) => e.note === null)).toBe(true);
    const audit = await deps.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "lead.erased")
      .where("subject_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toMatch(/Erika|erase\.example|\+49/);

    const list = (await page(staffA, `/events/${slug}/leads`)).html;
    expect(rowOf(list, id)).toContain(">Erased<");
    expect(list).not.toContain("Erika");
    const detail = (await page(staffA, base)).html;
    expect(detail).not.toMatch(/Erika|erase\.example|\+49 170/);
    expect(detail).not.toContain("/invite");
    // nobody is left to follow up
    expect((await staffA.post(base, { intent: "note", note: "again" })).status).toBe(409);
    expect((await staffA.post(base, { intent: "erase", confirm: "on" })).status).toBe(409);
  });
});

describe("retention: the hourly sweep", () => {
  it("erases an event's unconverted leads once its last day plus the retention period has passed", async () => {
    const pastSlug = await createEventViaPage(admin, {
      name: "Posidonia, Athens",
      startsOn: addDays(today, -40),
      endsOn: addDays(today, -35),
      leadRetentionDays: "30",
    });
    const past = await deps.db.selectFrom("events").select("id").where("slug", "=", pastSlug).executeTakeFirstOrThrow();
    const store = async (name: string) => {
      const id = randomUUID();
      await insertLeadOnce(
        deps.db,
        {
          id,
          eventId: past.id,
          deviceId: null,
          source: "kiosk",
          capturedAt: new Date(`${addDays(today, -38)}T10:00:00Z`),
          locale: "en",
          name,
          company: `${name} AS`,
          jobTitle: null,
          email: `${name.toLowerCase()}@retention.example`,
          phone: null,
          country: "GR",
          website: null,
          consentContact: true,
          consentShare: false,
          consentVersion: "2026-12-04/gdpr",
          vacancy,
        },
        new Date(`${addDays(today, -38)}T10:00:00Z`),
      );
      return id;
    };
    const [plain, converted] = [await store("Plain"), await store("Converted")];
    const { employer } = await verifiedOrder(deps, { country: "US" });
    await linkLeadToOrder(deps.db, converted, { employerOrgId: employer.org.id, jobOrderId: null }, new Date());
    const current = await capture({ name: "Still Here" });

    const keptUntil = addDays(today, -5); // ends_on + 30 days
    const at = (day: string) => ({ ...deps, now: () => new Date(`${day}T12:00:00Z`) });
    await sweepExpiredLeads(at(keptUntil));
    expect((await leadRow(plain)).name).toBe("Plain");

    expect(await sweepExpiredLeads(at(addDays(keptUntil, 1)))).toBeGreaterThanOrEqual(1);
    expect(await leadRow(plain)).toMatchObject({ name: null, email: null, status: "closed", consent_share: false });
    expect((await leadRow(plain)).erased_at).not.toBeNull();
    expect((await eventsOf(plain)).at(-1)).toMatchObject({ kind: "erased", detail: { reason: "retention" } });
    expect((await leadRow(converted)).name).toBe("Converted");
    expect((await leadRow(current)).name).toBe("Still Here");
    const audit = await deps.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "leads.retention_erased")
      .where("subject_id", "=", past.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ count: 1 });
    // a second sweep finds nothing more to do there
    await sweepExpiredLeads(at(addDays(keptUntil, 1)));
    expect(
      await deps.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "leads.retention_erased")
        .where("subject_id", "=", past.id)
        .execute(),
    ).toHaveLength(1);
  });
});

describe("who may see leads", () => {
  it("answers 404 to another event's staff, an agency and a lead of another event, 200 to an administrator", async () => {
    const id = await capture();
    for (const path of [
      `/events/${slug}/leads`,
      `/events/${slug}/leads/${id}`,
      `/events/${slug}/leads.csv`,
      `/events/${slug}/leads/${id}/export.json`,
    ]) {
      expect((await outsider.get(path)).status, path).toBe(404);
      expect((await agency.get(path)).status, path).toBe(404);
      expect((await admin.get(path)).status, path).toBe(200);
    }
    // the outsider's own event does not hold this lead
    expect((await outsider.get(`/events/${otherSlug}/leads/${id}`)).status).toBe(404);
    expect((await outsider.get(`/events/${otherSlug}/leads/${id}/export.json`)).status).toBe(404);
    const res = await outsider.post(`/events/${otherSlug}/leads/${id}`, { intent: "note", note: "hello" });
    expect(res.status).toBe(404);
    expect((await outsider.post(`/events/${slug}/leads/${id}`, { intent: "erase", confirm: "on" })).status).toBe(404);
    expect((await leadRow(id)).name).toBe("Ingrid Solberg");
    // the administrator's download is in the history; nothing of the outsider's is
    const kinds = (await eventsOf(id)).map((e) => [e.kind, e.actor_user_id]);
    expect(kinds).toEqual([
      ["captured", null],
      ["exported", expect.any(String)],
    ]);
    expect(kinds.flat()).not.toContain(outsiderUserId);
    // signed out: to the login page
    expect((await new Client().get(`/events/${slug}/leads`)).status).toBe(302);
  });
});
