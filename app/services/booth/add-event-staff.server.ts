import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { insertEventStaff } from "~db/events";
import { findUserByEmail, findUserWithOrg } from "~db/users";
import type { Deps } from "../deps.server";
import { requireEventAdmin } from "../guards.server";
import { loadEventFor } from "./load-event-for.server";

const STAFF_KINDS = new Set(["ministry", "mission"]);

/** A ministry administrator adds a ministry or mission user (by email) to the event's booth staff. */
export async function addEventStaff(deps: Deps, actor: Actor, slug: string, email: string): Promise<void> {
  const { event } = await loadEventFor(deps, actor, slug);
  requireEventAdmin(actor);
  const user = await findUserByEmail(deps.db, email);
  const found = user && (await findUserWithOrg(deps.db, user.id));
  if (!found || !STAFF_KINDS.has(found.org.kind)) {
    throw new DomainError("invalid", "errors.staff_not_eligible", { email: "errors.staff_not_eligible" });
  }
  await deps.db.transaction().execute(async (tx) => {
    const added = await insertEventStaff(tx, { eventId: event.id, userId: found.user.id, addedBy: actor.userId });
    if (!added) throw new DomainError("conflict", "errors.staff_already", { email: "errors.staff_already" });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "event.staff_added",
      subjectType: "event",
      subjectId: event.id,
      details: { userId: found.user.id },
    });
  });
}
