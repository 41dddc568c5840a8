import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { CERTIFICATE_CODES, certificateType } from "../reference/certificates";
import { ISCO_CODES } from "../reference/isco";
import { LANGUAGES } from "../reference/languages";
import { PROVINCE_CODES, provinceCodeOf } from "../reference/provinces";
import { SECTORS } from "../reference/sectors";
import { PHONE_PATTERN, text } from "../text-schema";
import { addMonths, type IsoDay } from "../dates";
import { dateWithin } from "../input-ranges";
import { cefrFromEvidence, EVIDENCE_KINDS, scaleProblem, TOEFL_SCALE_CHANGE } from "./language-evidence";

// A worker's competency profile: the agency's form, the bulk import (CSV and JSON, row by row) and the API all
// parse with this one schema. Identity fields are personal data (UU PDP): stored, never indexed.

export const WORKER_STATUSES = ["available", "in_process", "placed", "withdrawn"] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const lower = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : v);

const Experience = z.object({
  sector: z.enum(SECTORS),
  iscoCode: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.enum(ISCO_CODES, { error: "errors.isco_unknown" }),
  ),
  years: z.number({ error: "errors.number" }).min(0).max(50),
  employer: text({ max: 160 }).optional(),
  country: z.preprocess(upper, z.enum(COUNTRY_CODES, { error: "errors.country_unknown" })).optional(),
});

const languageEvidence = (today: IsoDay | undefined) =>
  z
    .object({
      // "EN" and "en" are the same language; "IELTS" and "ielts" the same test
      code: z.preprocess(lower, z.enum(LANGUAGES)),
      kind: z.preprocess(lower, z.enum(EVIDENCE_KINDS)),
      level: z.preprocess(upper, z.string().max(4)).optional(),
      // the range is each test's own (scaleProblem below)
      score: z.number({ error: "errors.number" }).optional(),
      takenOn: dateWithin(
        { from: { years: -30 }, to: {}, tooEarly: "errors.taken_on_range", tooLate: "errors.taken_on_range" },
        today,
      ).optional(),
    })
    .superRefine((e, ctx) => {
      // Inside the test's own scale first (IELTS 9.5 is not "C2"), then the CEFR table.
      const problem = scaleProblem(e);
      if (problem) return void ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
      if (e.kind === "toefl_ibt_120" && e.takenOn && e.takenOn >= TOEFL_SCALE_CHANGE) {
        ctx.addIssue({ code: "custom", path: ["takenOn"], message: "errors.toefl_old_scale_date" });
      }
      if (cefrFromEvidence(e) === null)
        ctx.addIssue({
          code: "custom",
          path: [e.score === undefined ? "level" : "score"],
          message: "errors.evidence_no_level",
        });
    });

const certificate = (today: IsoDay | undefined) =>
  z
    .object({
      code: z.enum(CERTIFICATE_CODES, { error: "errors.certificate_unknown" }),
      number: text({ max: 80 }).optional(),
      issuedOn: dateWithin(
        { from: { years: -50 }, to: {}, tooEarly: "errors.issued_on_range", tooLate: "errors.issued_on_range" },
        today,
      ).optional(),
      expiresOn: dateWithin(
        {
          from: { years: -30 },
          to: { years: 30 },
          tooEarly: "errors.expires_on_range",
          tooLate: "errors.expires_on_range",
        },
        today,
      ).optional(),
    })
    .refine((c) => !c.issuedOn || !c.expiresOn || c.expiresOn > c.issuedOn, {
      path: ["expiresOn"],
      message: "errors.expiry_before_issue",
    })
    .superRefine((c, ctx) => {
      // no certificate is valid longer than its rules allow (a 5-year seafarer's medical is a typo or a forgery)
      const max = certificateType(c.code)?.maxYears;
      const from = c.issuedOn ?? today;
      if (max === undefined || !c.expiresOn || !from) return;
      if (c.expiresOn > addMonths(from, 12 * max))
        ctx.addIssue({
          code: "custom",
          path: ["expiresOn"],
          message: `errors.certificate_validity_max?years=${max}&from=${c.issuedOn ? "issue" : "today"}`,
        });
    });

const buildWorkerProfileSchema = (today: IsoDay | undefined) =>
  z.object({
    externalRef: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(64)
        .regex(/^[A-Za-z0-9._/-]+$/, { error: "errors.external_ref_invalid" })
        .optional(),
    ),
    fullName: text({ min: 2, max: 160, tooShort: "errors.required" }),
    // At least 18 (UU 18/2017 Art. 5); older than 70 is a typo in the year, not a candidate.
    dateOfBirth: dateWithin(
      { from: { years: -70 }, to: { years: -18 }, tooEarly: "errors.too_old", tooLate: "errors.too_young" },
      today,
    ),
    sex: z.enum(["female", "male"]),
    // by code (33) or by name ("Jawa Tengah", "jawa tengah"): spreadsheets carry either
    provinceCode: z.preprocess(
      (v) => (typeof v === "string" ? provinceCodeOf(v) : v),
      z.enum(PROVINCE_CODES, { error: "errors.province_unknown" }),
    ),
    regency: text({ max: 120 }).optional(),
    phone: z.preprocess(
      blankToUndefined,
      z.string().trim().regex(PHONE_PATTERN, { error: "errors.phone_invalid" }).optional(),
    ),
    nik: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{16}$/, { error: "errors.nik_invalid" })
        .optional(),
    ),
    passportNumber: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{6,12}$/, { error: "errors.passport_invalid" })
        .optional(),
    ),
    passportExpiry: z.preprocess(
      blankToUndefined,
      dateWithin(
        {
          from: { years: -10 },
          to: { years: 11 },
          tooEarly: "errors.passport_expiry_range",
          tooLate: "errors.passport_expiry_range",
        },
        today,
      ).optional(),
    ),
    experiences: z.array(Experience).min(1, { error: "errors.experience_required" }).max(10),
    languages: z.array(languageEvidence(today)).max(12).default([]),
    certificates: z.array(certificate(today)).max(30).default([]),
    availableFrom: dateWithin(
      {
        from: { years: -2 },
        to: { years: 3 },
        tooEarly: "errors.available_from_range",
        tooLate: "errors.available_from_range",
      },
      today,
    ),
    status: z.enum(WORKER_STATUSES).default("available"),
    preferredCountries: z
      .array(z.preprocess(upper, z.enum(COUNTRY_CODES, { error: "errors.country_unknown" })))
      .max(10)
      .default([]),
    consentToMatching: z.boolean().default(false),
  });

/** The profile schema for a request (or an import) made on `today`: birth, expiry and availability windows count from it. */
export const workerProfileSchema = (today: IsoDay) => buildWorkerProfileSchema(today);

/**
 * The shape without the windows around today, for OpenAPI, JSON Schema and the types: nothing parses with it (lint
 * forbids it; parse with workerProfileSchema(today)).
 */
export const WorkerProfileSchema = buildWorkerProfileSchema(undefined);
export type WorkerProfileInput = z.infer<typeof WorkerProfileSchema>;

/** The keys a profile object may have, at each level: an import refuses any other key rather than drop it. */
export const PROFILE_KEYS = {
  root: Object.keys(WorkerProfileSchema.shape),
  experiences: Object.keys(Experience.shape),
  languages: Object.keys(languageEvidence(undefined).shape),
  certificates: Object.keys(certificate(undefined).shape),
} as const;
