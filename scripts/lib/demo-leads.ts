import { createHash, randomUUID } from "node:crypto";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { vacancySchema } from "~/domain/booth/vacancy";
import { addMonths, isoDay } from "~/domain/dates";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import type { Deps } from "~/services/deps.server";
import { erasePersonalData, linkLeadToOrder, patchLeadFollowUp } from "~db/lead-follow-up";
import { arrangeLeadInvitation } from "~db/lead-invitations";
import { insertLeadOnce } from "~db/leads";
import { findOrgBySlug } from "~db/orgs";

// The demo event's first day at the booth, so its lead list and results page show something: 26 visitors' leads
// (cruise lines describing waiters, cooks, cabin stewards, hairdressers and deck crew), eight invited, five of them
// accepted, three of those already with a job order of Aurora Cruises linked (verified, submitted, revoked), two
// leads erased on request. 26 leads: above the 20 below which the mission's staff would see no breakdown.

const VACANCIES = [
  { iscoCode: "5131", country: "US", positions: 40, leads: 9 },
  { iscoCode: "5120", country: "US", positions: 12, leads: 6 },
  { iscoCode: "9112", country: "BS", positions: 25, leads: 5 },
  { iscoCode: "5141", country: "MT", positions: 3, leads: 3 },
  { iscoCode: "8350", country: "BS", positions: 8, leads: 3 },
] as const;

const COMPANIES = ["Caribbean Star Line", "Atlantic Pearl Cruises", "Sunward Voyages", "Coral Bay Cruises"];
const HOUR = 3_600_000;

export async function seedDemoLeads(deps: Deps, eventId: string): Promise<void> {
  const now = deps.now();
  const today = isoDay(now);
  const ids: string[] = [];
  let n = 0;
  for (const v of VACANCIES) {
    for (let i = 0; i < v.leads; i++, n++) {
      const vacancy = vacancySchema(today).parse({
        iscoCode: v.iscoCode,
        sector: "cruise",
        country: v.country,
        positions: v.positions + i,
        startMonth: addMonths(today, 2 + (n % 4)).slice(0, 7),
        contractMonths: 8,
        languages: [{ code: "en", minLevel: "B1" }],
        certificates: ["stcw_bst"],
      });
      const id = randomUUID();
      await insertLeadOnce(
        deps.db,
        {
          id,
          eventId,
          deviceId: null,
          source: n % 5 === 4 ? "phone" : "kiosk",
          capturedAt: new Date(now.getTime() - (26 - n) * 0.2 * HOUR),
          locale: "en",
          name: `Demo Visitor ${n + 1}`,
          company: `${COMPANIES[n % COMPANIES.length]} ${n + 1}`,
          jobTitle: "Crewing manager",
          email: `visitor${n + 1}@demo-lead.example`,
          phone: null,
          country: n % 3 === 0 ? "US" : n % 3 === 1 ? "GB" : "NO",
          website: null,
          consentContact: true,
          consentShare: n % 4 !== 3,
          consentVersion: LEAD_CONSENT_VERSION,
          vacancy,
        },
        now,
      );
      ids.push(id);
    }
  }
  // invitations: the first five accepted, then one waiting, one expired, one withdrawn
  for (const [i, state] of (
    ["accepted", "accepted", "accepted", "accepted", "accepted", "pending", "expired", "revoked"] as const
  ).entries()) {
    const leadId = ids[i]!;
    await arrangeLeadInvitation(
      deps.db,
      {
        leadId,
        tokenHash: createHash("sha256").update(randomUUID()).digest("hex"),
        email: `visitor${i + 1}@demo-lead.example`,
        invitedBy: null,
        expiresAt: new Date(now.getTime() + (state === "expired" ? -1 : 7 * 24) * HOUR),
        acceptedAt: state === "accepted" ? now : null,
        revokedAt: state === "revoked" ? now : null,
      },
      new Date(now.getTime() - 2 * HOUR),
    );
    await patchLeadFollowUp(deps.db, leadId, { status: "invited" }, now);
  }
  // three of those who accepted already have an order (Aurora Cruises' demo orders stand in for theirs)
  const aurora = await findOrgBySlug(deps.db, "aurora-cruises");
  if (aurora) {
    const states: JobOrderState[] = ["verified", "submitted", "revoked"];
    for (const [i, state] of states.entries()) {
      const order = await deps.db
        .selectFrom("job_orders")
        .select("id")
        .where("employer_org_id", "=", aurora.id)
        .where("status", "=", state)
        .orderBy("created_at")
        .executeTakeFirst();
      if (order) await linkLeadToOrder(deps.db, ids[i]!, { employerOrgId: aurora.id, jobOrderId: order.id }, now);
    }
  }
  // two visitors asked to be erased: their vacancies still count
  for (const leadId of ids.slice(-2)) await erasePersonalData(deps.db, leadId, now);
}
