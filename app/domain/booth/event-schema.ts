import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import type { IsoDay } from "../dates";
import { dateWithin } from "../input-ranges";
import { text } from "../text-schema";
import { email } from "../schemas/auth";

// A trade-forum event (issue 14), as the administration page and any later API parse it.

export const KIOSK_LOCALES = ["en", "id"] as const;
export type KioskLocale = (typeof KIOSK_LOCALES)[number];
export const LEAD_RETENTION_DAYS = { min: 30, max: 730, default: 180 } as const;

/** An event may be recorded up to a year after it began (results kept) and up to three years ahead. */
const eventDay = (today: IsoDay | undefined) =>
  dateWithin(
    { from: { years: -1 }, to: { years: 3 }, tooEarly: "errors.event_date_past", tooLate: "errors.event_date_far" },
    today,
  );

/** An event, on `today`; without `today` only the shapes (for documentation). */
export const eventSchema = (today?: IsoDay) =>
  z
    .object({
      name: text({ min: 3, max: 160, tooShort: "errors.event_name_short" }),
      city: text({ min: 2, max: 120 }),
      country: z.preprocess(
        (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
        z.enum(COUNTRY_CODES, { error: "errors.country_unknown" }),
      ),
      venue: text({ min: 2, max: 200 }),
      startsOn: eventDay(today),
      endsOn: eventDay(today),
      kioskLocales: z
        .array(z.enum(KIOSK_LOCALES, { error: "errors.choose_option" }), { error: "errors.kiosk_locales_required" })
        .min(1, { error: "errors.kiosk_locales_required" })
        .max(KIOSK_LOCALES.length)
        .transform((ls) => KIOSK_LOCALES.filter((l) => ls.includes(l))),
      leadRetentionDays: z
        .number({ error: "errors.whole_number" })
        .int({ error: "errors.whole_number" })
        .min(LEAD_RETENTION_DAYS.min, { error: "errors.lead_retention_range" })
        .max(LEAD_RETENTION_DAYS.max, { error: "errors.lead_retention_range" })
        .default(LEAD_RETENTION_DAYS.default),
    })
    .superRefine((v, ctx) => {
      if (v.endsOn < v.startsOn)
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "errors.event_ends_before" });
    });
export type EventInput = z.infer<ReturnType<typeof eventSchema>>;

/** Adding a member of the booth's staff: a ministry or mission user, by email address. */
export const eventStaffSchema = z.object({
  email,
});

/** The enrolment code alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B (read off a screen, typed on a touch keyboard). */
export const ENROL_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const ENROL_CODE_LENGTH = 8;

/** A kiosk typing its enrolment code: case, spaces and dashes do not matter ("acd3-fg4h"). */
export const enrolCodeSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.toUpperCase().replace(/[\s-]/g, "") : v),
    z
      .string({ error: "errors.enrol_code_invalid" })
      .length(ENROL_CODE_LENGTH, { error: "errors.enrol_code_invalid" })
      .regex(new RegExp(`^[${ENROL_CODE_ALPHABET}]+$`), { error: "errors.enrol_code_invalid" }),
  ),
});

/** A new kiosk's label ("Booth left screen"). */
export const kioskLabelSchema = z.object({
  label: text({ min: 2, max: 80, tooShort: "errors.kiosk_label_short" }),
});
