import { isoDay } from "~/domain/dates";
import { recordAudit } from "~db/audit";
import { erasePersonalData, lockExpiredLeads } from "~db/lead-follow-up";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";

/** Leads erased per transaction: a long-past event's thousands of leads never hold one long lock. */
const BATCH = 200;

/**
 * Hourly, in the one background process: the leads of every event whose retention period is over (its last day
 * plus lead_retention_days has passed, on the injected clock's day) are erased as on request, unless converted
 * (the visitor's company became an employer on Jembatan). One audit row per event and batch, with the count.
 * Answers how many were erased.
 */
export async function sweepExpiredLeads(deps: Deps): Promise<number> {
  const now = deps.now();
  const today = isoDay(now);
  let erased = 0;
  for (;;) {
    const n = await deps.db.transaction().execute(async (tx) => {
      const due = await lockExpiredLeads(tx, today, BATCH);
      const perEvent = new Map<string, number>();
      for (const l of due) {
        await erasePersonalData(tx, l.id, now);
        await insertLeadEvent(
          tx,
          { leadId: l.id, actorUserId: null, kind: "erased", detail: { reason: "retention" } },
          now,
        );
        perEvent.set(l.eventId, (perEvent.get(l.eventId) ?? 0) + 1);
      }
      for (const [eventId, count] of perEvent)
        await recordAudit(tx, {
          orgId: null,
          actorUserId: null,
          actorLabel: "retention",
          action: "leads.retention_erased",
          subjectType: "event",
          subjectId: eventId,
          details: { count },
        });
      return due.length;
    });
    erased += n;
    if (n < BATCH) return erased;
  }
}
