import type { LeadListQuery } from "~/domain/booth/follow-up-schema";
import { isoDay } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { listFollowUps } from "~db/lead-follow-up";
import type { Deps } from "../deps.server";
import { followUpItem } from "./load-lead-for.server";
import { leadFilterOf } from "./list-leads.server";
import { loadEventFor } from "./load-event-for.server";

/** More leads than any booth takes; an export is one read, not a stream. */
export const MAX_EXPORTED_LEADS = 10_000;

/**
 * The event's leads under the list's filters (every page), for the CSV download. Each export is one audit row
 * (who, which event, which filters, how many rows), not a row per lead: it records a copy of personal data leaving
 * Jembatan, which is an act on the list (decision 019, "Follow-up").
 */
export async function exportLeads(deps: Deps, actor: Actor, slug: string, q: LeadListQuery) {
  const { event } = await loadEventFor(deps, actor, slug);
  const today = isoDay(deps.now());
  const rows = await listFollowUps(deps.db, event.id, leadFilterOf(q, actor, today), {
    limit: MAX_EXPORTED_LEADS,
    offset: 0,
  });
  await recordAudit(deps.db, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    action: "leads.exported",
    subjectType: "event",
    subjectId: event.id,
    details: { rows: rows.length, stage: q.stage ?? null, owner: q.owner ?? null, overdue: q.overdue },
  });
  return { event, items: rows.map((r) => followUpItem(r, today)) };
}
