import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { CERTIFICATE_CODES } from "../reference/certificates";
import { CURRENCY_CODES } from "../reference/currencies";
import { ISCO_CODES } from "../reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "../reference/languages";
import { isMaritime, SECTORS } from "../reference/sectors";
import type { IsoDay } from "../dates";
import { MATCH_PRIORITIES, OCCUPATION_SCOPES } from "../matching/gates";
import { amount, dateWithin } from "../input-ranges";
import { PHONE_PATTERN, text } from "../text-schema";

// The one job-order schema: the employer's form (conform, in the browser and on the server) and
// POST/PUT /api/v1/job-orders parse with it. Pure: "today" is a parameter (the request's, from the injected clock).

export const WAGE_PERIODS = ["hour", "day", "week", "month", "year"] as const;
export const PAYMENT_METHODS = ["bank_transfer", "cash", "bank_and_cash"] as const;
export const ACCOMMODATION = ["free", "deducted", "allowance", "none"] as const;
export const MEALS = ["free", "allowance", "none"] as const;
export const TRANSPORT = ["free", "allowance", "none"] as const;
export const INSURANCE = ["employer_paid", "statutory_shared"] as const;
/** Placement cost items the employer declares it pays (Art. 30(1) UU 18/2017: the worker pays none of them). */
export const PLACEMENT_COSTS = [
  "travel",
  "visa_permits",
  "training",
  "competency_test",
  "medical_check",
  "agency_fee",
  "insurance",
  "documents",
] as const;

/**
 * Flags repeated codes in a list. It sits on the array, not the object: an object-level refinement would not
 * run while any other field is wrong, and the user should see every error at once.
 */
const noDuplicateCodes = (message: string) => (items: { code: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message });
    seen.add(item.code);
  });
};
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

const LanguageRequirement = z.object({
  code: z.enum(LANGUAGES),
  minLevel: z.enum(CEFR_LEVELS),
});

const CertificateRequirement = z.object({
  code: z.enum(CERTIFICATE_CODES, { error: "errors.certificate_unknown" }),
  mandatory: z.boolean().default(false),
});

/** The job-order schema for a request made on `today` (the start date is counted from it). */
export const jobOrderSchema = (today: IsoDay) => buildJobOrderSchema(today);

const buildJobOrderSchema = (today: IsoDay | undefined) =>
  z
    .object({
      title: text({ min: 3, max: 120, tooShort: "errors.title_short" }),
      iscoCode: z.preprocess(
        (v) => (typeof v === "string" ? v.trim() : v),
        z.enum(ISCO_CODES, { error: "errors.isco_unknown" }),
      ),
      sector: z.enum(SECTORS),
      country: z.preprocess(
        upper,
        z
          .enum(COUNTRY_CODES, { error: "errors.country_unknown" })
          .refine((c) => c !== "ID", { error: "errors.destination_abroad" }),
      ),
      city: text({ max: 120 }).optional(),
      vesselName: text({ max: 120 }).optional(),
      vesselType: text({ max: 80 }).optional(),
      positions: z
        .number({ error: "errors.whole_number" })
        .int({ error: "errors.whole_number" })
        .min(1, { error: "errors.positions_min" })
        .max(1000, { error: "errors.positions_max" }),
      wageAmount: amount(),
      wageCurrency: z.preprocess(upper, z.enum(CURRENCY_CODES, { error: "errors.currency_unknown" })),
      wagePeriod: z.enum(WAGE_PERIODS),
      paymentMethod: z.enum(PAYMENT_METHODS).default("bank_transfer"),
      hoursPerWeek: z
        .number({ error: "errors.number" })
        .min(1, { error: "errors.hours_range" })
        .max(84, { error: "errors.hours_range" }),
      restDaysPerWeek: z.number({ error: "errors.whole_number" }).int({ error: "errors.whole_number" }).min(0).max(7),
      annualLeaveDays: z.number({ error: "errors.whole_number" }).int({ error: "errors.whole_number" }).min(0).max(60),
      contractMonths: z
        .number({ error: "errors.whole_number" })
        .int({ error: "errors.whole_number" })
        .min(1, { error: "errors.contract_min" })
        .max(60, { error: "errors.contract_max" }),
      startDate: dateWithin(
        { from: {}, to: { years: 2 }, tooEarly: "errors.start_in_past", tooLate: "errors.start_too_far" },
        today,
      ),
      accommodation: z.enum(ACCOMMODATION),
      meals: z.enum(MEALS),
      transport: z.enum(TRANSPORT),
      insurance: z.enum(INSURANCE),
      employerPaysPlacementCosts: z.literal(true, { error: "errors.employer_must_pay" }),
      languages: z
        .array(LanguageRequirement)
        .max(5)
        .superRefine(noDuplicateCodes("errors.duplicate_language"))
        .default([]),
      certificates: z
        .array(CertificateRequirement)
        .max(12)
        .superRefine(noDuplicateCodes("errors.duplicate_certificate"))
        .default([]),
      minExperienceYears: z
        .number({ error: "errors.whole_number" })
        .int({ error: "errors.whole_number" })
        .min(0)
        .max(40)
        .default(0),
      // Absent = the defaults (decision 020): this occupation only for regulated professions, else related ones;
      // experience first. Orders stored before these fields existed read the same way.
      occupationScope: z.enum(OCCUPATION_SCOPES).optional(),
      matchPriority: z.enum(MATCH_PRIORITIES).optional(),
      descriptionEn: text({ min: 20, max: 5000, multiline: true, tooShort: "errors.description_short" }),
      descriptionId: text({ max: 5000, multiline: true }).optional(),
    })
    .superRefine((v, ctx) => {
      if (isMaritime(v.sector) && !v.vesselName) {
        ctx.addIssue({ code: "custom", path: ["vesselName"], message: "errors.vessel_required" });
      }
      // More than 14 hours a working day is not a schedule (MLC's own daily maximum of work is 14 hours).
      const workingDays = 7 - v.restDaysPerWeek;
      if (workingDays === 0 || v.hoursPerWeek / workingDays > 14) {
        ctx.addIssue({ code: "custom", path: ["restDaysPerWeek"], message: "errors.rest_days_impossible" });
      }
    });

/** What a new job-order form starts with. */
export const JOB_ORDER_FORM_DEFAULTS = {
  wagePeriod: "month",
  paymentMethod: "bank_transfer",
  restDaysPerWeek: 1,
  annualLeaveDays: 12,
  minExperienceYears: 0,
  languages: [{ code: "en", minLevel: "A2" }],
  certificates: [],
} satisfies Partial<JobOrderInput>;

/**
 * The shape without the window around today, for OpenAPI and the types: nothing parses with it (lint forbids it;
 * parse with jobOrderSchema(today)).
 */
export const JobOrderSchema = buildJobOrderSchema(undefined);
export type JobOrderInput = z.infer<typeof JobOrderSchema>;

export const VERIFICATION_DECISIONS = ["approve", "return", "reject"] as const;
export const DECISION_REASONS = [
  "missing_information",
  "wage_below_minimum",
  "hours_exceed_maximum",
  "costs_to_worker",
  "contract_terms",
  "employer_unverified",
  "problem_employer",
  "closed_destination",
  "suspected_fraud",
  "other",
] as const;

export const VerificationSchema = z
  .object({
    decision: z.enum(VERIFICATION_DECISIONS),
    reason: z.enum(DECISION_REASONS).optional(),
    note: text({ max: 2000, multiline: true }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "approve" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.reason_required" });
    if (v.reason === "other" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "errors.note_required" });
  });
export type VerificationInput = z.infer<typeof VerificationSchema>;

export const RevokeSchema = z.object({
  reason: z.enum(DECISION_REASONS),
  note: text({ max: 2000, multiline: true }).optional(),
});

export const RecordFilledSchema = z.object({
  positionsFilled: z.number({ error: "errors.whole_number" }).int({ error: "errors.whole_number" }).min(0),
});

export const EmployerDetailsSchema = z.object({
  registrationNumber: text({ min: 2, max: 80 }),
  address: text({ min: 10, max: 400, multiline: true, tooShort: "errors.address_short" }),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "errors.email_invalid" })),
  contactPhone: z.string().trim().regex(PHONE_PATTERN, { error: "errors.phone_invalid" }),
});
export type EmployerDetailsInput = z.infer<typeof EmployerDetailsSchema>;
