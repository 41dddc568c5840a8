import { z } from "../zod-messages";
import { COUNTRY_CODES } from "../countries";
import { text } from "../text-schema";

// One schema per form; the page (conform, client and server) and the API both parse with these.

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "errors.email_invalid" }));

export const newPassword = z
  .string()
  .min(10, { error: "errors.password_too_short" })
  .max(200, { error: "errors.too_long" });

export const personName = text({ min: 1, max: 120 });

export const SignupSchema = z.object({
  name: personName,
  email,
  password: newPassword,
  organisationName: text({ min: 2, max: 160, tooShort: "errors.org_name_short" }),
  // Indonesia is where workers come from: the form does not offer it to employers, and the API refuses it too.
  country: z.enum(COUNTRY_CODES).refine((c) => c !== "ID", { error: "errors.employer_country_abroad" }),
});
export type SignupInput = z.infer<typeof SignupSchema>;

export const LoginSchema = z.object({
  email,
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const AcceptInvitationSchema = z.object({
  name: personName,
  password: newPassword,
});

/**
 * Only same-site relative paths are followed after login: never an open redirect. Browsers drop tabs and
 * newlines and treat "\\" as "/", so "/\t/evil.example" would leave the site: any control character,
 * whitespace or backslash is refused outright.
 */
export function safeRedirect(to: string | null | undefined, fallback = "/dashboard"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  return to;
}
