import { z } from "../zod-messages";
import { DESTINATION_CODES } from "../countries";
import { addMonths, type IsoDay } from "../dates";
import type { MatchOrder } from "../matching/gates";
import { defaultOccupationScope } from "../matching/occupation-scope";
import { CERTIFICATE_CODES } from "../reference/certificates";
import { ISCO_CODES } from "../reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "../reference/languages";
import { SECTORS } from "../reference/sectors";

// A vacancy as a visitor describes it at the booth's kiosk: what the screen counts candidates for, what a lead
// carries as its demand signal, and what a job order drafted from the lead starts from. One schema for the kiosk's
// count request, the lead form and the phone handoff. Pure: "today" is a parameter.

/** At most this many requirements of each kind: every one is a filter clause on each keystroke's count. */
export const VACANCY_MAX_LANGUAGES = 3;
export const VACANCY_MAX_CERTIFICATES = 4;
/** The start month may lie this many months ahead (a job order's start date may lie two years ahead). */
export const VACANCY_START_MONTHS_AHEAD = 24;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const noDuplicates = (message: string) => (items: string[], ctx: z.RefinementCtx) => {
  items.forEach((item, i) => {
    if (items.indexOf(item) !== i) ctx.addIssue({ code: "custom", path: [i], message });
  });
};

const whole = (min: number, max: number, tooSmall: string, tooLarge: string) =>
  z
    .number({ error: "errors.whole_number" })
    .int({ error: "errors.whole_number" })
    .min(min, { error: tooSmall })
    .max(max, { error: tooLarge });

const buildVacancySchema = (today: IsoDay | undefined) =>
  z.object({
    iscoCode: z.enum(ISCO_CODES, { error: "errors.isco_unknown" }),
    sector: z.enum(SECTORS),
    country: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
      z.enum(DESTINATION_CODES as [string, ...string[]], { error: "errors.destination_abroad" }),
    ),
    positions: whole(1, 1000, "errors.positions_min", "errors.positions_max"),
    startMonth: z
      .string({ error: "errors.start_month_invalid" })
      .regex(MONTH, { error: "errors.start_month_invalid" })
      .refine((m) => today === undefined || m >= today.slice(0, 7), { error: "errors.start_month_past" })
      .refine((m) => today === undefined || m <= addMonths(today, VACANCY_START_MONTHS_AHEAD).slice(0, 7), {
        error: "errors.start_month_too_far",
      }),
    contractMonths: whole(1, 60, "errors.contract_min", "errors.contract_max"),
    languages: z
      .array(z.object({ code: z.enum(LANGUAGES), minLevel: z.enum(CEFR_LEVELS) }))
      .max(VACANCY_MAX_LANGUAGES, { error: "errors.vacancy_too_many_languages" })
      .superRefine((items, ctx) =>
        noDuplicates("errors.duplicate_language")(
          items.map((l) => l.code),
          ctx,
        ),
      )
      .default([]),
    certificates: z
      .array(z.enum(CERTIFICATE_CODES, { error: "errors.certificate_unknown" }))
      .max(VACANCY_MAX_CERTIFICATES, { error: "errors.vacancy_too_many_certificates" })
      .superRefine(noDuplicates("errors.duplicate_certificate"))
      .default([]),
  });

/** The vacancy schema for a request made on `today` (the start month is counted from today's month). */
export const vacancySchema = (today: IsoDay) => buildVacancySchema(today);

/** The shape without the window around today, for types and documentation; parse with vacancySchema(today). */
export const VacancySchema = buildVacancySchema(undefined);
export type Vacancy = z.infer<typeof VacancySchema>;

/** The first day a vacancy starting in `startMonth` can start when asked on `today`: today, within this month. */
export function vacancyStartDate(v: Pick<Vacancy, "startMonth">, today: IsoDay): IsoDay {
  const first = `${v.startMonth}-01`;
  return first > today ? first : today;
}

/**
 * The vacancy as the matching engine's order: what the kiosk counts is what the engine would rank for a job order
 * with these fields (no minimum experience; every certificate the visitor names is required).
 */
export function matchOrderOfVacancy(v: Vacancy, today: IsoDay): MatchOrder {
  return {
    iscoCode: v.iscoCode,
    sector: v.sector,
    occupationScope: defaultOccupationScope(v.iscoCode),
    priority: "experience",
    country: v.country,
    startDate: vacancyStartDate(v, today),
    contractMonths: v.contractMonths,
    minExperienceYears: 0,
    languages: v.languages,
    certificates: v.certificates.map((code) => ({ code, mandatory: true })),
  };
}
