import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import type { EventInput } from "~/domain/booth/event-schema";
import { recordAudit } from "~db/audit";
import { updateEvent as updateEventRow, type BoothEvent } from "~db/events";
import type { Deps } from "../deps.server";
import { requireEventAdmin } from "../guards.server";
import { loadEventFor } from "./load-event-for.server";

/** A ministry administrator changes an event's details (its slug, the kiosks' URL, stays). */
export async function updateEvent(deps: Deps, actor: Actor, slug: string, input: EventInput): Promise<BoothEvent> {
  const { event } = await loadEventFor(deps, actor, slug);
  requireEventAdmin(actor);
  return deps.db.transaction().execute(async (tx) => {
    const updated = await updateEventRow(tx, event.id, input, deps.now());
    if (!updated) throw new DomainError("not_found", "errors.not_found");
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "event.updated",
      subjectType: "event",
      subjectId: event.id,
    });
    return updated;
  });
}
