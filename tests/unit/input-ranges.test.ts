import { describe, expect, it } from "vitest";
import { isoDay, shiftDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { EVIDENCE_SCALES, scaleProblem } from "~/domain/workers/language-evidence";
import { workerProfileSchema } from "~/domain/workers/profile-schema";
import { orderInput } from "../support/order-input";
import { workerInput } from "../support/workers";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

// Plausible dates, scores inside each test's scale, amounts in cents (docs/decisions/010-input-limits.md).

const fieldErrors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
const day = (years: number, days = 0) => shiftDay(today, { years, days });

describe("date windows", () => {
  it("shiftDay shifts today by years and days in UTC", () => {
    const today = isoDay(new Date("2028-02-29T23:30:00Z"));
    expect(today).toBe("2028-02-29");
    expect(shiftDay(today, { years: 1 })).toBe("2029-03-01");
    expect(shiftDay(today, { days: -1 })).toBe("2028-02-28");
  });

  it("the window counts from the today the schema is built for, not from the wall clock", () => {
    const onDay = jobOrderSchema("2030-06-01");
    expect(fieldErrors(onDay.safeParse(orderInput({ startDate: "2030-05-31" }))).startDate).toBe(
      "errors.start_in_past",
    );
    expect(onDay.safeParse(orderInput({ startDate: "2030-06-01" })).success).toBe(true);
    expect(onDay.safeParse(orderInput({ startDate: "2032-06-01" })).success).toBe(true);
    expect(fieldErrors(onDay.safeParse(orderInput({ startDate: "2032-06-02" }))).startDate).toBe(
      "errors.start_too_far",
    );
  });

  it.each([
    ["startDate", day(0, -1), "errors.start_in_past"],
    ["startDate", day(2, 1), "errors.start_too_far"],
    ["startDate", "9999-12-31", "errors.start_too_far"],
    ["startDate", "2027-02-30", "errors.date_invalid"],
  ])("job order %s %s → %s", (field, value, message) => {
    expect(fieldErrors(jobOrderSchema(today).safeParse(orderInput({ [field]: value })))[field]).toBe(message);
  });

  it("a start date today and one 2 years ahead are accepted", () => {
    expect(jobOrderSchema(today).safeParse(orderInput({ startDate: day(0) })).success).toBe(true);
    expect(jobOrderSchema(today).safeParse(orderInput({ startDate: day(2) })).success).toBe(true);
  });

  it.each([
    ["dateOfBirth", "0001-01-01", "errors.too_old"],
    ["dateOfBirth", day(-70, -1), "errors.too_old"],
    ["dateOfBirth", day(-18, 1), "errors.too_young"],
    ["availableFrom", "9999-12-31", "errors.available_from_range"],
    ["availableFrom", day(-2, -1), "errors.available_from_range"],
    ["passportExpiry", "2200-01-01", "errors.passport_expiry_range"],
  ])("worker %s %s → %s", (field, value, message) => {
    expect(fieldErrors(workerProfileSchema(today).safeParse(workerInput({ [field]: value })))[field]).toBe(message);
  });

  it("certificate and test dates stay within decades of today", () => {
    const r = workerProfileSchema(today).safeParse(
      workerInput({
        certificates: [{ code: "stcw_bst", issuedOn: day(0, 1), expiresOn: "9999-01-01" }],
        languages: [{ code: "en", kind: "ielts", score: 6, takenOn: "1900-01-01" }],
      }),
    );
    expect(fieldErrors(r)).toEqual({
      "certificates.0.issuedOn": "errors.issued_on_range",
      "certificates.0.expiresOn": "errors.expires_on_range",
      "languages.0.takenOn": "errors.taken_on_range",
    });
  });
});

describe("test scores inside each test's scale", () => {
  it.each([
    [{ kind: "ielts", score: 9.5 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts", score: 99 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts", score: 6.3 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts" }, "score", "errors.score_scale_ielts"],
    [{ kind: "toefl_ibt_120", score: 121 }, "score", "errors.score_scale_toefl_ibt_120"],
    [{ kind: "toefl_ibt_120", score: 80.5 }, "score", "errors.score_scale_toefl_ibt_120"],
    [{ kind: "toefl_ibt_6", score: 6.5 }, "score", "errors.score_scale_toefl_ibt_6"],
    [{ kind: "toefl_ibt_6", score: 0 }, "score", "errors.score_scale_toefl_ibt_6"],
    [{ kind: "toeic", score: 991 }, "score", "errors.score_scale_toeic"],
    [{ kind: "toeic", score: 603 }, "score", "errors.score_scale_toeic"],
    [{ kind: "jlpt", level: "N6" }, "level", "errors.level_scale_jlpt"],
    [{ kind: "jlpt", level: "N0" }, "level", "errors.level_scale_jlpt"],
    [{ kind: "jlpt", level: "N3", score: 181 }, "score", "errors.score_scale_jlpt"],
    [{ kind: "jft_basic", score: 251 }, "score", "errors.score_scale_jft_basic"],
    [{ kind: "topik", level: "7" }, "level", "errors.level_scale_topik"],
    [{ kind: "topik", level: "0" }, "level", "errors.level_scale_topik"],
    [{ kind: "topik", level: "4", score: 200 }, "score", "errors.score_not_for_test"],
    [{ kind: "testdaf", level: "6" }, "level", "errors.level_scale_testdaf"],
    [{ kind: "hsk", level: "9" }, "level", "errors.level_scale_hsk"],
    [{ kind: "cefr", level: "C3" }, "level", "errors.level_scale_cefr"],
    [{ kind: "ielts", level: "B2", score: 6 }, "level", "errors.level_not_for_test"],
  ] as const)("%o → %s %s", (evidence, field, message) => {
    expect(scaleProblem(evidence)).toEqual({ field, message });
    const r = workerProfileSchema(today).safeParse(workerInput({ languages: [{ code: "en", ...evidence }] as never }));
    expect(fieldErrors(r)[`languages.0.${field}`]).toBe(message);
  });

  it("every scale's ends are accepted", () => {
    for (const [kind, scale] of Object.entries(EVIDENCE_SCALES)) {
      const level = scale.levels?.[0];
      if (scale.score) {
        for (const score of [scale.score.min, scale.score.max])
          expect(scaleProblem({ kind: kind as never, level, score }), `${kind} ${score}`).toBeNull();
      } else {
        expect(scaleProblem({ kind: kind as never, level: scale.levels!.at(-1) }), kind).toBeNull();
      }
    }
  });
});

describe("amounts", () => {
  it.each([
    [-1, "errors.wage_positive"],
    [0, "errors.wage_positive"],
    [1e-300, "errors.amount_cents"],
    [0.001, "errors.amount_cents"],
    [1450.555, "errors.amount_cents"],
    [1e9, "errors.amount_too_large"],
    [Number.MAX_VALUE, "errors.amount_too_large"],
  ])("wage %s → %s", (wageAmount, message) => {
    expect(fieldErrors(jobOrderSchema(today).safeParse(orderInput({ wageAmount }))).wageAmount).toBe(message);
  });
  it("cents are fine", () => {
    for (const wageAmount of [0.01, 1450.5, 1450.55, 3_500_000, 100_000_000])
      expect(jobOrderSchema(today).safeParse(orderInput({ wageAmount })).success, String(wageAmount)).toBe(true);
  });
});
