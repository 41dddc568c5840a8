import type { Actor } from "~/domain/org";
import { isMinistryAdmin } from "~/domain/org";
import { listKioskDevices } from "~db/kiosk-devices";
import { countEventLeads } from "~db/leads";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";

/** An event's page for its staff and the ministry's administrators: details, staff, kiosk devices and how many leads it took. */
export async function getEvent(deps: Deps, actor: Actor, slug: string) {
  const { event, staff } = await loadEventFor(deps, actor, slug);
  const [devices, leads] = await Promise.all([listKioskDevices(deps.db, event.id), countEventLeads(deps.db, event.id)]);
  return { event, staff, devices, leads, mayManage: isMinistryAdmin(actor) };
}
