import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOFF_MINUTES } from "~/domain/booth/handoff";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import type { Vacancy } from "~/domain/booth/vacancy";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import type { en } from "~/i18n/en";
import { translate } from "~/i18n/translate";
import { sweepExpiredHandoffs } from "~/services/booth/sweep-expired-handoffs.server";
import { createEventViaPage, enrolKioskViaPage, leadForm } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client, unique } from "../support/http";

// The kiosk's QR handoff over HTTP (decision 019, "Phone handoff"): only an enrolled device makes a link, whose
// token the server keeps as a hash only; the visitor's phone, with no cookie at all, sees the vacancy and the lead
// form; one submit stores one lead (source phone, the kiosk's device, the handoff's vacancy) and spends the link,
// however many arrive at once; used, expired and unknown links get a page saying so; bad input stores nothing and
// is named field by field in the reader's language.

type Key = keyof typeof en;
const deps = testDeps();
const today = isoDay(deps.now());
let slug = "";
let otherSlug = "";
let kiosk: Client;
let otherKiosk: Client;
let eventId = "";
let deviceId = "";
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
const asForm = (v: Vacancy, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(new URLSearchParams(toVacancyQuery(v))),
  ...extra,
});

beforeAll(async () => {
  const [admin, mission] = await Promise.all([orgWithUser(deps, "ministry"), orgWithUser(deps, "mission")]);
  const adminClient = new Client();
  await adminClient.logIn(admin.email, admin.password);
  const staff = new Client();
  await staff.logIn(mission.email, mission.password);
  [slug, otherSlug] = await Promise.all([
    createEventViaPage(adminClient, {
      name: `Handoff fair ${unique("h")}`,
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 2),
    }),
    createEventViaPage(adminClient, { name: `Other handoff fair ${unique("h")}`, city: "Athens", country: "GR" }),
  ]);
  for (const s of [slug, otherSlug])
    expect((await adminClient.post(`/events/${s}`, { intent: "add-staff", email: mission.email })).status).toBeLessThan(
      400,
    );
  ({ kiosk } = await enrolKioskViaPage(staff, slug, "Handoff screen"));
  ({ kiosk: otherKiosk } = await enrolKioskViaPage(staff, otherSlug));
  eventId = (await deps.db.selectFrom("events").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  deviceId = (
    await deps.db
      .selectFrom("kiosk_devices")
      .select("id")
      .where("event_id", "=", eventId)
      .where("label", "=", "Handoff screen")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => deps.db.destroy());

interface Made {
  url: string;
  token: string;
  path: string;
  expiresAt: string;
  qr: string;
}
async function makeHandoff(v: Vacancy = vacancy): Promise<Made> {
  const res = await kiosk.post(`/booth/${slug}/handoffs`, asForm(v, { ui: "en" }));
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as Omit<Made, "token" | "path">;
  const url = new URL(body.url);
  const token = url.pathname.split("/").pop()!;
  return { ...body, token, path: url.pathname };
}

const handoffsOfEvent = async (id = eventId) =>
  Number(
    (
      await deps.db
        .selectFrom("booth_handoffs")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("event_id", "=", id)
        .executeTakeFirstOrThrow()
    ).n,
  );
const rowOf = (token: string) =>
  deps.db
    .selectFrom("booth_handoffs")
    .selectAll()
    .where("token_hash", "=", createHash("sha256").update(`booth-handoff:${token}`).digest("hex"))
    .executeTakeFirst();
const leadsOf = (company: string) => deps.db.selectFrom("leads").selectAll().where("company", "=", company).execute();

/** The phone's form as a browser without JavaScript posts it: a visitor from Norway (so the GDPR's notice). */
const phoneForm = (patch: Record<string, string> = {}) => ({
  name: "Ingrid Solberg",
  company: `Nordic Ferries ${unique("c")}`,
  jobTitle: "Crewing manager",
  email: "ingrid.solberg@nordicferries.example",
  phone: "+47 22 00 00 00",
  country: "NO",
  companyWebsite: "nordicferries.example",
  consentContact: "on",
  consentShare: "on",
  consentVersion: LEAD_CONSENT_VERSION,
  consentWording: "gdpr",
  ...patch,
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
/** The text in the error element of `field` (conform's `phone-lead-field-<name>-error`). */
const fieldError = (html: string, field: string) =>
  new RegExp(`id="[^"]*-${field}-error"[^>]*>([\\s\\S]*?)</div>`).exec(html)?.[1] ?? "";

describe("the kiosk makes a handoff link (POST /booth/<event>/handoffs)", () => {
  it("needs this event's device: 401 without one or with another event's, and nothing is stored", async () => {
    const before = await handoffsOfEvent();
    for (const client of [new Client(), otherKiosk]) {
      const res = await client.post(`/booth/${slug}/handoffs`, asForm(vacancy));
      expect(res.status).toBe(401);
    }
    expect(await handoffsOfEvent()).toBe(before);
    expect((await kiosk.get(`/booth/${slug}/handoffs`)).status).toBe(405);
  });

  it("answers a one-time link and its QR code; the server keeps the token's hash only", async () => {
    const made = await makeHandoff();
    expect(made.path).toMatch(/^\/booth\/h\/[A-Z0-9]{20}$/);
    expect(new URL(made.url).origin).toBe(kiosk.baseUrl);
    expect(made.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(made.qr.split(",")[1]!, "base64").toString("utf8");
    expect(svg).toContain("<svg");
    expect(svg).not.toContain("<style"); // the CSP refuses style elements
    const row = await rowOf(made.token);
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(made.token);
    expect(row).toMatchObject({ event_id: eventId, device_id: deviceId, opened_at: null, lead_id: null });
    expect(row!.vacancy).toEqual(vacancy);
    const minutes = (row!.expires_at.getTime() - row!.created_at.getTime()) / 60_000;
    expect(minutes).toBe(HANDOFF_MINUTES);
    expect(new Date(made.expiresAt).getTime()).toBe(row!.expires_at.getTime());
  });

  it("checks the vacancy with the count's schema: 422 naming the field in the screen's language, nothing stored", async () => {
    const before = await handoffsOfEvent();
    const res = await kiosk.post(`/booth/${slug}/handoffs`, asForm({ ...vacancy, iscoCode: "0000" }, { ui: "id" }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields).toEqual({ iscoCode: translate("id", "errors.isco_unknown") });
    expect(await handoffsOfEvent()).toBe(before);
  });
});

describe("the visitor's phone (/booth/h/<token>)", () => {
  it("shows the vacancy in the reader's language without any cookie, and nothing personal; the first view is recorded", async () => {
    // a lead left on the kiosk first: its visitor must appear on no one's phone
    const kioskLead = leadForm(vacancy, { name: "Kari Nordmann", email: "kari@nordmann.example" });
    expect((await kiosk.post(`/booth/${slug}/leads`, kioskLead)).status).toBe(201);
    const made = await makeHandoff();
    const phone = new Client();
    const res = await phone.get(made.path, { "Accept-Language": "en-GB" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    for (const text of ["Waiters", "United States", "12", "8 months", "English B1", "STCW", "Send my details"])
      expect(html, text).toContain(text);
    expect(html).toContain('name="referrer" content="same-origin"');
    for (const personal of ["Kari Nordmann", "kari@nordmann.example", "Ingrid"]) expect(html).not.toContain(personal);
    const opened = (await rowOf(made.token))!.opened_at;
    expect(opened).not.toBeNull();

    const id = await new Client().get(made.path, { "Accept-Language": "id-ID" });
    expect(id.status).toBe(200);
    const idHtml = await id.text();
    for (const text of ["Pramusaji", "Amerika Serikat", "8 bulan", "Kirim kontak saya"])
      expect(idHtml, text).toContain(text);
    // the language switch of the site's public pages is there and works without JavaScript
    expect(idHtml).toContain('action="/language"');
    expect((await rowOf(made.token))!.opened_at).toEqual(opened);
  });

  it("stores one lead from the phone: source phone, the kiosk's device, the handoff's vacancy; the link is spent", async () => {
    const made = await makeHandoff();
    const phone = new Client();
    const form = phoneForm();
    const res = await phone.post(made.path, form);
    expect(res.status, (await res.clone().text()).slice(0, 500)).toBe(302);
    expect(res.headers.get("location")).toBe(`${made.path}/thanks`);
    expect(phone.cookies.has("jmb_kiosk")).toBe(false);
    const leads = await leadsOf(form.company);
    expect(leads).toHaveLength(1);
    const [lead] = leads;
    expect(lead).toMatchObject({
      event_id: eventId,
      device_id: deviceId,
      source: "phone",
      name: "Ingrid Solberg",
      country: "NO",
      website: "https://nordicferries.example",
      consent_contact: true,
      consent_share: true,
      consent_version: `${LEAD_CONSENT_VERSION}/gdpr`,
      locale: "en",
      status: "new",
    });
    expect(lead!.vacancy).toEqual(vacancy);
    const events = await deps.db
      .selectFrom("lead_events")
      .select(["kind", "detail"])
      .where("lead_id", "=", lead!.id)
      .execute();
    expect(events).toEqual([{ kind: "captured", detail: { source: "phone" } }]);
    expect((await rowOf(made.token))!.lead_id).toBe(lead!.id);

    const thanks = await phone.get(`${made.path}/thanks`);
    expect(thanks.status).toBe(200);
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain("Thank you: your details were sent");
    expect(thanksHtml).not.toContain("Ingrid");

    // one-time: the page says so, and a second submit stores nothing
    const again = await phone.get(made.path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link has been used");
    const resend = await phone.post(made.path, { ...form, name: "Someone Else" });
    expect(resend.status).toBe(410);
    expect(await leadsOf(form.company)).toHaveLength(1);
    expect((await leadsOf(form.company))[0]!.name).toBe("Ingrid Solberg");
  });

  it("of five submits at once, one stores its lead and the others are told the link was used", async () => {
    const made = await makeHandoff();
    const form = phoneForm();
    const answers = await Promise.all(Array.from({ length: 5 }, () => new Client().post(made.path, form)));
    expect(answers.map((a) => a.status).sort()).toEqual([302, 410, 410, 410, 410]);
    expect(await leadsOf(form.company)).toHaveLength(1);
  });

  it("an expired link: 410 and a page saying so, in Bahasa Indonesia too; nothing is stored", async () => {
    const made = await makeHandoff();
    await deps.db
      .updateTable("booth_handoffs")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", (await rowOf(made.token))!.id)
      .execute();
    const page = await new Client().get(made.path);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This link has expired");
    const id = await new Client().get(made.path, { "Accept-Language": "id" });
    expect(await id.text()).toContain("Tautan ini sudah kedaluwarsa");
    const form = phoneForm();
    const res = await new Client().post(made.path, form);
    expect(res.status).toBe(410);
    expect(await leadsOf(form.company)).toHaveLength(0);
    expect((await rowOf(made.token))!.lead_id).toBeNull();
  });

  it("an unknown or malformed token: 404 and a page saying so, never a 5xx", async () => {
    for (const path of ["/booth/h/ACDEFGHJKMNPQRTUVWXY", "/booth/h/not-a-token", `/booth/h/${"A".repeat(500)}`]) {
      const page = await new Client().get(path);
      expect(page.status, path).toBe(404);
      expect(await page.text()).toContain("This link is not known");
      const form = phoneForm();
      expect((await new Client().post(path, form)).status, path).toBe(404);
      expect(await leadsOf(form.company)).toHaveLength(0);
      expect((await new Client().get(`${path}/thanks`)).status).toBe(404);
    }
    // an unspent link has no thank-you page
    expect((await new Client().get(`${(await makeHandoff()).path}/thanks`)).status).toBe(404);
  });

  it("names the fields at fault in the reader's language, stores nothing and leaves the link usable", async () => {
    const made = await makeHandoff();
    const bad = phoneForm({ email: "not-an-email", consentContact: "", country: "XX" });
    const cases: [string, Record<string, string>, (k: Key) => string][] = [
      ["en", {}, (k) => translate("en", k)],
      ["id", { "Accept-Language": "id-ID" }, (k) => translate("id", k)],
    ];
    for (const [, headers, msg] of cases) {
      const res = await new Client().post(made.path, bad, { headers });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "email")).toContain(escapeHtml(msg("errors.email_invalid")));
      expect(fieldError(html, "country")).toContain(escapeHtml(msg("errors.country_unknown")));
      expect(fieldError(html, "consentContact")).toContain(escapeHtml(msg("errors.lead_consent_contact_required")));
    }
    expect(await leadsOf(bad.company)).toHaveLength(0);
    expect((await rowOf(made.token))!.lead_id).toBeNull();
  });

  it("sends the form back when the notice shown was not the country's (a page without JavaScript), then stores it", async () => {
    const made = await makeHandoff();
    const form = phoneForm({ consentWording: "pdp" });
    const res = await new Client().post(made.path, form);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "consentContact")).toContain(escapeHtml(translate("en", "errors.handoff_wording_changed")));
    expect(html).toContain('data-wording="gdpr"');
    expect(await leadsOf(form.company)).toHaveLength(0);
    expect((await new Client().post(made.path, { ...form, consentWording: "gdpr" })).status).toBe(302);
    expect(await leadsOf(form.company)).toHaveLength(1);
  });

  it("a filled honeypot stores nothing", async () => {
    const made = await makeHandoff();
    const form = phoneForm({ website: "http://spam.example" });
    expect((await new Client().post(made.path, form)).status).toBe(422);
    expect(await leadsOf(form.company)).toHaveLength(0);
    expect((await rowOf(made.token))!.lead_id).toBeNull();
  });
});

describe("the hourly sweep", () => {
  it("deletes handoffs a day after they lapsed, spent or not, and keeps the others", async () => {
    const [old, recent, live] = [await makeHandoff(), await makeHandoff(), await makeHandoff()];
    const setExpiry = async (m: Made, at: Date) =>
      deps.db
        .updateTable("booth_handoffs")
        .set({ expires_at: at })
        .where("id", "=", (await rowOf(m.token))!.id)
        .execute();
    await setExpiry(old, new Date(Date.now() - 25 * 3_600_000));
    await setExpiry(recent, new Date(Date.now() - 3_600_000));
    expect(await sweepExpiredHandoffs(deps)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(old.token)).toBeUndefined();
    expect(await rowOf(recent.token)).toBeDefined();
    expect(await rowOf(live.token)).toBeDefined();
    expect((await new Client().get(old.path)).status).toBe(404);
    expect((await new Client().get(recent.path)).status).toBe(410);
  });
});
