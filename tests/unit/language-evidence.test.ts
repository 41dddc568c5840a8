import { describe, expect, it } from "vitest";
import { bestEvidence, cefrFromEvidence, describeEvidence, type Evidence } from "~/domain/workers/language-evidence";

// Every band edge of the equivalence table (docs/reference-data.md), both sides.
const cases: [Evidence, string | null][] = [
  [{ kind: "cefr", level: "B2" }, "B2"],
  [{ kind: "cefr", level: "B3" }, null],
  [{ kind: "ielts", score: 1.5 }, null],
  [{ kind: "ielts", score: 2.0 }, "A1"],
  [{ kind: "ielts", score: 2.5 }, "A1"],
  [{ kind: "ielts", score: 3.0 }, "A2"],
  [{ kind: "ielts", score: 3.5 }, "A2"],
  [{ kind: "ielts", score: 4.0 }, "B1"],
  [{ kind: "ielts", score: 5.0 }, "B1"],
  [{ kind: "ielts", score: 5.5 }, "B2"],
  [{ kind: "ielts", score: 6.5 }, "B2"],
  [{ kind: "ielts", score: 7.0 }, "C1"],
  [{ kind: "ielts", score: 8.0 }, "C1"],
  [{ kind: "ielts", score: 8.5 }, "C2"],
  [{ kind: "ielts", score: 9.0 }, "C2"],
  [{ kind: "toefl_ibt_120", score: 41 }, null],
  [{ kind: "toefl_ibt_120", score: 42 }, "B1"],
  [{ kind: "toefl_ibt_120", score: 71 }, "B1"],
  [{ kind: "toefl_ibt_120", score: 72 }, "B2"],
  [{ kind: "toefl_ibt_120", score: 94 }, "B2"],
  [{ kind: "toefl_ibt_120", score: 95 }, "C1"],
  [{ kind: "toefl_ibt_120", score: 113 }, "C1"],
  [{ kind: "toefl_ibt_120", score: 114 }, "C2"],
  [{ kind: "toefl_ibt_120", score: 120 }, "C2"],
  [{ kind: "toefl_ibt_6", score: 1 }, "A1"],
  [{ kind: "toefl_ibt_6", score: 1.5 }, "A1"],
  [{ kind: "toefl_ibt_6", score: 2 }, "A2"],
  [{ kind: "toefl_ibt_6", score: 3.5 }, "B1"],
  [{ kind: "toefl_ibt_6", score: 4 }, "B2"],
  [{ kind: "toefl_ibt_6", score: 5.5 }, "C1"],
  [{ kind: "toefl_ibt_6", score: 6 }, "C2"],
  [{ kind: "toeic", score: 119 }, null],
  [{ kind: "toeic", score: 120 }, "A1"],
  [{ kind: "toeic", score: 224 }, "A1"],
  [{ kind: "toeic", score: 225 }, "A2"],
  [{ kind: "toeic", score: 549 }, "A2"],
  [{ kind: "toeic", score: 550 }, "B1"],
  [{ kind: "toeic", score: 784 }, "B1"],
  [{ kind: "toeic", score: 785 }, "B2"],
  [{ kind: "toeic", score: 944 }, "B2"],
  [{ kind: "toeic", score: 945 }, "C1"],
  [{ kind: "toeic", score: 990 }, "C1"],
  [{ kind: "jlpt", level: "N5" }, "A1"],
  [{ kind: "jlpt", level: "N4" }, "A2"],
  [{ kind: "jlpt", level: "N3" }, "B1"],
  [{ kind: "jlpt", level: "N2" }, "B2"],
  [{ kind: "jlpt", level: "N1" }, "C1"],
  [{ kind: "jlpt", level: "N5", score: 79 }, null],
  [{ kind: "jlpt", level: "N5", score: 80 }, "A1"],
  [{ kind: "jlpt", level: "N4", score: 89 }, null],
  [{ kind: "jlpt", level: "N4", score: 90 }, "A2"],
  [{ kind: "jlpt", level: "N3", score: 94 }, null],
  [{ kind: "jlpt", level: "N3", score: 95 }, "A2"],
  [{ kind: "jlpt", level: "N3", score: 103 }, "A2"],
  [{ kind: "jlpt", level: "N3", score: 104 }, "B1"],
  [{ kind: "jlpt", level: "N2", score: 89 }, null],
  [{ kind: "jlpt", level: "N2", score: 90 }, "B1"],
  [{ kind: "jlpt", level: "N2", score: 111 }, "B1"],
  [{ kind: "jlpt", level: "N2", score: 112 }, "B2"],
  [{ kind: "jlpt", level: "N1", score: 99 }, null],
  [{ kind: "jlpt", level: "N1", score: 100 }, "B2"],
  [{ kind: "jlpt", level: "N1", score: 141 }, "B2"],
  [{ kind: "jlpt", level: "N1", score: 142 }, "C1"],
  [{ kind: "jft_basic", score: 144 }, null],
  [{ kind: "jft_basic", score: 145 }, "A1"],
  [{ kind: "jft_basic", score: 174 }, "A1"],
  [{ kind: "jft_basic", score: 175 }, "A2"],
  [{ kind: "jft_basic", score: 250 }, "A2"],
  [{ kind: "topik", level: "1" }, "A1"],
  [{ kind: "topik", level: "4" }, "B2"],
  [{ kind: "topik", level: "6" }, "C2"],
  [{ kind: "topik", level: "7" }, null],
  [{ kind: "testdaf", level: "2" }, null],
  [{ kind: "testdaf", level: "3" }, "B2"],
  [{ kind: "testdaf", level: "4" }, "C1"],
  [{ kind: "testdaf", level: "5" }, "C1"],
  [{ kind: "hsk", level: "1" }, "A1"],
  [{ kind: "hsk", level: "3" }, "B1"],
  [{ kind: "hsk", level: "6" }, "C2"],
];

describe("language evidence → CEFR (the issuers' equivalence table)", () => {
  it.each(cases.map(([e, l]) => [describeEvidence(e) || e.kind, e, l] as const))("%s → %s", (_label, e, level) => {
    expect(cefrFromEvidence(e)).toBe(level);
  });

  it("takes the best of several pieces of evidence for one language", () => {
    const best = bestEvidence([
      { kind: "toeic", score: 600 },
      { kind: "ielts", score: 6.0 },
      { kind: "cefr", level: "A2" },
    ]);
    expect(best).toEqual({ evidence: { kind: "ielts", score: 6.0 }, level: "B2" });
    expect(bestEvidence([{ kind: "jlpt", level: "N3", score: 80 }])).toBeNull();
  });

  it("describes the original evidence as people write it", () => {
    expect(describeEvidence({ kind: "ielts", score: 6 })).toBe("IELTS 6.0");
    expect(describeEvidence({ kind: "jlpt", level: "N3", score: 110 })).toBe("JLPT N3 (110)");
    expect(describeEvidence({ kind: "toefl_ibt_6", score: 4.5 })).toBe("TOEFL iBT 4.5/6");
  });
});
