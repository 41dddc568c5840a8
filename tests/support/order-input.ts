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

/** The order as the employer's browser posts it (conform's field names for lists). */
export function orderForm(patch: Record<string, string> = {}): Record<string, string> {
  const o = orderInput();
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === "languages" || k === "certificates") continue;
    if (typeof v === "boolean") {
      if (v) form[k] = "on";
      continue;
    }
    if (v !== undefined) form[k] = String(v);
  }
  Object.assign(form, {
    "languages[0].code": "en",
    "languages[0].minLevel": "B1",
    "certificates[0].code": "stcw_bst",
    "certificates[0].mandatory": "on",
    "certificates[1].code": "crowd_management",
  });
  return { ...form, ...patch };
}
