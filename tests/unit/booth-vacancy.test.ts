import { describe, expect, it } from "vitest";
import { BREAKDOWN_MIN_TOTAL, boothCounts, cell, type RawCounts } from "~/domain/booth/breakdown";
import { matchOrderOfVacancy, vacancySchema, vacancyStartDate } from "~/domain/booth/vacancy";
import { fromVacancyQuery, toVacancyQuery } from "~/domain/booth/vacancy-query";
import { isMessageKey } from "~/i18n/translate";

const TODAY = "2026-12-03";
const base = {
  iscoCode: "5131",
  sector: "cruise",
  country: "us",
  positions: 10,
  startMonth: "2027-03",
  contractMonths: 8,
  languages: [{ code: "en", minLevel: "B1" }],
  certificates: ["stcw_bst"],
};
const issues = (input: unknown) => {
  const r = vacancySchema(TODAY).safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the kiosk's vacancy schema", () => {
  it("parses a vacancy as a visitor describes it (country upper-cased, lists defaulted)", () => {
    const v = vacancySchema(TODAY).parse({ ...base, languages: undefined, certificates: undefined });
    expect(v).toMatchObject({ country: "US", languages: [], certificates: [] });
  });

  it("names the field of every bad value, with an i18n key", () => {
    const found = issues({
      ...base,
      iscoCode: "9999",
      sector: "space",
      country: "ID",
      positions: 0,
      startMonth: "2027-13",
      contractMonths: 61,
      languages: [
        { code: "en", minLevel: "B1" },
        { code: "en", minLevel: "B2" },
      ],
      certificates: ["stcw_bst", "nope"],
    });
    const fields = found.map((f) => f.split(":")[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        "iscoCode",
        "sector",
        "country",
        "positions",
        "startMonth",
        "contractMonths",
        "languages.1",
        "certificates.1",
      ]),
    );
    for (const f of found) expect(isMessageKey(f.split(":")[1]!)).toBe(true);
  });

  it("takes a start month from this month to two years ahead, no other", () => {
    expect(issues({ ...base, startMonth: "2026-12" })).toEqual([]);
    expect(issues({ ...base, startMonth: "2026-11" })).toEqual(["startMonth:errors.start_month_past"]);
    expect(issues({ ...base, startMonth: "2028-12" })).toEqual([]);
    expect(issues({ ...base, startMonth: "2029-01" })).toEqual(["startMonth:errors.start_month_too_far"]);
    expect(issues({ ...base, startMonth: "2027-3" })).toEqual(["startMonth:errors.start_month_invalid"]);
  });

  it("caps requirements (each is a filter clause per keystroke)", () => {
    expect(
      issues({
        ...base,
        certificates: ["stcw_bst", "seafarer_medical", "seaman_book", "food_safety", "crowd_management"],
      }),
    ).toEqual(["certificates:errors.vacancy_too_many_certificates"]);
  });
});

describe("a vacancy as the engine's order", () => {
  it("starts on the first of its month, or today within the current month", () => {
    expect(vacancyStartDate({ startMonth: "2027-03" }, TODAY)).toBe("2027-03-01");
    expect(vacancyStartDate({ startMonth: "2026-12" }, TODAY)).toBe(TODAY);
  });

  it("requires every certificate named, and no minimum experience", () => {
    const o = matchOrderOfVacancy(vacancySchema(TODAY).parse(base), TODAY);
    expect(o).toEqual({
      iscoCode: "5131",
      sector: "cruise",
      country: "US",
      startDate: "2027-03-01",
      contractMonths: 8,
      minExperienceYears: 0,
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [{ code: "stcw_bst", mandatory: true }],
      occupationScope: "minor",
      priority: "experience",
    });
  });
});

describe("what the kiosk shows", () => {
  const o = matchOrderOfVacancy(vacancySchema(TODAY).parse(base), TODAY);
  const raw: RawCounts = {
    qualified: 120,
    allBut: [
      { key: "sector", count: 300 },
      { key: "language:en", count: 160 },
      { key: "certificate:stcw_bst", count: 260 },
      { key: "availability", count: 122 },
    ],
    languageRanks: [{ code: "en", byRank: { "2": 30, "3": 100, "4": 20 } }],
    certificatesHeld: [{ code: "stcw_bst", held: 200 }],
    availability: { now: 100, byMonth: { "2027-01": 15, "2027-05": 4, "2028-06": 3 } },
    provinces: { "33": 40, "35": 30, "32": 20, "51": 3, "11": 1, "12": 6, "13": 7, "14": 8, "15": 2, "16": 3 },
    sameOccupation: 70,
    preferCountry: 2,
  };
  const shown = boothCounts(raw, o, TODAY);

  it("hides cells of 1 to 4, rounds the rest to 5, and shows 0", () => {
    expect([0, 1, 4, 5, 7, 8, 12, 13, 1001].map(cell)).toEqual([0, null, null, 5, 5, 10, 10, 15, 1000]);
    expect(shown.preferCountry).toBeNull();
    expect(shown.nearMisses).toEqual([
      { key: "sector", count: 180 },
      { key: "language:en", count: 40 },
      { key: "certificate:stcw_bst", count: 140 },
      { key: "availability", count: null },
    ]);
  });

  it("splits a language's pool by level (none included) and marks the levels that meet the minimum", () => {
    expect(shown.languages[0]!.levels).toEqual([
      { level: "none", count: 10, meets: false },
      { level: "A1", count: 0, meets: false },
      { level: "A2", count: 30, meets: false },
      { level: "B1", count: 100, meets: true },
      { level: "B2", count: 20, meets: true },
      { level: "C1", count: 0, meets: true },
      { level: "C2", count: 0, meets: true },
    ]);
  });

  it("splits a certificate's pool into valid through the contract, expiring during it, and not held", () => {
    expect(shown.certificates).toEqual([{ code: "stcw_bst", validThrough: 120, expiresDuring: 80, notHeld: 60 }]);
  });

  it("shows availability now, the months of 5 or more within a year, and the rest summed", () => {
    expect(shown.availability).toEqual({
      now: 100,
      months: [{ month: "2027-01", count: 15, byStart: true }],
      later: 5, // 4 in May 2027 and 3 in June 2028: neither month is named
    });
  });

  it("names only provinces of 5 or more, ordered by the figure shown, and sums the rest", () => {
    expect(shown.provinces).toEqual([
      { code: "33", count: 40 },
      { code: "35", count: 30 },
      { code: "32", count: 20 },
      { code: "14", count: 10 },
      { code: "12", count: 5 },
      { code: "13", count: 5 },
    ]);
    expect(shown.otherProvinces).toBe(10); // 3 + 1 + 2 + 3
  });

  it(`shows no breakdown below ${BREAKDOWN_MIN_TOTAL} candidates, only the total`, () => {
    const few = boothCounts({ ...raw, qualified: BREAKDOWN_MIN_TOTAL - 1 }, o, TODAY);
    expect(few).toMatchObject({ total: 20, detailed: false, nearMisses: [], languages: [], provinces: [] });
    expect(boothCounts({ ...raw, qualified: 3 }, o, TODAY).total).toBeNull();
  });
});

describe("a vacancy in a query string", () => {
  it("goes there and back unchanged", () => {
    const v = vacancySchema(TODAY).parse({ ...base, certificates: ["stcw_bst", "seafarer_medical"] });
    const back = vacancySchema(TODAY).parse(fromVacancyQuery(new URLSearchParams(toVacancyQuery(v))));
    expect(back).toEqual(v);
  });

  it("hands text where a number belongs to the schema, which names the field", () => {
    const raw = fromVacancyQuery(
      new URLSearchParams("isco=5131&sector=cruise&country=US&positions=ten&start=2027-03&months=8"),
    );
    expect(issues(raw).map((i) => i.split(":")[0])).toEqual(["positions"]);
  });
});
