import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { addMonths, isoDay } from "~/domain/dates";
import { clearVacancyCounts } from "~/services/booth/count-vacancy.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { createEventViaPage, enrolKioskViaPage } from "../support/booth";
import { orgWithUser, testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

// The kiosk over HTTP: its page (bare, for an enrolled device of its event only) and its live count (JSON, counts
// only, field errors in the screen's language). The seeded workers' identifiers must appear in no kiosk answer.

const deps = testDeps();
let staff: Client;
let slug = "";
let otherSlug = "";
let kiosk: Client;
let otherKiosk: Client;
const seeded: { id: string; name: string; nik: string; passport: string; phone: string }[] = [];
const today = isoDay(deps.now());
const vacancy = {
  iscoCode: "5131",
  sector: "cruise" as const,
  country: "US",
  positions: 12,
  startMonth: addMonths(today, 6).slice(0, 7),
  contractMonths: 8,
  languages: [{ code: "en" as const, minLevel: "B1" as const }],
  certificates: ["stcw_bst"],
};

beforeAll(async () => {
  const [admin, mission, agency] = await Promise.all([
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "mission"),
    orgWithUser(deps, "agency"),
  ]);
  const adminClient = new Client();
  await adminClient.logIn(admin.email, admin.password);
  staff = new Client();
  await staff.logIn(mission.email, mission.password);
  [slug, otherSlug] = await Promise.all([
    createEventViaPage(adminClient),
    createEventViaPage(adminClient, { name: "Business meeting, Valletta", city: "Valletta", country: "MT" }),
  ]);
  for (const s of [slug, otherSlug]) {
    const res = await adminClient.post(`/events/${s}`, { intent: "add-staff", email: mission.email });
    expect(res.status).toBeLessThan(400);
  }
  ({ kiosk } = await enrolKioskViaPage(staff, slug));
  ({ kiosk: otherKiosk } = await enrolKioskViaPage(staff, otherSlug));
  for (let i = 0; i < 6; i++) {
    const nik = `33010152049600${10 + i}`;
    const input = workerInput({
      fullName: `Kiosk Probe Worker ${i}`,
      nik,
      passportNumber: `K${7654320 + i}`,
      phone: `+62 812 5555 01${10 + i}`,
      externalRef: `KIOSK-${i}`,
      availableFrom: today,
    });
    const saved = await saveWorker(deps, agencyActor(agency.org), input);
    seeded.push({ id: saved.id, name: input.fullName, nik, passport: input.passportNumber!, phone: input.phone! });
  }
  await waitIndexed(
    deps,
    seeded.map((s) => s.id),
  );
  clearVacancyCounts();
});
afterAll(() => deps.db.destroy());

const countPath = (s: string, v: object = vacancy, extra = "") =>
  `/booth/${s}/count?${toVacancyQuery(v as never)}${extra}`;

function expectNoIdentifiers(text: string) {
  for (const s of seeded) for (const v of [s.id, s.name, s.nik, s.passport, s.phone]) expect(text).not.toContain(v);
}

describe("the kiosk's count", () => {
  it("answers an enrolled device of the event with counts only", async () => {
    const res = await kiosk.get(countPath(slug));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const text = await res.text();
    const body = JSON.parse(text) as { at: string; counts: { total: number | null } };
    expect(body.counts.total === null || body.counts.total >= 5).toBe(true); // ≥ the 6 seeded, or hidden below 5
    expect(typeof body.at).toBe("string");
    expectNoIdentifiers(text);
  });

  it("refuses a browser without a device, and a device of another event (401)", async () => {
    expect((await new Client().get(countPath(slug))).status).toBe(401);
    expect((await otherKiosk.get(countPath(slug))).status).toBe(401);
    expect((await otherKiosk.get(countPath(otherSlug))).status).toBe(200);
  });

  it("names a bad value's field, in the screen's language, with 422", async () => {
    const res = await kiosk.get(countPath(slug, { ...vacancy, contractMonths: 99, iscoCode: "nope" }, "&ui=id"));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["contractMonths", "iscoCode"]);
    expect(body.error.fields.contractMonths).toBe("Maksimal 60 bulan."); // Bahasa Indonesia, as the screen asked
  });
});

describe("the kiosk's page", () => {
  it("fills the screen for an enrolled device: the event's name, no site header, no worker's identifiers", async () => {
    const res = await kiosk.get(`/booth/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="kiosk"');
    expect(html).toContain("Seatrade Cruise Global");
    expect(html).not.toContain('class="site-header"');
    expectNoIdentifiers(html);
  });

  it("tells a browser without a device how to enrol one (401)", async () => {
    const res = await new Client().get(`/booth/${slug}`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('href="/booth/enrol"');
  });
});

describe("the count's limit per device", () => {
  it("answers 429 with Retry-After past 300 a minute, for that device only", async () => {
    const { kiosk: busy } = await enrolKioskViaPage(staff, slug, "Busy screen");
    const answers: Response[] = [];
    for (let i = 0; i < 61; i++)
      answers.push(...(await Promise.all(Array.from({ length: 5 }, () => busy.get(countPath(slug))))));
    const refused = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200).length).toBe(300);
    expect(refused.length).toBe(5);
    expect(Number(refused[0]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await kiosk.get(countPath(slug))).status).toBe(200); // another screen of the same event
  }, 60_000);
});
