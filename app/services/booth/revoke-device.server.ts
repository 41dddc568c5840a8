import { DomainError, isUuid } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { revokeKioskDevice } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import { loadEventFor } from "./load-event-for.server";

/** The event's staff or a ministry administrator revokes a kiosk (a lost or stolen screen): it stops at once. */
export async function revokeDevice(deps: Deps, actor: Actor, slug: string, deviceId: string): Promise<void> {
  const { event } = await loadEventFor(deps, actor, slug);
  if (!isUuid(deviceId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await revokeKioskDevice(tx, event.id, deviceId, actor.userId, deps.now()))) {
      throw new DomainError("not_found", "errors.not_found");
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "kiosk_device.revoked",
      subjectType: "kiosk_device",
      subjectId: deviceId,
      details: { eventId: event.id },
    });
  });
}
