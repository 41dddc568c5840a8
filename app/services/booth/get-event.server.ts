import type { Actor } from "~/domain/org";
import { isMinistryAdmin } from "~/domain/org";
import { listKioskDevices } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";

/** An event's page for its staff and the ministry's administrators: details, staff and kiosk devices. */
export async function getEvent(deps: Deps, actor: Actor, slug: string) {
  const { event, staff } = await loadEventFor(deps, actor, slug);
  const devices = await listKioskDevices(deps.db, event.id);
  return { event, staff, devices, mayManage: isMinistryAdmin(actor) };
}
