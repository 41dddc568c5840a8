import { describe, expect, it } from "vitest";
import { type Candidate, type MatchOrder } from "~/domain/matching/gates";
import { defaultOccupationScope } from "~/domain/matching/occupation-scope";
import { rankPool, WEIGHTS, WEIGHTS_BY_PRIORITY } from "~/domain/matching/score";
import { occupation } from "~/domain/reference/isco";

// The scenarios the weights must hold (issue 15, docs/decisions/020-matching-trust.md): what an employer would call
// a wrong result, each checked through the ranking itself.

const TODAY = "2027-01-10";
const order = (patch: Partial<MatchOrder>): MatchOrder => ({
  iscoCode: "5120",
  sector: "cruise",
  occupationScope: "minor",
  priority: "experience",
  country: "KR",
  startDate: "2027-03-01",
  contractMonths: 12,
  minExperienceYears: 0,
  languages: [],
  certificates: [],
  ...patch,
});
const worker = (id: string, patch: Partial<Candidate>): Candidate => ({
  id,
  status: "available",
  consent: true,
  availableFrom: "2027-02-01",
  updatedAt: "2027-01-01T00:00:00Z",
  experiences: [],
  languages: [],
  certificates: [],
  preferredCountries: [],
  ...patch,
});
const cefr = (code: string, level: string) => ({ code, kind: "cefr" as const, level });
const ranking = (o: MatchOrder, pool: Candidate[]) => rankPool(o, pool, TODAY).ranked.map((r) => r.candidate.id);
const nearMisses = (o: MatchOrder, pool: Candidate[]) => rankPool(o, pool, TODAY).nearMisses.map((n) => n.candidate.id);

describe("the occupation gate", () => {
  const nurse = worker("nurse", { experiences: [{ sector: "nursing", iscoCode: "2221", years: 6 }] });
  const associate = worker("associate", { experiences: [{ sector: "nursing", iscoCode: "3221", years: 6 }] });
  const assistant = worker("assistant", { experiences: [{ sector: "care_work", iscoCode: "5321", years: 6 }] });
  const carer = worker("carer", { experiences: [{ sector: "care_work", iscoCode: "5322", years: 6 }] });
  const pool = [nurse, associate, assistant, carer];

  it("nursing and care work are separate sectors in the catalogue", () => {
    expect(occupation("2221")?.sectors).toEqual(["nursing"]);
    expect(occupation("5321")?.sectors).toEqual(["care_work"]);
  });

  it("a registered-nurse order ranks nurses only: never a care assistant, not even last", () => {
    expect(defaultOccupationScope("2221")).toBe("unit");
    const o = order({ iscoCode: "2221", sector: "nursing", occupationScope: defaultOccupationScope("2221") });
    expect(ranking(o, pool)).toEqual(["nurse"]);
    // and those with no experience that counts are not near misses either
    expect(nearMisses(o, pool)).toEqual([]);
  });

  it("a care-worker order ranks carers (the same minor group) and never a nurse", () => {
    expect(defaultOccupationScope("5322")).toBe("minor");
    const o = order({ iscoCode: "5322", sector: "care_work", occupationScope: defaultOccupationScope("5322") });
    expect(ranking(o, pool).sort()).toEqual(["assistant", "carer"]);
    expect(ranking({ ...o, occupationScope: "unit" }, pool)).toEqual(["carer"]);
  });
});

describe("near misses are one fixable item away", () => {
  const o = order({
    iscoCode: "7112",
    sector: "construction",
    country: "AU",
    minExperienceYears: 3,
    languages: [{ code: "en", minLevel: "B1" }],
  });
  const bricklayer = (id: string, years: number, level: string | null) =>
    worker(id, {
      experiences: [{ sector: "construction", iscoCode: "7112", years }],
      languages: level ? [cefr("en", level)] : [],
    });
  const pool = [
    bricklayer("qualified", 5, "B2"),
    bricklayer("shortYears", 2, "B1"),
    bricklayer("lowEnglish", 5, "A2"),
    bricklayer("noEnglish", 5, null),
    // other trades, however experienced, are not near misses of a bricklayer order
    worker("welder", {
      experiences: [{ sector: "construction", iscoCode: "7212", years: 9 }],
      languages: [cefr("en", "C1")],
    }),
    worker("cook", {
      experiences: [{ sector: "hospitality", iscoCode: "7112", years: 9 }],
      languages: [cefr("en", "C1")],
    }),
    worker("fisher", {
      experiences: [{ sector: "fishing_vessel", iscoCode: "6222", years: 9 }],
      languages: [cefr("en", "C1")],
    }),
  ];

  it("lists bricklayers short of a year or a level, and no other trade, and no one who speaks no English", () => {
    expect(ranking(o, pool)).toEqual(["qualified"]);
    expect(nearMisses(o, pool)).toEqual(["shortYears", "lowEnglish"]);
  });
});

describe("the weights an employer would accept", () => {
  const welderOrder = order({
    iscoCode: "7212",
    sector: "manufacturing",
    minExperienceYears: 3,
    languages: [{ code: "ko", minLevel: "B1" }],
  });
  const welders = [
    worker("minimumYearsKoreanC2", {
      experiences: [{ sector: "manufacturing", iscoCode: "7212", years: 3 }],
      languages: [cefr("ko", "C2")],
    }),
    worker("sevenYearsKoreanB2", {
      experiences: [{ sector: "manufacturing", iscoCode: "7212", years: 7 }],
      languages: [cefr("ko", "B2")],
    }),
    worker("eightYearsKoreanB2", {
      experiences: [{ sector: "manufacturing", iscoCode: "7212", years: 8 }],
      languages: [cefr("ko", "B2")],
    }),
  ];
  const cookOrder = order({ minExperienceYears: 2, languages: [{ code: "en", minLevel: "A2" }] });
  const cooks = [
    worker("fourYearsEnglishC1", {
      experiences: [{ sector: "cruise", iscoCode: "5120", years: 4 }],
      languages: [cefr("en", "C1")],
    }),
    worker("eightYearsEnglishA2", {
      experiences: [{ sector: "cruise", iscoCode: "5120", years: 8 }],
      languages: [cefr("en", "A2")],
    }),
  ];

  it("by default, years of experience outrank language beyond the order's minimum", () => {
    expect(ranking(welderOrder, welders)).toEqual(["eightYearsKoreanB2", "sevenYearsKoreanB2", "minimumYearsKoreanC2"]);
    expect(ranking(cookOrder, cooks)).toEqual(["eightYearsEnglishA2", "fourYearsEnglishC1"]);
    // a year beyond the minimum is worth more than a CEFR level above it, and language stops counting at two levels
    expect(WEIGHTS.perYearBeyondMin).toBeGreaterThan(WEIGHTS.perLevelAboveMin);
    expect(WEIGHTS.languageCap).toBe(2 * WEIGHTS.perLevelAboveMin);
  });

  it("an employer who puts language first gets the fluent candidate first", () => {
    expect(ranking({ ...welderOrder, priority: "language" }, welders)[0]).toBe("minimumYearsKoreanC2");
    expect(ranking({ ...cookOrder, priority: "language" }, cooks)).toEqual([
      "fourYearsEnglishC1",
      "eightYearsEnglishA2",
    ]);
  });

  it("the certificates and destination priorities move their own components up", () => {
    const withCert = worker("preferredCertificate", {
      experiences: [{ sector: "cruise", iscoCode: "5120", years: 3 }],
      certificates: [{ code: "food_safety" }],
    });
    const longer = worker("moreYears", { experiences: [{ sector: "cruise", iscoCode: "5120", years: 7 }] });
    const o = order({ minExperienceYears: 2, certificates: [{ code: "food_safety", mandatory: false }] });
    expect(ranking(o, [withCert, longer])).toEqual(["moreYears", "preferredCertificate"]);
    expect(ranking({ ...o, priority: "certificates" }, [withCert, longer])).toEqual([
      "preferredCertificate",
      "moreYears",
    ]);

    const wantsKorea = worker("wantsKorea", {
      experiences: [{ sector: "cruise", iscoCode: "5120", years: 3 }],
      preferredCountries: ["KR"],
    });
    const d = order({ minExperienceYears: 2 });
    expect(ranking(d, [wantsKorea, longer])).toEqual(["moreYears", "wantsKorea"]);
    expect(ranking({ ...d, priority: "destination" }, [wantsKorea, longer])).toEqual(["wantsKorea", "moreYears"]);
    for (const w of Object.values(WEIGHTS_BY_PRIORITY)) expect(w.iscoExact).toBe(WEIGHTS.iscoExact);
  });
});

describe("equal scores", () => {
  const o = order({ minExperienceYears: 2, languages: [{ code: "en", minLevel: "B1" }] });
  const cook = (id: string, years: number, level: string, availableFrom = "2027-02-01") =>
    worker(id, {
      experiences: [{ sector: "cruise", iscoCode: "5120", years }],
      languages: [cefr("en", level)],
      availableFrom,
    });
  // experience points stop at 40 (ten years beyond the minimum): these all score the same
  const pool = [
    cook("z-fifteenYears", 15, "B1"),
    cook("y-twentyYears", 20, "B1"),
    cook("x-fifteenYearsEarlier", 15, "B1", "2027-01-01"),
    cook("w-fifteenYears", 15, "B1"),
  ];

  it("are ordered by counted years, then language, then the earlier available, and only then by id", () => {
    const scores = new Set(rankPool(o, pool, TODAY).ranked.map((r) => r.score));
    expect(scores.size).toBe(1);
    expect(ranking(o, pool)).toEqual(["y-twentyYears", "x-fifteenYearsEarlier", "w-fifteenYears", "z-fifteenYears"]);
  });

  it("in the same order whatever order the pool arrives in", () => {
    const expected = ranking(o, pool);
    for (const shuffled of [[...pool].reverse(), [pool[2]!, pool[0]!, pool[3]!, pool[1]!]])
      expect(ranking(o, shuffled)).toEqual(expected);
  });
});
