import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { insertKioskDevice } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";
import { ENROL_CODE_MINUTES, newEnrolCode } from "./kiosk-token.server";

/**
 * A member of the event's staff (or a ministry administrator), signed in on their own device, starts enrolling a
 * kiosk: a device row with a one-time code, valid ENROL_CODE_MINUTES. The code is returned once, never stored.
 */
export async function createEnrolmentCode(deps: Deps, actor: Actor, slug: string, label: string) {
  const { event } = await loadEventFor(deps, actor, slug);
  const { code, hash } = newEnrolCode();
  const expiresAt = new Date(deps.now().getTime() + ENROL_CODE_MINUTES * 60_000);
  const device = await deps.db.transaction().execute(async (tx) => {
    const device = await insertKioskDevice(tx, {
      eventId: event.id,
      label,
      codeHash: hash,
      codeExpiresAt: expiresAt,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "kiosk_device.code_created",
      subjectType: "kiosk_device",
      subjectId: device.id,
      details: { eventId: event.id, label },
    });
    return device;
  });
  return { deviceId: device.id, label: device.label, code, expiresAt };
}
