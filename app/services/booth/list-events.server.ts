import { isMinistryAdmin, type Actor } from "~/domain/org";
import { listEvents as listEventRows, type BoothEvent } from "~db/events";
import type { Deps } from "../deps.server";
import { requireMinistryAdmin } from "../guards.server";

/** Every event, for the administration page. */
export async function listEvents(deps: Deps, actor: Actor): Promise<BoothEvent[]> {
  requireMinistryAdmin(actor);
  return listEventRows(deps.db);
}

/** The events the actor works at (its staff), for its own navigation; a ministry administrator sees all. */
export async function listMyEvents(deps: Deps, actor: Actor): Promise<BoothEvent[]> {
  if (actor.userId === null) return [];
  return listEventRows(deps.db, isMinistryAdmin(actor) ? {} : { staffUserId: actor.userId });
}
