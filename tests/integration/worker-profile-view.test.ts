import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import { formatDate } from "~/i18n/locales";
import { saveWorker } from "~/services/workers/save-worker.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";
import { agencyActor, workerInput } from "../support/workers";

const deps = testDeps();
const today = isoDay(deps.now());
const availableFrom = addMonths(today, 2);
const soon = addMonths(today, 6); // before availability + 12 months
const lapsed = addDays(today, -10);
const far = addMonths(today, 40);
let a: Awaited<ReturnType<typeof orgWithUser>>, b: Awaited<ReturnType<typeof orgWithUser>>;
let ca: Client;
let id: string, bare: string;

beforeAll(async () => {
  [a, b] = await Promise.all([orgWithUser(deps, "agency"), orgWithUser(deps, "agency")]);
  const actor = agencyActor(a.org, a.user.id);
  id = (
    await saveWorker(
      deps,
      actor,
      workerInput({
        fullName: "Wayan Sudarsana",
        externalRef: "VIEW-1",
        provinceCode: "51",
        regency: "Kab. Buleleng",
        experiences: [
          { sector: "cruise", iscoCode: "5131", years: 4 },
          { sector: "hospitality", iscoCode: "5120", years: 1 },
        ],
        languages: [
          { code: "en", kind: "ielts", score: 6.5, takenOn: "2025-03-08" },
          { code: "en", kind: "toeic", score: 785 },
          { code: "ja", kind: "jlpt", level: "N4" },
        ],
        certificates: [
          { code: "stcw_bst", number: "6201234567", issuedOn: "2024-02-01", expiresOn: far },
          { code: "seafarer_medical", expiresOn: soon },
          { code: "food_safety", expiresOn: lapsed },
          { code: "stcw_sat" },
        ],
        availableFrom,
        consentToMatching: true,
      }),
    )
  ).id;
  bare = (
    await saveWorker(
      deps,
      actor,
      workerInput({ fullName: "Ketut Bare", externalRef: "VIEW-2", nik: undefined, languages: [], certificates: [] }),
    )
  ).id;
  ca = new Client();
  await ca.logIn(a.email, a.password);
});
afterAll(() => deps.db.destroy());

const long = (locale: "en" | "id", d: string) => formatDate(locale, d, "long");

describe("the agency's read-only worker profile", () => {
  it("shows the evidence with its CEFR level, certificate states and readable dates, without inputs", async () => {
    const res = await ca.get(`/workers/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Wayan Sudarsana (VIEW-1)");
    // occupations with years and sector
    expect(html).toMatch(/5131 · Waiters.*?4 years · Cruise ships/s);
    expect(html).toContain("1 year · Hospitality (on land)");
    // languages: the evidence and the level it converts to
    expect(html).toContain("IELTS 6.5 → B2 · taken 8 March 2025");
    expect(html).toContain("TOEIC 785 → B2");
    expect(html).toContain("JLPT N4 → A2");
    expect(html).toContain("Level: B2");
    // certificates: valid, expires before the end of a first contract, expired, no expiry
    expect(html).toContain("No. 6201234567 · issued 1 February 2024");
    expect(html).toContain(`Valid until ${long("en", far)}`);
    expect(html).toContain(
      `Valid until ${long("en", soon)}: expires before ${long("en", addMonths(availableFrom, 12))}`,
    );
    expect(html).toContain(`Expired on ${long("en", lapsed)}`);
    expect(html).toContain("Valid, no expiry");
    // availability, home province, consent
    expect(html).toContain(`Available from ${long("en", availableFrom)}`);
    expect(html).toContain("Bali, Kab. Buleleng");
    expect(html).toContain("Given: the profile is in search");
    // read-only: no form fields, a link to the form, and the privacy actions of today
    expect(html).not.toMatch(/<input[^>]*name="fullName"/);
    expect(html).not.toMatch(/<select[^>]*name="experiences\[0\]\.sector"/);
    expect(html).not.toContain("Save profile");
    expect(html).toContain(`href="/workers/${id}?edit"`);
    expect(html).toContain(`href="/workers/${id}/export.json"`);
    expect(html).toContain("Disclosures to employers");
    expect(html).toContain("Archive profile");
  });

  it("speaks Bahasa Indonesia, dates included", async () => {
    const html = await (await ca.get(`/workers/${id}`, { "Accept-Language": "id" })).text();
    expect(html).toContain("IELTS 6.5 → B2 · tes 8 Maret 2025");
    expect(html).toContain("terbit 1 Februari 2024");
    expect(html).toContain(`Kedaluwarsa sejak ${long("id", lapsed)}`);
    expect(html).toContain(`Tersedia mulai ${long("id", availableFrom)}`);
    expect(html).toContain("Ubah profil");
  });

  it("says so when there are no languages or certificates", async () => {
    const html = await (await ca.get(`/workers/${bare}`)).text();
    expect(html).toContain("No language recorded.");
    expect(html).toContain("No certificate recorded.");
  });

  it("opens the unchanged edit form at ?edit; a save returns to the profile", async () => {
    const html = await (await ca.get(`/workers/${id}?edit`)).text();
    expect(html).toMatch(/<input[^>]*name="fullName"[^>]*value="Wayan Sudarsana"/);
    expect(html).toContain("Save profile");
    expect(html).toContain(`href="/workers/${id}"`);
    const archived = await ca.post(`/workers/${bare}?edit`, { intent: "archive" });
    expect(archived.status).toBe(302);
    expect(archived.headers.get("location")).toBe(`/workers/${bare}`);
    expect(await (await ca.get(`/workers/${bare}`)).text()).toContain("This profile is archived and not in search.");
  });

  it("a refused save shows the form with its errors even when posted to the plain address", async () => {
    const res = await ca.post(`/workers/${id}`, { fullName: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<input[^>]*name="fullName"/);
    expect(html).toContain("Save profile");
  });

  it("another agency gets 404, on the profile and on the form", async () => {
    const cb = new Client();
    await cb.logIn(b.email, b.password);
    expect((await cb.get(`/workers/${id}`)).status).toBe(404);
    expect((await cb.get(`/workers/${id}?edit`)).status).toBe(404);
    expect((await cb.post(`/workers/${id}?edit`, { intent: "archive" })).status).toBe(404);
  });
});
