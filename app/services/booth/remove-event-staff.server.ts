import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { deleteEventStaff } from "~db/events";
import type { Deps } from "../deps.server";
import { requireEventAdmin } from "../guards.server";
import { loadEventFor } from "./load-event-for.server";

/** A ministry administrator removes a member of the event's booth staff. */
export async function removeEventStaff(deps: Deps, actor: Actor, slug: string, userId: string): Promise<void> {
  const { event } = await loadEventFor(deps, actor, slug);
  requireEventAdmin(actor);
  if (!isUuid(userId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await deleteEventStaff(tx, event.id, userId))) throw new DomainError("not_found", "errors.not_found");
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "event.staff_removed",
      subjectType: "event",
      subjectId: event.id,
      details: { userId },
    });
  });
}
