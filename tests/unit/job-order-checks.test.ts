import { describe, expect, it } from "vitest";
import { checkJobOrder, monthlyWage, type DestinationStandard } from "~/domain/job-orders/checks";

const std = (s: Partial<DestinationStandard>): DestinationStandard => ({
  country: "HK",
  iscoCode: null,
  minWageAmount: null,
  minWageCurrency: null,
  minWagePeriod: null,
  maxHoursPerWeek: null,
  source: "test",
  ...s,
});
const order = {
  country: "HK",
  iscoCode: "9111",
  wageAmount: 5100,
  wageCurrency: "HKD",
  wagePeriod: "month" as const,
  hoursPerWeek: 48,
  restDaysPerWeek: 1,
};

describe("automatic checks on a job order", () => {
  it("converts wages to a monthly figure with the order's own hours", () => {
    expect(monthlyWage(10, "hour", 48, 1)).toBeCloseTo(2080, 5);
    expect(monthlyWage(100, "day", 48, 1)).toBeCloseTo(2600, 5);
    expect(monthlyWage(12000, "year", 48, 1)).toBe(1000);
  });

  it("flags a wage below the occupation's recorded minimum, not one at it", () => {
    const floors = [std({ iscoCode: "9111", minWageAmount: 5100, minWageCurrency: "HKD", minWagePeriod: "month" })];
    expect(checkJobOrder(order, floors, null)).toEqual([]);
    expect(checkJobOrder({ ...order, wageAmount: 4990 }, floors, null)).toEqual([
      { kind: "flag_wage_below_minimum", monthlyOffered: 4990, monthlyMinimum: 5100, currency: "HKD", source: "test" },
    ]);
  });

  it("prefers the occupation's standard over the country-wide one, and ignores other countries", () => {
    const floors = [
      std({ iscoCode: null, minWageAmount: 9000, minWageCurrency: "HKD", minWagePeriod: "month" }),
      std({ iscoCode: "9111", minWageAmount: 5100, minWageCurrency: "HKD", minWagePeriod: "month" }),
      std({ country: "TW", minWageAmount: 1e9, minWageCurrency: "HKD", minWagePeriod: "month" }),
    ];
    expect(checkJobOrder(order, floors, null)).toEqual([]);
    expect(checkJobOrder({ ...order, iscoCode: "5120" }, floors, null).map((f) => f.kind)).toEqual([
      "flag_wage_below_minimum",
    ]);
  });

  it("an occupation row that records only hours does not hide the country's wage floor (and the reverse)", () => {
    const floors = [
      std({ iscoCode: null, minWageAmount: 5100, minWageCurrency: "HKD", minWagePeriod: "month" }),
      std({ iscoCode: "9111", maxHoursPerWeek: 48 }),
    ];
    expect(
      checkJobOrder({ ...order, wageAmount: 1000, hoursPerWeek: 60 }, floors, null)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(["flag_hours_over_maximum", "flag_wage_below_minimum"]);
    const reverse = [
      std({ iscoCode: null, maxHoursPerWeek: 48 }),
      std({ iscoCode: "9111", minWageAmount: 5100, minWageCurrency: "HKD", minWagePeriod: "month" }),
    ];
    expect(checkJobOrder({ ...order, hoursPerWeek: 60 }, reverse, null).map((f) => f.kind)).toEqual([
      "flag_hours_over_maximum",
    ]);
  });

  it("compares hourly floors through the order's hours", () => {
    const floors = [std({ country: "JP", minWageAmount: 1121, minWageCurrency: "JPY", minWagePeriod: "hour" })];
    const jp = { ...order, country: "JP", wageCurrency: "JPY", hoursPerWeek: 40, restDaysPerWeek: 2 };
    expect(checkJobOrder({ ...jp, wageAmount: 200_000 }, floors, null)).toEqual([]);
    expect(checkJobOrder({ ...jp, wageAmount: 180_000 }, floors, null).map((f) => f.kind)).toEqual([
      "flag_wage_below_minimum",
    ]);
  });

  it("says so when the floor is in another currency instead of guessing an exchange rate", () => {
    const floors = [std({ minWageAmount: 5100, minWageCurrency: "HKD", minWagePeriod: "month" })];
    expect(checkJobOrder({ ...order, wageCurrency: "USD", wageAmount: 600 }, floors, null).map((f) => f.kind)).toEqual([
      "flag_wage_currency_differs",
    ]);
  });

  it("flags hours over the recorded maximum and holds a problem employer", () => {
    const floors = [std({ maxHoursPerWeek: 48 })];
    expect(checkJobOrder({ ...order, hoursPerWeek: 60 }, floors, null)).toEqual([
      { kind: "flag_hours_over_maximum", hours: 60, maximum: 48, source: "test" },
    ]);
    expect(checkJobOrder(order, [], { reason: "unpaid wages", listedOn: "2026-01-05" })).toEqual([
      { kind: "hold_problem_employer", reason: "unpaid wages", listedOn: "2026-01-05" },
    ]);
  });
});
