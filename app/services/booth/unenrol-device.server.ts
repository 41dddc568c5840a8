import { recordAudit } from "~db/audit";
import { revokeKioskDevice } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import type { KioskCaller } from "./resolve-kiosk-device.server";

/**
 * A kiosk gives up its own credential (staff packing up the booth). The screen refuses to ask while leads wait in
 * its outbox (the server cannot see that queue); once asked, the device is revoked like one revoked from the event
 * page, and audited as the device's own act.
 */
export async function unenrolDevice(deps: Deps, caller: KioskCaller): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    if (!(await revokeKioskDevice(tx, caller.eventId, caller.deviceId, null, deps.now()))) return;
    await recordAudit(tx, {
      orgId: null,
      actorUserId: null,
      actorLabel: `kiosk:${caller.deviceId}`,
      action: "kiosk_device.unenrolled",
      subjectType: "kiosk_device",
      subjectId: caller.deviceId,
      details: { eventId: caller.eventId },
    });
  });
}
