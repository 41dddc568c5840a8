import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { addDays, isoDay, type IsoDay } from "../dates";
import { email, personName } from "../schemas/auth";
import { PHONE_PATTERN, text } from "../text-schema";
import { vacancySchema, type Vacancy } from "./vacancy";
import { fromVacancyQuery } from "./vacancy-query";

// A visitor's lead as the kiosk (and the visitor's own phone) sends it: who they are, what they agreed to, and the
// vacancy they described (as the count's query string, parsed by the vacancy schema). The id is the device's own
// UUID, made when the visitor pressed "Send": a lead queued offline and sent again is the same lead. One schema for
// the kiosk's form (checked in the browser before queueing) and the endpoint that stores it.

/**
 * The consent wording's versions, newest first. A lead records the version its visitor read; a lead queued on a
 * device before a change of wording still arrives with the version it was captured under, so every version that a
 * device may still hold stays listed.
 */
export const LEAD_CONSENT_VERSIONS = ["2026-12-04"] as const;
export const LEAD_CONSENT_VERSION = LEAD_CONSENT_VERSIONS[0];

/**
 * The EU and EEA states (and Switzerland and the United Kingdom, whose laws follow the GDPR): their visitors read the
 * GDPR's wording (controller, lawful basis, rights, withdrawal); everyone else reads the wording under Indonesia's
 * Personal Data Protection Law (UU 27/2022), which applies to the ministry either way.
 */
export const GDPR_COUNTRIES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
  "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
]; // prettier-ignore

export type ConsentWording = "gdpr" | "pdp";
export const consentWordingFor = (country: string | null | undefined): ConsentWording =>
  country && GDPR_COUNTRIES.includes(country) ? "gdpr" : "pdp";

/** A lead may say it was captured up to a day before its event began (a kiosk set up the evening before). */
export const LEAD_EARLIEST_BEFORE_EVENT_DAYS = 1;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text({ min: 1, max }).optional());

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A company's website: a host name with an optional path, http(s) only; "nordicferries.no" gets https://. */
export const website = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (s === "") return undefined;
    return /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  },
  z
    .string()
    .max(200, { error: "errors.too_long" })
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "errors.website_invalid" }))
    .optional(),
);

export const leadPhone = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v),
  z.string().regex(PHONE_PATTERN, { error: "errors.phone_invalid" }).optional(),
);

/** The lead form's fields (what the visitor types and ticks), shared by the kiosk's form and the phone's. */
export const leadContactSchema = z.object({
  name: personName,
  company: text({ min: 2, max: 160 }),
  jobTitle: optionalText(120),
  email,
  phone: leadPhone,
  country: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(COUNTRY_CODES, { error: "errors.country_unknown" }),
  ),
  // not "website": that is the public forms' honeypot
  companyWebsite: website,
  // the ministry may only follow up a visitor who agreed to be contacted: the reason the form exists
  consentContact: checkbox.refine((v) => v, { error: "errors.lead_consent_contact_required" }),
  consentShare: checkbox,
});
export type LeadContact = z.infer<typeof leadContactSchema>;

/**
 * A lead as it arrives at the endpoint: the contact, the device's UUID, when it was captured (clamped to the
 * event's window by the service), the wording version read, the screen's language and the vacancy.
 */
export const leadSchema = (window: { eventStartsOn: IsoDay; now: Date }) =>
  leadContactSchema
    .extend({
      id: z.uuid({ error: "errors.lead_id_invalid" }),
      capturedAt: z.iso.datetime({ offset: true, error: "errors.lead_captured_invalid" }),
      consentVersion: z.enum(LEAD_CONSENT_VERSIONS, { error: "errors.lead_consent_version" }),
      locale: z.enum(["en", "id"]).default("en"),
      vacancy: z.string({ error: "errors.vacancy_required" }).max(2000, { error: "errors.too_long" }),
    })
    .transform((v, ctx) => {
      const capturedAt = clampCapturedAt(new Date(v.capturedAt), window);
      // the vacancy is checked as of the day it was described: a lead queued offline across a month's end keeps
      // its start month
      const parsed = vacancySchema(isoDay(capturedAt)).safeParse(fromVacancyQuery(new URLSearchParams(v.vacancy)));
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: ["vacancy", ...issue.path], message: issue.message });
        return z.NEVER;
      }
      return { ...v, capturedAt, vacancy: parsed.data as Vacancy };
    });
export type LeadInput = z.output<ReturnType<typeof leadSchema>>;

/** Captured no earlier than a day before the event began and no later than now (a device's clock may be wrong). */
export function clampCapturedAt(at: Date, w: { eventStartsOn: IsoDay; now: Date }): Date {
  const earliest = new Date(`${addDays(w.eventStartsOn, -LEAD_EARLIEST_BEFORE_EVENT_DAYS)}T00:00:00Z`);
  const t = Number.isNaN(at.getTime()) ? w.now.getTime() : at.getTime();
  return new Date(Math.min(w.now.getTime(), Math.max(earliest.getTime(), t)));
}

/** The statuses staff set by hand; the later ones (order drafted, submitted, verified) are read from the order. */
export const LEAD_STATUSES = ["new", "contacted", "invited", "closed"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
