import { DomainError } from "~/domain/errors";
import { recordAudit } from "~db/audit";
import { findEventById, type BoothEvent } from "~db/events";
import { enrolKioskDevice } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import { hashEnrolCode, newKioskToken } from "./kiosk-token.server";

/**
 * A kiosk spends its enrolment code (already normalised by enrolCodeSchema) for a device token bound to the
 * event. An unknown, used, expired or revoked code gets one answer: the code is not valid.
 */
export async function enrolDevice(deps: Deps, code: string): Promise<{ token: string; event: BoothEvent }> {
  const { token, hash } = newKioskToken();
  return deps.db.transaction().execute(async (tx) => {
    const device = await enrolKioskDevice(tx, hashEnrolCode(code), hash, deps.now());
    const event = device && (await findEventById(tx, device.eventId));
    if (!device || !event)
      throw new DomainError("invalid", "errors.enrol_code_refused", { code: "errors.enrol_code_refused" });
    await recordAudit(tx, {
      orgId: null,
      actorUserId: null,
      actorLabel: `kiosk:${device.id}`,
      action: "kiosk_device.enrolled",
      subjectType: "kiosk_device",
      subjectId: device.id,
      details: { eventId: event.id },
    });
    return { token, event };
  });
}
