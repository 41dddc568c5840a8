import { z } from "../zod-messages";
import type { IsoDay } from "../dates";
import { JOB_ORDER_FORM_DEFAULTS, type JobOrderInput } from "../job-orders/schema";
import { occupationTitle } from "../reference/isco";
import { email, SignupSchema } from "../schemas/auth";
import { vacancyStartDate, type Vacancy } from "./vacancy";

// A booth lead's invitation to post a job order (decision 019, "Invitation"): staff send it, the visitor accepts
// it, and the order form opens pre-filled from the vacancy they described. Pure.

/** How long an invitation link stays usable. */
export const LEAD_INVITATION_DAYS = 14;

/** Staff invite a lead: the address defaults to the lead's own and may be a colleague's. */
export const InviteLeadSchema = z.object({ email });
export type InviteLeadInput = z.infer<typeof InviteLeadSchema>;

/** Withdrawing an open invitation is confirmed: its link stops working at once. */
export const RevokeLeadInvitationSchema = z.object({
  confirm: z.literal("on", { error: "binv.revoke_must_confirm" }),
});

/** Accepting creates the employer's organisation and its first admin; the address is the invitation's. */
export const AcceptBoothInvitationSchema = SignupSchema.omit({ email: true });
export type AcceptBoothInvitationInput = z.infer<typeof AcceptBoothInvitationSchema>;

/**
 * The job-order form's starting values for a vacancy described at the booth: the occupation, sector, destination,
 * positions, start and contract length, the languages and (mandatory) certificates, no minimum experience. The
 * engine's order for a draft saved unchanged is the kiosk's order (`matchOrderOfVacancy`), so the ministry's count
 * for it is the count the visitor saw. Wage, hours, conditions and the description are the employer's to add.
 */
export function jobOrderDraftOfVacancy(v: Vacancy, today: IsoDay): Partial<JobOrderInput> {
  return {
    ...JOB_ORDER_FORM_DEFAULTS,
    title: occupationTitle(v.iscoCode, "en"),
    iscoCode: v.iscoCode,
    sector: v.sector,
    country: v.country,
    positions: v.positions,
    startDate: vacancyStartDate(v, today),
    contractMonths: v.contractMonths,
    minExperienceYears: 0,
    languages: v.languages,
    certificates: v.certificates.map((code) => ({ code, mandatory: true })),
  };
}
