import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { listLeadEvents, listLeadInvitations } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { loadLeadFor } from "./load-lead-for.server";

/**
 * Everything Jembatan holds about the person behind a lead, as one JSON document (the right of access under the
 * GDPR and UU PDP, for a visitor who asks the staff): what they left, their consents and the wording's version,
 * the vacancy, the follow-up's state, the staff's notes, the history and any invitation. Staff members' names are
 * left out: they are the staff's data, not the visitor's. The download is written into the lead's history and
 * audited, without any of the data.
 */
export async function exportLeadData(deps: Deps, actor: Actor, slug: string, leadId: string) {
  const { event, item } = await loadLeadFor(deps, actor, slug, leadId);
  const { lead } = item;
  const [history, invitations] = await Promise.all([
    listLeadEvents(deps.db, lead.id),
    listLeadInvitations(deps.db, lead.id),
  ]);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    await insertLeadEvent(tx, { leadId: lead.id, actorUserId: actor.userId, kind: "exported" }, now);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorLabel: actor.label ?? null,
      action: "lead.data_exported",
      subjectType: "lead",
      subjectId: lead.id,
      details: { eventId: event.id },
    });
  });
  return {
    exportedAt: now.toISOString(),
    event: {
      name: event.name,
      city: event.city,
      country: event.country,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    },
    lead: {
      id: lead.id,
      source: lead.source,
      capturedAt: lead.capturedAt.toISOString(),
      receivedAt: lead.receivedAt.toISOString(),
      language: lead.locale,
      name: lead.name,
      company: lead.company,
      jobTitle: lead.jobTitle,
      email: lead.email,
      phone: lead.phone,
      country: lead.country,
      website: lead.website,
      erasedAt: lead.erasedAt?.toISOString() ?? null,
    },
    consents: {
      contact: lead.consentContact,
      shareVacancyWithAgencies: lead.consentShare,
      wordingVersion: lead.consentVersion,
    },
    vacancy: lead.vacancy,
    followUp: {
      status: lead.status,
      stage: item.stage,
      followUpOn: lead.followUpOn,
      hasOwner: lead.ownerId !== null,
      jobOrder: item.orderReference,
    },
    notes: history.filter((h) => h.note !== null).map((h) => ({ text: h.note, at: h.at.toISOString() })),
    history: history.map((h) => ({ kind: h.kind, detail: publicDetail(h.kind, h.detail), at: h.at.toISOString() })),
    invitations: invitations.map((i) => ({
      email: i.email || null,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
      revokedAt: i.revokedAt?.toISOString() ?? null,
    })),
  };
}

/** An owner change names staff by id: the export says that the owner changed, not who it went to. */
const publicDetail = (kind: string, detail: Record<string, unknown>) => (kind === "owner" ? {} : detail);
