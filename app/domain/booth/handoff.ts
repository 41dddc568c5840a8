import { z } from "../zod-messages";
import { ENROL_CODE_ALPHABET } from "./event-schema";
import { consentWordingFor, LEAD_CONSENT_VERSIONS, leadContactSchema } from "./lead-schema";

// The kiosk's QR code hands the described vacancy to the visitor's own phone: a one-time link /booth/h/<token>
// (decision 019, "Phone handoff"). The link carries the token only; the vacancy stays on the server, and nothing
// of the visitor's is in either. Pure.

/** How long a handoff link may be opened and used. */
export const HANDOFF_MINUTES = 30;

/**
 * Tokens are 20 characters of the enrolment codes' alphabet (no 0/O, 1/I/L, 2/Z, 5/S, 8/B): about 93 bits, so a
 * sha256 of it is all the server keeps, and a visitor can still read the link off the screen and type it.
 */
export const HANDOFF_TOKEN_ALPHABET = ENROL_CODE_ALPHABET;
export const HANDOFF_TOKEN_LENGTH = 20;

const TOKEN = new RegExp(`^[${HANDOFF_TOKEN_ALPHABET}]{${HANDOFF_TOKEN_LENGTH}}$`);

/** A token as typed or scanned: upper-cased, without spaces or dashes; null when it cannot be one. */
export function normaliseHandoffToken(raw: string): string | null {
  if (raw.length > 60) return null;
  const t = raw.replace(/[\s-]/g, "").toUpperCase();
  return TOKEN.test(t) ? t : null;
}

export const handoffPath = (token: string) => `/booth/h/${token}`;

/**
 * The phone's lead form: the kiosk's fields (one schema, leadContactSchema), the wording version the page showed,
 * and which of the two notices it showed. The notice follows the chosen country; a page without JavaScript cannot
 * change it as the country changes, so a mismatch is sent back (with the right notice now shown) instead of
 * recording a consent to a wording the visitor did not read.
 */
export const phoneLeadSchema = leadContactSchema
  .extend({
    consentVersion: z.enum(LEAD_CONSENT_VERSIONS, { error: "errors.lead_consent_version" }),
    consentWording: z.enum(["gdpr", "pdp"]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.consentWording !== consentWordingFor(v.country))
      ctx.addIssue({ code: "custom", path: ["consentContact"], message: "errors.handoff_wording_changed" });
  });
export type PhoneLead = z.infer<typeof phoneLeadSchema>;
