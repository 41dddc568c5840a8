import { eventResults } from "~/domain/booth/event-results";
import { isMinistryAdmin, type Actor } from "~/domain/org";
import { readEventResults } from "~db/lead-results";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";

/**
 * What an event produced, for its staff and the ministry's administrators (anyone else: not found). The ministry's
 * administrators see exact figures; everyone else on the staff (mission people, who are not the ministry) sees them
 * under the kiosk's small-number rules (app/domain/booth/event-results.ts). Aggregates only: nothing here names a
 * lead, so viewing or downloading the results is not audited as an export of personal data.
 */
export async function getEventResults(deps: Deps, actor: Actor, slug: string) {
  const { event } = await loadEventFor(deps, actor, slug);
  const raw = await readEventResults(deps.db, event.id, deps.now());
  return { event, results: eventResults(raw, isMinistryAdmin(actor)) };
}
