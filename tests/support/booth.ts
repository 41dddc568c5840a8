import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { vacancySchema, type Vacancy } from "~/domain/booth/vacancy";
import { addMonths, isoDay, shiftDay } from "~/domain/dates";
import { Client } from "./http";

/** The event form as the administration page posts it; dates a month ahead of today. */
export function eventForm(patch: Record<string, string> = {}): Record<string, string> {
  const today = isoDay(new Date());
  return {
    name: "Seatrade Cruise Global",
    venue: "Miami Beach Convention Center",
    city: "Miami Beach",
    country: "US",
    startsOn: shiftDay(today, { days: 30 }),
    endsOn: shiftDay(today, { days: 33 }),
    kioskLocales: "en",
    leadRetentionDays: "180",
    ...patch,
  };
}

/** Creates an event through /admin/events (as `admin`, a signed-in ministry administrator); returns its slug. */
export async function createEventViaPage(admin: Client, patch: Record<string, string> = {}): Promise<string> {
  const res = await admin.post("/admin/events", eventForm(patch));
  expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(302);
  const slug = /^\/events\/([a-z0-9-]+)$/.exec(res.headers.get("Location") ?? "")?.[1];
  expect(slug).toBeTruthy();
  return slug!;
}

/** Makes an enrolment code on the event page (as staff or an administrator) and reads it from the page. */
export async function enrolmentCodeViaPage(staff: Client, slug: string, label = "Left screen"): Promise<string> {
  const res = await staff.post(`/events/${slug}`, { intent: "enrol", label });
  expect(res.status).toBe(200);
  const code = /data-testid="enrol-code">([^<]+)</.exec(await res.text())?.[1];
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  return code!;
}

/** The device token inside a signed jmb_kiosk cookie value (Remix: base64 JSON, then "." and the signature). */
export function tokenOfKioskCookie(value: string): string {
  const raw = decodeURIComponent(value);
  const data = raw.slice(0, raw.lastIndexOf("."));
  return JSON.parse(decodeURIComponent(escape(atob(data)))) as string;
}

/** Enrols a kiosk browser with a fresh code made by `staff`; returns the client (holding jmb_kiosk) and its token. */
export async function enrolKioskViaPage(staff: Client, slug: string, label = "Left screen") {
  const code = await enrolmentCodeViaPage(staff, slug, label);
  const kiosk = new Client();
  const res = await kiosk.post("/booth/enrol", { code });
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toBe(`/booth/${slug}`);
  const cookie = kiosk.lastSetCookies.get("jmb_kiosk");
  expect(cookie).toBeDefined();
  return { kiosk, code, token: tokenOfKioskCookie(cookie!.value), cookie: cookie! };
}

/** Four vacancies as visitors describe them (cruise waiter, ship cook, care worker, deckhand), parsed for `today`. */
export function sampleVacancies(today: string): { name: string; v: Vacancy }[] {
  const startIn = (months: number) => addMonths(today, months).slice(0, 7);
  const raw = [
    {
      name: "cruise waiter",
      v: {
        iscoCode: "5131",
        sector: "cruise",
        country: "US",
        positions: 24,
        startMonth: startIn(3),
        contractMonths: 8,
        languages: [{ code: "en", minLevel: "B1" }],
        certificates: ["stcw_bst"],
      },
    },
    {
      name: "ship cook",
      v: {
        iscoCode: "5120",
        sector: "cruise",
        country: "US",
        positions: 6,
        startMonth: startIn(1),
        contractMonths: 10,
        languages: [{ code: "en", minLevel: "B2" }],
        certificates: ["stcw_bst", "seafarer_medical"],
      },
    },
    {
      name: "care worker",
      v: {
        iscoCode: "5322",
        sector: "care_work",
        country: "JP",
        positions: 20,
        startMonth: startIn(6),
        contractMonths: 36,
        languages: [{ code: "ja", minLevel: "A2" }],
        certificates: [],
      },
    },
    {
      name: "deckhand",
      v: {
        iscoCode: "8350",
        sector: "fishing_vessel",
        country: "TW",
        positions: 10,
        startMonth: startIn(0),
        contractMonths: 24,
        languages: [],
        certificates: ["stcw_bst", "seaman_book"],
      },
    },
  ];
  return raw.map(({ name, v }) => ({ name, v: vacancySchema(today).parse(v) }));
}

/** A lead as the kiosk posts it (urlencoded), for `vacancy`; a fresh UUID unless `patch` names one. */
export function leadForm(vacancy: Vacancy, patch: Record<string, string> = {}): Record<string, string> {
  return {
    id: randomUUID(),
    name: "Ingrid Solberg",
    company: "Nordic Ferries AS",
    jobTitle: "Crewing manager",
    email: "ingrid.solberg@nordicferries.example",
    phone: "+47 22 00 00 00",
    country: "NO",
    companyWebsite: "nordicferries.example",
    consentContact: "on",
    consentShare: "on",
    consentVersion: LEAD_CONSENT_VERSION,
    capturedAt: new Date().toISOString(),
    locale: "en",
    vacancy: toVacancyQuery(vacancy),
    ...patch,
  };
}
