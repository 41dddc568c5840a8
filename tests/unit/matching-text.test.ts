import { describe, expect, it } from "vitest";
import { formatFailure, formatGateItem, formatSpan } from "~/i18n/matching-text";

describe("matching text", () => {
  it("says how far a near miss is in days, weeks or months", () => {
    expect(formatSpan("en", 1)).toBe("1 day");
    expect(formatSpan("en", 6)).toBe("6 days");
    expect(formatSpan("en", 7)).toBe("1 week");
    expect(formatSpan("en", 10)).toBe("10 days");
    expect(formatSpan("en", 21)).toBe("3 weeks");
    expect(formatSpan("en", 61)).toBe("2 months");
    expect(formatSpan("id", 61)).toBe("2 bulan");
  });

  it("names the missing item in the user's language", () => {
    expect(
      formatFailure("en", {
        gate: "language",
        code: "de",
        has: "B1",
        evidence: { kind: "cefr", level: "B1" },
        needs: "B2",
      }),
    ).toBe("German B1, needs B2");
    expect(
      formatFailure("id", {
        gate: "language",
        code: "de",
        has: "B1",
        evidence: { kind: "cefr", level: "B1" },
        needs: "B2",
      }),
    ).toBe("Jerman B1, perlu B2");
    expect(
      formatFailure("en", {
        gate: "certificate",
        code: "stcw_bst",
        expiresOn: null,
        contractEnd: "2027-10-31",
        shortByDays: null,
      }),
    ).toBe("STCW BST not held");
    expect(
      formatGateItem("en", "language:ja", {
        sector: "care_work",
        iscoCode: "5322",
        occupationScope: "minor",
        minExperienceYears: 0,
        languages: [{ code: "ja", minLevel: "A2" }],
      }),
    ).toBe("Japanese A2");
  });
});
