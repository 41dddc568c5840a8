import { describe, expect, it } from "vitest";
import { contractEnd, failedGates, type Candidate, type MatchOrder } from "~/domain/matching/gates";
import { rankPool, scoreCandidate, WEIGHTS } from "~/domain/matching/score";

const order: MatchOrder = {
  iscoCode: "5120",
  sector: "cruise",
  occupationScope: "minor",
  priority: "experience",
  country: "US",
  startDate: "2027-03-01",
  contractMonths: 8,
  minExperienceYears: 2,
  languages: [{ code: "en", minLevel: "B2" }],
  certificates: [
    { code: "stcw_bst", mandatory: true },
    { code: "food_safety", mandatory: false },
  ],
};
const END = "2027-10-31"; // start 2027-03-01 + 8 months − 1 day

const cand = (patch: Partial<Candidate> = {}): Candidate => ({
  id: "w-1",
  status: "available",
  consent: true,
  availableFrom: "2027-02-01",
  updatedAt: "2027-01-01T00:00:00Z",
  experiences: [{ sector: "cruise", iscoCode: "5120", years: 5 }],
  languages: [{ code: "en", kind: "ielts", score: 6.0 }],
  certificates: [{ code: "stcw_bst", expiresOn: "2029-04-30" }],
  preferredCountries: [],
  ...patch,
});
const gates = (c: Candidate) => failedGates(order, c).map((f) => f.gate);

describe("hard gates", () => {
  it("computes the contract's last day", () => {
    expect(contractEnd(order)).toBe(END);
    // a start late in the month: the contract ends on the shorter month's last day
    expect(contractEnd({ startDate: "2027-01-31", contractMonths: 1 })).toBe("2027-02-28");
    expect(contractEnd({ startDate: "2027-01-29", contractMonths: 1 })).toBe("2027-02-28");
    expect(contractEnd({ startDate: "2028-01-30", contractMonths: 1 })).toBe("2028-02-29");
    expect(contractEnd({ startDate: "2027-01-28", contractMonths: 1 })).toBe("2027-02-27");
    expect(contractEnd({ startDate: "2027-03-01", contractMonths: 1 })).toBe("2027-03-31");
    expect(contractEnd({ startDate: "2027-08-31", contractMonths: 6 })).toBe("2028-02-29");
  });

  it("passes a qualified candidate", () => {
    expect(failedGates(order, cand())).toEqual([]);
  });

  it("status and consent", () => {
    expect(gates(cand({ status: "placed" }))).toEqual(["status"]);
    expect(gates(cand({ consent: false }))).toEqual(["status"]);
  });

  it("sector with minimum years, summed over several experiences; other sectors and occupations do not count", () => {
    expect(gates(cand({ experiences: [{ sector: "hospitality", iscoCode: "5120", years: 9 }] }))).toEqual(["sector"]);
    // kitchen helper (9412) is not in the cook's minor group (512): under "related occupations" it does not count
    const helperAndCook = cand({
      experiences: [
        { sector: "cruise", iscoCode: "9412", years: 1 },
        { sector: "cruise", iscoCode: "5120", years: 1 },
        { sector: "hospitality", iscoCode: "5120", years: 9 },
      ],
    });
    expect(gates(helperAndCook)).toEqual(["sector"]);
    expect(failedGates({ ...order, occupationScope: "sector" }, helperAndCook)).toEqual([]);
    expect(
      gates(
        cand({
          experiences: [
            { sector: "cruise", iscoCode: "5120", years: 1 },
            { sector: "cruise", iscoCode: "5120", years: 1 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      failedGates(
        { ...order, minExperienceYears: 0 },
        cand({ experiences: [{ sector: "hospitality", iscoCode: "5120", years: 3 }] }),
      )[0],
    ).toEqual({ gate: "sector", sector: "cruise", scope: "minor", iscoCode: "5120", years: 0, needed: 0, held: false });
  });

  it("language: IELTS 5.5 is B2 (passes), 5.0 is B1 (fails); the best of two evidences counts", () => {
    expect(gates(cand({ languages: [{ code: "en", kind: "ielts", score: 5.5 }] }))).toEqual([]);
    expect(failedGates(order, cand({ languages: [{ code: "en", kind: "ielts", score: 5.0 }] }))).toEqual([
      { gate: "language", code: "en", has: "B1", evidence: { code: "en", kind: "ielts", score: 5.0 }, needs: "B2" },
    ]);
    expect(
      gates(
        cand({
          languages: [
            { code: "en", kind: "toeic", score: 600 },
            { code: "en", kind: "cefr", level: "C1" },
          ],
        }),
      ),
    ).toEqual([]);
    expect(failedGates(order, cand({ languages: [] }))[0]).toMatchObject({
      gate: "language",
      has: null,
      evidence: null,
    });
  });

  it("language: JLPT N4 is A2 — enough for A2, not for B1", () => {
    const jp = { ...order, languages: [{ code: "ja", minLevel: "A2" as const }] };
    expect(failedGates(jp, cand({ languages: [{ code: "ja", kind: "jlpt", level: "N4" }] }))).toEqual([]);
    expect(
      failedGates(
        { ...jp, languages: [{ code: "ja", minLevel: "B1" }] },
        cand({ languages: [{ code: "ja", kind: "jlpt", level: "N4" }] }),
      ).map((f) => f.gate),
    ).toEqual(["language"]);
  });

  it("certificates: valid through the contract's last day, not merely today", () => {
    expect(gates(cand({ certificates: [{ code: "stcw_bst", expiresOn: END }] }))).toEqual([]);
    expect(gates(cand({ certificates: [{ code: "stcw_bst", expiresOn: "2027-11-01" }] }))).toEqual([]);
    expect(failedGates(order, cand({ certificates: [{ code: "stcw_bst", expiresOn: "2027-10-30" }] }))).toEqual([
      { gate: "certificate", code: "stcw_bst", expiresOn: "2027-10-30", contractEnd: END, shortByDays: 1 },
    ]);
    expect(failedGates(order, cand({ certificates: [] }))).toEqual([
      { gate: "certificate", code: "stcw_bst", expiresOn: null, contractEnd: END, shortByDays: null },
    ]);
    expect(gates(cand({ certificates: [{ code: "stcw_bst" }] }))).toEqual([]); // no expiry
    // the latest of two certificates of one type counts; a preferred certificate is never a gate
    expect(
      gates(
        cand({
          certificates: [
            { code: "stcw_bst", expiresOn: "2026-01-01" },
            { code: "stcw_bst", expiresOn: "2030-01-01" },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("availability on or before the start date", () => {
    expect(gates(cand({ availableFrom: "2027-03-01" }))).toEqual([]);
    expect(failedGates(order, cand({ availableFrom: "2027-03-22" }))).toEqual([
      { gate: "availability", availableFrom: "2027-03-22", startDate: "2027-03-01", lateByDays: 21 },
    ]);
  });
});

describe("score components", () => {
  const today = "2027-01-15";
  it("sums named components", () => {
    const { score, components } = scoreCandidate(
      order,
      cand({
        languages: [{ code: "en", kind: "cefr", level: "C2" }],
        certificates: [
          { code: "stcw_bst", expiresOn: "2029-04-30" },
          { code: "food_safety", expiresOn: "2028-01-01" },
        ],
        preferredCountries: ["US"],
      }),
      today,
    );
    expect(components).toEqual({
      iscoExact: WEIGHTS.iscoExact, // 5120 in cruise
      experience: 12, // 3 years beyond the minimum of 2, × 4
      language: 6, // C2 is two levels above B2, × 3 (the cap per language)
      preferredCertificates: 6, // food safety valid through the contract
      certificateHeadroom: 2, // BST valid 17.97 months after the contract's end: two full 6-month steps
      preferredDestination: 4,
      recency: 2, // updated 14 days ago
    });
    expect(score).toBe(12 + 12 + 6 + 6 + 2 + 4 + 2);
  });

  it("caps and zero cases", () => {
    const c = scoreCandidate(
      { ...order, occupationScope: "sector" },
      cand({
        experiences: [{ sector: "cruise", iscoCode: "9412", years: 40 }],
        certificates: [{ code: "stcw_bst" }],
        updatedAt: "2020-01-01T00:00:00Z",
      }),
      today,
    ).components;
    expect(c).toMatchObject({
      iscoExact: 0,
      experience: WEIGHTS.yearsCap,
      certificateHeadroom: WEIGHTS.headroomCap,
      recency: 0,
      preferredCertificates: 0,
    });
    // a preferred certificate expiring before the contract's end earns nothing
    expect(
      scoreCandidate(
        order,
        cand({
          certificates: [
            { code: "stcw_bst", expiresOn: "2029-04-30" },
            { code: "food_safety", expiresOn: "2027-06-01" },
          ],
        }),
        today,
      ).components.preferredCertificates,
    ).toBe(0);
  });
});

describe("ranking the pool", () => {
  it("ranks the qualified by score with stable ties, and lists near misses with their one missing item", () => {
    const pool = [
      cand({ id: "b" }),
      cand({ id: "a" }),
      cand({ id: "top", languages: [{ code: "en", kind: "cefr", level: "C1" }] }),
      cand({ id: "late", availableFrom: "2027-04-01" }),
      cand({ id: "two-misses", availableFrom: "2027-04-01", consent: false }),
      cand({ id: "bst-short", certificates: [{ code: "stcw_bst", expiresOn: "2027-09-01" }] }),
    ];
    const { ranked, nearMisses } = rankPool(order, pool, "2027-01-15");
    expect(ranked.map((r) => r.candidate.id)).toEqual(["top", "a", "b"]);
    expect(nearMisses.map((n) => [n.candidate.id, n.failed.gate])).toEqual([
      ["bst-short", "certificate"],
      ["late", "availability"],
    ]);
  });
});

describe("near misses", () => {
  it("are never about status: a placed or non-consenting worker is not shown at all", () => {
    const { nearMisses } = rankPool(
      order,
      [cand({ id: "placed", status: "placed" }), cand({ id: "no-consent", consent: false })],
      "2027-01-15",
    );
    expect(nearMisses).toEqual([]);
  });

  it("are listed by the order's gate items, closest to passing first, then by id", () => {
    const pool = [
      cand({ id: "late-far", availableFrom: "2027-06-01" }),
      cand({ id: "late-near", availableFrom: "2027-03-05" }),
      cand({ id: "no-bst", certificates: [] }),
      cand({ id: "bst-short", certificates: [{ code: "stcw_bst", expiresOn: "2027-10-01" }] }),
      cand({ id: "b-en", languages: [{ code: "en", kind: "ielts", score: 5 }] }),
      cand({ id: "a-en", languages: [{ code: "en", kind: "ielts", score: 5 }] }),
      cand({ id: "no-en", languages: [] }), // speaks no English: not one item away
    ];
    const { nearMisses } = rankPool(order, pool, "2027-01-15");
    expect(nearMisses.map((n) => n.candidate.id)).toEqual([
      "a-en",
      "b-en",
      "bst-short",
      "no-bst",
      "late-near",
      "late-far",
    ]);
  });
});
