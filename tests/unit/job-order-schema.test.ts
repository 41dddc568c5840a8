import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema, VerificationSchema } from "~/domain/job-orders/schema";
import { isMessageKey } from "~/i18n/translate";
import { orderInput } from "../support/order-input";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

const validOrder = orderInput();

const errors = (input: unknown) => {
  const r = jobOrderSchema(today).safeParse(input);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
};

describe("the job order schema", () => {
  it("accepts a complete order", () => {
    expect(errors(validOrder)).toEqual({});
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ["unknown currency", { wageCurrency: "XYZ" }, { wageCurrency: "errors.currency_unknown" }],
    ["negative wage", { wageAmount: -5 }, { wageAmount: "errors.wage_positive" }],
    ["0 positions", { positions: 0 }, { positions: "errors.positions_min" }],
    ["start date in the past", { startDate: "2020-01-01" }, { startDate: "errors.start_in_past" }],
    ["contract shorter than a month", { contractMonths: 0 }, { contractMonths: "errors.contract_min" }],
    ["unknown ISCO code", { iscoCode: "9999" }, { iscoCode: "errors.isco_unknown" }],
    [
      "duplicate language",
      {
        languages: [
          { code: "en", minLevel: "B1" },
          { code: "en", minLevel: "B2" },
        ],
      },
      { "languages.1.code": "errors.duplicate_language" },
    ],
    [
      "duplicate certificate",
      {
        certificates: [
          { code: "stcw_bst", mandatory: true },
          { code: "stcw_bst", mandatory: false },
        ],
      },
      { "certificates.1.code": "errors.duplicate_certificate" },
    ],
    [
      "unknown certificate",
      { certificates: [{ code: "pilot_licence", mandatory: true }] },
      { "certificates.0.code": "errors.certificate_unknown" },
    ],
    [
      "worker made to pay",
      { employerPaysPlacementCosts: false },
      { employerPaysPlacementCosts: "errors.employer_must_pay" },
    ],
    ["maritime order without a vessel", { vesselName: undefined }, { vesselName: "errors.vessel_required" }],
    ["no working day", { restDaysPerWeek: 7 }, { restDaysPerWeek: "errors.rest_days_impossible" }],
    ["fractional positions", { positions: 1.5 }, { positions: "errors.whole_number" }],
  ])("%s → a clear field error", (_name, patch, expected) => {
    const found = errors({ ...validOrder, ...patch });
    expect(found).toEqual(expected);
    for (const key of Object.values(found)) expect(isMessageKey(key)).toBe(true);
  });

  it("normalises codes; never truncates an unknown ISCO code into a known one; destinations are abroad", () => {
    const r = jobOrderSchema(today).parse({ ...validOrder, wageCurrency: "usd", country: "us", iscoCode: " 5131 " });
    expect(r).toMatchObject({ wageCurrency: "USD", country: "US", iscoCode: "5131" });
    expect(errors({ ...validOrder, iscoCode: "51319" })).toEqual({ iscoCode: "errors.isco_unknown" });
    expect(errors({ ...validOrder, country: "ID" })).toEqual({ country: "errors.destination_abroad" });
  });

  it("requires a reason to return or reject, and a note for 'other'", () => {
    expect(VerificationSchema.safeParse({ decision: "approve" }).success).toBe(true);
    expect(VerificationSchema.safeParse({ decision: "reject" }).error?.issues[0]?.message).toBe(
      "errors.reason_required",
    );
    expect(VerificationSchema.safeParse({ decision: "return", reason: "other" }).error?.issues[0]?.message).toBe(
      "errors.note_required",
    );
  });
});
