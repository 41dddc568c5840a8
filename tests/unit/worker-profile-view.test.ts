import { describe, expect, it } from "vitest";
import { certificateState, contractHorizon, languageLines, profileView } from "~/domain/workers/profile-view";
import { workerInput } from "../support/workers";

const today = "2026-12-06";

describe("the read-only profile: what the agency sees", () => {
  it("shows each piece of language evidence with the CEFR level it converts to; the best one counts", () => {
    const lines = languageLines([
      { code: "en", kind: "ielts", score: 6.5 },
      { code: "ja", kind: "jlpt", level: "N3", score: 110, takenOn: "2025-07-06" },
      { code: "en", kind: "toeic", score: 945 },
      { code: "de", kind: "cefr", level: "A2" },
      { code: "zh", kind: "hsk", level: "3" },
    ]);
    expect(lines.map((l) => [l.code, l.level])).toEqual([
      ["en", "C1"],
      ["ja", "B1"],
      ["de", "A2"],
      ["zh", "B1"],
    ]);
    expect(lines[0]!.evidence).toEqual([
      { evidence: "IELTS 6.5", level: "B2", converted: true, quality: "official", takenOn: null, counts: false },
      { evidence: "TOEIC 945", level: "C1", converted: true, quality: "official", takenOn: null, counts: true },
    ]);
    expect(lines[1]!.evidence[0]).toMatchObject({ evidence: "JLPT N3 (110)", level: "B1", takenOn: "2025-07-06" });
    expect(lines[2]!.evidence[0]).toMatchObject({ evidence: "A2", converted: false });
    expect(lines[3]!.evidence[0]).toMatchObject({ evidence: "HSK 3", quality: "disputed" });
    expect(languageLines([])).toEqual([]);
  });

  it("a certificate is valid, expires before the end of a first contract, expired, or never expires", () => {
    const horizon = contractHorizon("2027-01-15", today);
    expect(horizon).toBe("2028-01-15");
    expect(certificateState(undefined, today, horizon)).toBe("no_expiry");
    expect(certificateState("2026-12-05", today, horizon)).toBe("expired");
    expect(certificateState(today, today, horizon)).toBe("expires_before"); // still valid on its last day
    expect(certificateState("2028-01-14", today, horizon)).toBe("expires_before");
    expect(certificateState("2028-01-15", today, horizon)).toBe("valid");
    // availability already passed: the contract would start today
    expect(contractHorizon("2025-03-01", today)).toBe("2027-12-06");
  });

  it("derives the page from the stored profile", () => {
    const v = profileView(
      workerInput({
        experiences: [
          { sector: "cruise", iscoCode: "5131", years: 4 },
          { sector: "hospitality", iscoCode: "5120", years: 1.5, country: "MY" },
          { sector: "cruise", iscoCode: "5120", years: 1 },
        ],
        certificates: [
          { code: "stcw_bst", issuedOn: "2024-02-01", expiresOn: "2029-02-01" },
          { code: "seafarer_medical", expiresOn: "2027-06-30" },
          { code: "food_safety", expiresOn: "2026-01-31" },
          { code: "stcw_sat" },
        ],
      }),
      today,
    );
    expect(v.sectors).toEqual(["cruise", "hospitality"]);
    expect(v.experiences[1]).toEqual({
      iscoCode: "5120",
      sector: "hospitality",
      years: 1.5,
      employer: null,
      country: "MY",
    });
    expect(v.certificates.map((c) => c.state)).toEqual(["valid", "expires_before", "expired", "no_expiry"]);
    expect(v.horizon).toBe("2028-01-15");
    expect(v.availability).toEqual({ from: "2027-01-15", now: false });
    expect(profileView(workerInput({ availableFrom: today }), today).availability.now).toBe(true);
  });
});
