import { defaultOccupationScope } from "~/domain/matching/occupation-scope";
import { describe, expect, it } from "vitest";
import { AcceptBoothInvitationSchema, InviteLeadSchema, jobOrderDraftOfVacancy } from "~/domain/booth/invitation";
import { matchOrderOfVacancy, vacancySchema } from "~/domain/booth/vacancy";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import type { MatchOrder } from "~/domain/matching/gates";

// The job order drafted from a booth lead starts from the vacancy the visitor described: saved as it comes (with
// the wage, hours, conditions and description the employer must add), the engine reads the very order the kiosk
// counted for, so the ministry's count for it is the count the visitor saw.

const today = "2026-12-04";
const vacancies = [
  {
    iscoCode: "5131",
    sector: "cruise",
    country: "US",
    positions: 24,
    startMonth: "2027-03",
    contractMonths: 8,
    languages: [{ code: "en", minLevel: "B1" }],
    certificates: ["stcw_bst", "crowd_management"],
  },
  // this month: the start is today, not the first of the month
  {
    iscoCode: "5322",
    sector: "care_work",
    country: "JP",
    positions: 3,
    startMonth: "2026-12",
    contractMonths: 36,
    languages: [],
    certificates: [],
  },
].map((v) => vacancySchema(today).parse(v));

const employerAdds = {
  wageAmount: 1800,
  wageCurrency: "USD",
  hoursPerWeek: 48,
  accommodation: "free",
  meals: "free",
  transport: "free",
  insurance: "employer_paid",
  employerPaysPlacementCosts: true,
  descriptionEn: "Serve guests in the main dining room of a large ship.",
  vesselName: "MS Aurora",
};

describe("jobOrderDraftOfVacancy", () => {
  it.each(vacancies.map((v) => [v.iscoCode, v] as const))("%s: the saved draft is the kiosk's order", (_, v) => {
    const draft = jobOrderDraftOfVacancy(v, today);
    const saved = jobOrderSchema(today).parse({ ...draft, ...employerAdds });
    const engineOrder: MatchOrder = {
      iscoCode: saved.iscoCode,
      sector: saved.sector,
      occupationScope: saved.occupationScope ?? defaultOccupationScope(saved.iscoCode),
      priority: saved.matchPriority ?? "experience",
      country: saved.country,
      startDate: saved.startDate,
      contractMonths: saved.contractMonths,
      minExperienceYears: saved.minExperienceYears,
      languages: saved.languages,
      certificates: saved.certificates,
    };
    expect(engineOrder).toEqual(matchOrderOfVacancy(v, today));
    expect(saved.positions).toBe(v.positions);
  });

  it("names the occupation and keeps the form's defaults for what the visitor did not say", () => {
    const draft = jobOrderDraftOfVacancy(vacancies[0]!, today);
    expect(draft.title).toBe("Waiters");
    expect(draft).toMatchObject({ wagePeriod: "month", restDaysPerWeek: 1, annualLeaveDays: 12 });
    expect(draft.wageAmount).toBeUndefined();
    expect(draft.employerPaysPlacementCosts).toBeUndefined();
  });
});

describe("the invitation's schemas", () => {
  it("take an address, lower-cased; refuse anything else by field", () => {
    expect(InviteLeadSchema.parse({ email: " Ingrid@Nordic.Example " }).email).toBe("ingrid@nordic.example");
    const bad = InviteLeadSchema.safeParse({ email: "not an address" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["email"]);
  });

  it("accepting asks for a name, organisation, country abroad and a password, never the address", () => {
    const r = AcceptBoothInvitationSchema.safeParse({
      name: "",
      organisationName: "x",
      country: "ID",
      password: "short",
    });
    expect(r.success).toBe(false);
    expect(new Set(r.error?.issues.map((i) => i.path[0]))).toEqual(
      new Set(["name", "organisationName", "country", "password"]),
    );
    const ok = AcceptBoothInvitationSchema.parse({
      name: "Ingrid",
      organisationName: "Nordic Ferries AS",
      country: "NO",
      password: "lighthouse-ferry-morning",
      email: "someone-else@example.com",
    });
    expect(ok).not.toHaveProperty("email");
  });
});
