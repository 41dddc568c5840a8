import type { JobOrderInput } from "~/domain/job-orders/schema";

// A complete, valid job order (a cruise waiter in Miami): tests change one field at a time.
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function orderInput(patch: Partial<Record<keyof JobOrderInput, unknown>> = {}): Record<string, unknown> {
  return {
    title: "Assistant Waiter",
    iscoCode: "5131",
    sector: "cruise",
    country: "US",
    city: "Miami",
    vesselName: "Aurora Star",
    vesselType: "cruise ship",
    positions: 12,
    wageAmount: 1450,
    wageCurrency: "USD",
    wagePeriod: "month",
    hoursPerWeek: 70,
    restDaysPerWeek: 1,
    annualLeaveDays: 30,
    contractMonths: 8,
    startDate: inAYear(),
    accommodation: "free",
    meals: "free",
    transport: "free",
    insurance: "employer_paid",
    employerPaysPlacementCosts: true,
    languages: [{ code: "en", minLevel: "B1" }],
    certificates: [{ code: "stcw_bst", mandatory: true }],
    minExperienceYears: 1,
    descriptionEn: "Serve guests in the main dining room of a 3,000-passenger ship.",
    ...patch,
  };
}

