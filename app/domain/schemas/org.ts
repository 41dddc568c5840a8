import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { LICENCE_STATUSES, ORG_KINDS, ROLES } from "../org";
import { email } from "./auth";
import type { IsoDay } from "../dates";
import { dateWithin } from "../input-ranges";
import { text } from "../text-schema";

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: "errors.slug_invalid" })
  .max(48, { error: "errors.slug_invalid" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.slug_invalid" });

const licenceUntil = (today: IsoDay) =>
  dateWithin(
    {
      from: { years: -5 },
      to: { years: 10 },
      tooEarly: "errors.licence_until_range",
      tooLate: "errors.licence_until_range",
    },
    today,
  );

/** "DE, jp ,PL" → ["DE","JP","PL"]; each must be an ISO 3166-1 alpha-2 code. */
const countryList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((c) => c.toUpperCase())
      : Array.isArray(v)
        ? v.map((c) => String(c).toUpperCase())
        : v,
  z.array(z.enum(COUNTRY_CODES, { error: "errors.country_unknown" })).max(60),
);

/** A new organisation, on `today` (a licence's last day is counted from it). */
export const createOrgSchema = (today: IsoDay) =>
  z
    .object({
      kind: z.enum(ORG_KINDS),
      slug,
      name: text({ min: 2, max: 160, tooShort: "errors.org_name_short" }),
      country: z
        .preprocess(
          (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
          z.enum(COUNTRY_CODES, { error: "errors.country_unknown" }),
        )
        .optional(),
      countries: countryList.optional(),
      licenceNumber: text({ min: 3, max: 60 }).optional(),
      licenceValidUntil: licenceUntil(today).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.kind === "mission" && !v.countries?.length) {
        ctx.addIssue({ code: "custom", path: ["countries"], message: "errors.mission_needs_countries" });
      }
      if (v.kind === "agency" && !v.licenceNumber) {
        ctx.addIssue({ code: "custom", path: ["licenceNumber"], message: "errors.agency_needs_licence" });
      }
    });
export type CreateOrgInput = z.infer<ReturnType<typeof createOrgSchema>>;

export const InviteMemberSchema = z.object({
  email,
  role: z.enum(ROLES),
});
export type InviteMemberInput = z.infer<typeof InviteMemberSchema>;

export const CreateApiKeySchema = z.object({
  name: text({ min: 2, max: 80, tooShort: "errors.key_name_short" }),
});

/** A licence change, on `today` (a suspension cannot end in the past). */
export const changeLicenceSchema = (today: IsoDay) =>
  z
    .object({
      status: z.enum(LICENCE_STATUSES),
      reason: text({ min: 3, max: 1000, multiline: true, tooShort: "errors.reason_required" }),
      suspendedUntil: dateWithin(
        { from: {}, to: { years: 5 }, tooEarly: "errors.until_in_past", tooLate: "errors.suspended_until_range" },
        today,
      ).optional(),
      /** a renewed licence's new last day */
      validUntil: licenceUntil(today).optional(),
      scope: text({ max: 200 }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.status !== "suspended" && v.suspendedUntil !== undefined) {
        ctx.addIssue({ code: "custom", path: ["suspendedUntil"], message: "errors.until_only_for_suspension" });
      }
    });
export type ChangeLicenceInput = z.infer<ReturnType<typeof changeLicenceSchema>>;

export const SetLanguageSchema = z.object({
  lang: z.enum(["en", "id"]),
  redirectTo: z.string().optional(),
});
