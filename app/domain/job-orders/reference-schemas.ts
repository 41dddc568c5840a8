import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { CURRENCY_CODES } from "../reference/currencies";
import { ISCO_CODES } from "../reference/isco";
import type { IsoDay } from "../dates";
import { amount, dateWithin } from "../input-ranges";
import { text } from "../text-schema";
import { WAGE_PERIODS } from "./schema";

const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

/** A problem-employer listing, on `today` (the listing date cannot be in the future). */
export const problemListingSchema = (today: IsoDay) =>
  z.object({
    employer: text({ min: 1, max: 200, tooShort: "errors.choose_option" }),
    reason: text({ min: 3, max: 500, multiline: true, tooShort: "errors.reason_required" }),
    listedOn: dateWithin(
      { from: { years: -30 }, to: {}, tooEarly: "errors.listed_on_range", tooLate: "errors.listed_on_range" },
      today,
    ).optional(),
  });

export const StandardSchema = z
  .object({
    country: z.preprocess(upper, z.enum(COUNTRY_CODES, { error: "errors.country_unknown" })),
    iscoCode: z.enum(ISCO_CODES, { error: "errors.isco_unknown" }).optional(),
    minWageAmount: amount().optional(),
    minWageCurrency: z.preprocess(upper, z.enum(CURRENCY_CODES, { error: "errors.currency_unknown" })).optional(),
    minWagePeriod: z.enum(WAGE_PERIODS).optional(),
    maxHoursPerWeek: z
      .number({ error: "errors.number" })
      .min(1, { error: "errors.hours_range" })
      .max(84, { error: "errors.hours_range" })
      .optional(),
    source: text({ max: 300 }).optional(),
  })
  .superRefine((v, ctx) => {
    const wageParts = [v.minWageAmount, v.minWageCurrency, v.minWagePeriod].filter((x) => x !== undefined).length;
    if (wageParts > 0 && wageParts < 3) {
      for (const k of ["minWageAmount", "minWageCurrency", "minWagePeriod"] as const) {
        if (v[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: "errors.required" });
      }
    }
    if (wageParts === 0 && v.maxHoursPerWeek === undefined)
      ctx.addIssue({ code: "custom", path: ["minWageAmount"], message: "errors.standard_needs_value" });
  });
