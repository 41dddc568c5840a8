import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";
import { waitIndexed } from "../support/workers";

const deps = testDeps();
let a: Awaited<ReturnType<typeof orgWithUser>>, b: Awaited<ReturnType<typeof orgWithUser>>;
let ca: Client;
beforeAll(async () => {
  [a, b] = await Promise.all([orgWithUser(deps, "agency"), orgWithUser(deps, "agency")]);
  ca = new Client();
  await ca.logIn(a.email, a.password);
});
afterAll(() => deps.db.destroy());

const form = (patch: Record<string, string> = {}) => ({
  fullName: "Endang Sulastri",
  externalRef: "",
  dateOfBirth: "1992-05-05",
  sex: "female",
  provinceCode: "52",
  regency: "Lombok Timur",
  nik: "5203014505920002",
  passportNumber: "",
  passportExpiry: "",
  phone: "",
  "experiences[0].sector": "domestic_work",
  "experiences[0].iscoCode": "5322",
  "experiences[0].years": "6",
  "languages[0].code": "zh",
  "languages[0].kind": "hsk",
  "languages[0].level": "3",
  "certificates[0].code": "bnsp_competency",
  "certificates[0].expiresOn": "2028-12-31",
  availableFrom: "2027-02-01",
  status: "available",
  consentToMatching: "on",
  ...patch,
});

describe("worker profile pages", () => {
  it("creates a profile from the form; errors show in the user's language and nothing is stored", async () => {
    const bad = await ca.post("/workers/new", form({ nik: "12", "experiences[0].iscoCode": "" }), {
      headers: { "Accept-Language": "id" },
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("NIK terdiri dari tepat 16 digit.");
    expect(await deps.db.selectFrom("workers").select("id").where("agency_org_id", "=", a.org.id).execute()).toEqual(
      [],
    );

    const ok = await ca.post("/workers/new", form());
    expect(ok.status).toBe(302);
    const id = ok.headers.get("location")!.split("/").pop()!;
    const page = await (await ca.get(`/workers/${id}`)).text();
    expect(page).toContain("Endang Sulastri");
    expect(page).toMatch(/Consent to matching: given, recorded .* by User/);
    // another agency's user cannot open or change it
    const cb = new Client();
    await cb.logIn(b.email, b.password);
    expect((await cb.get(`/workers/${id}`)).status).toBe(404);
    expect((await cb.post(`/workers/${id}`, { intent: "archive" })).status).toBe(404);
    expect((await cb.post(`/workers/${id}`, form({ fullName: "Hijacked" }))).status).toBe(404);
    const row = await deps.db
      .selectFrom("workers")
      .select(["full_name", "archived_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: "Endang Sulastri", archived_at: null });
  });

  it("flags the same NIK in another profile of the agency on the profile page", async () => {
    const first = (await ca.post("/workers/new", form({ nik: "5203014505920099", externalRef: "DUP-A" }))).headers.get(
      "location",
    )!;
    const second = (
      await ca.post("/workers/new", form({ nik: "5203014505920099", externalRef: "DUP-B", fullName: "Endang S." }))
    ).headers.get("location")!;
    const page = await (await ca.get(second)).text();
    expect(page).toContain("Another profile of your agency has the same NIK: Endang Sulastri (DUP-A)");
    expect(page).toContain(`href="${first}"`);
    // on the form, the link goes to the other profile's form
    expect(await (await ca.get(`${second}?edit`)).text()).toContain(`href="${first}?edit"`);
  });

  it("unticking consent in the form takes the profile out of search", async () => {
    const loc = (
      await ca.post("/workers/new", form({ nik: "", externalRef: "CONS-PAGE", fullName: "Sumarni Consent" }))
    ).headers.get("location")!;
    const id = loc.split("/").pop()!;
    await waitIndexed(deps, [id]);
    expect(await (await ca.get("/workers?q=Sumarni")).text()).toContain("Profiles found: 1");
    const { consentToMatching: _, ...withdrawn } = form({
      nik: "",
      externalRef: "CONS-PAGE",
      fullName: "Sumarni Consent",
    });
    expect((await ca.post(loc, withdrawn)).status).toBe(302);
    await waitIndexed(deps, [id]);
    expect(await (await ca.get("/workers?q=Sumarni")).text()).toContain("Profiles found: 0");
    expect(await (await ca.get(loc)).text()).toMatch(/Consent to matching: not given/);
    // out of search, but never out of reach: the full list comes from PostgreSQL
    const all = await (await ca.get("/workers/all")).text();
    expect(all).toContain("Sumarni Consent (CONS-PAGE)");
    expect(all).toMatch(/Sumarni Consent \(CONS-PAGE\)<\/a><\/td><td>Available<\/td><td>not given/);
    await ca.post(loc, { intent: "archive" });
    expect(await (await ca.get("/workers/all")).text()).not.toContain("CONS-PAGE");
    expect(await (await ca.get("/workers/all?archived=1")).text()).toContain("Sumarni Consent (CONS-PAGE)");
  });
});
