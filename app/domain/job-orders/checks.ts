import type { JobOrderInput } from "./schema";

// Automatic checks shown to the verifier. A problem-employer listing is a hold (approval impossible);
// wage and hours against the destination's recorded standards are flags (the verifier decides).

export interface DestinationStandard {
  country: string;
  /** null: applies to every occupation in the country */
  iscoCode: string | null;
  minWageAmount: number | null;
  minWageCurrency: string | null;
  minWagePeriod: "hour" | "day" | "week" | "month" | "year" | null;
  maxHoursPerWeek: number | null;
  source: string | null;
}

export type CheckFinding =
  | { kind: "hold_problem_employer"; reason: string; listedOn: string }
  | {
      kind: "flag_wage_below_minimum";
      monthlyOffered: number;
      monthlyMinimum: number;
      currency: string;
      source: string | null;
    }
  | {
      kind: "flag_wage_currency_differs";
      floorCurrency: string;
      orderCurrency: string;
      minimum: number;
      period: string;
      source: string | null;
    }
  | { kind: "flag_hours_over_maximum"; hours: number; maximum: number; source: string | null };

const WEEKS_PER_MONTH = 52 / 12;

/** A wage expressed per month, using the order's own hours and working days. */
export function monthlyWage(
  amount: number,
  period: JobOrderInput["wagePeriod"],
  hoursPerWeek: number,
  restDaysPerWeek: number,
): number {
  switch (period) {
    case "hour":
      return amount * hoursPerWeek * WEEKS_PER_MONTH;
    case "day":
      return amount * (7 - restDaysPerWeek) * WEEKS_PER_MONTH;
    case "week":
      return amount * WEEKS_PER_MONTH;
    case "month":
      return amount;
    case "year":
      return amount / 12;
  }
}

/**
 * The most specific standard that records `has`: the occupation's own, else the country-wide one. Wage and hours
 * are picked separately, so an occupation row that records only hours never hides the country's wage floor.
 */
export function pickStandard(
  standards: readonly DestinationStandard[],
  country: string,
  iscoCode: string,
  has: (s: DestinationStandard) => boolean,
): DestinationStandard | undefined {
  const forCountry = standards.filter((s) => s.country === country && has(s));
  return forCountry.find((s) => s.iscoCode === iscoCode) ?? forCountry.find((s) => s.iscoCode === null);
}

export function checkJobOrder(
  order: Pick<
    JobOrderInput,
    "country" | "iscoCode" | "wageAmount" | "wageCurrency" | "wagePeriod" | "hoursPerWeek" | "restDaysPerWeek"
  >,
  standards: readonly DestinationStandard[],
  problemListing: { reason: string; listedOn: string } | null,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  if (problemListing) findings.push({ kind: "hold_problem_employer", ...problemListing });
  const std = pickStandard(
    standards,
    order.country,
    order.iscoCode,
    (s) => s.minWageAmount != null && !!s.minWageCurrency && !!s.minWagePeriod,
  );
  if (std?.minWageAmount != null && std.minWageCurrency && std.minWagePeriod) {
    if (std.minWageCurrency !== order.wageCurrency) {
      findings.push({
        kind: "flag_wage_currency_differs",
        floorCurrency: std.minWageCurrency,
        orderCurrency: order.wageCurrency,
        minimum: std.minWageAmount,
        period: std.minWagePeriod,
        source: std.source,
      });
    } else {
      const offered = monthlyWage(order.wageAmount, order.wagePeriod, order.hoursPerWeek, order.restDaysPerWeek);
      const minimum = monthlyWage(std.minWageAmount, std.minWagePeriod, order.hoursPerWeek, order.restDaysPerWeek);
      // cents: rounding of a monthly conversion must not flag an order paying exactly the floor
      if (Math.round(offered * 100) < Math.round(minimum * 100)) {
        findings.push({
          kind: "flag_wage_below_minimum",
          monthlyOffered: round2(offered),
          monthlyMinimum: round2(minimum),
          currency: order.wageCurrency,
          source: std.source,
        });
      }
    }
  }
  const hoursStd = pickStandard(standards, order.country, order.iscoCode, (s) => s.maxHoursPerWeek != null);
  if (hoursStd?.maxHoursPerWeek != null && order.hoursPerWeek > hoursStd.maxHoursPerWeek) {
    findings.push({
      kind: "flag_hours_over_maximum",
      hours: order.hoursPerWeek,
      maximum: hoursStd.maxHoursPerWeek,
      source: hoursStd.source,
    });
  }
  return findings;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
export const isHold = (f: CheckFinding) => f.kind.startsWith("hold_");
