import { addDays, isoDay } from "~/domain/dates";
import { findEventById, type BoothEvent } from "~db/events";
import { findKioskDeviceByTokenHash, touchKioskDevice, type KioskDevice } from "~db/kiosk-devices";
import type { Deps } from "../deps.server";
import { hashKioskToken, KIOSK_TOKEN_PREFIX } from "./kiosk-token.server";

/** A kiosk is no user: services it calls take this, so no user guard can be satisfied by a device. */
export interface KioskCaller {
  deviceId: string;
  eventId: string;
}

/** A device token stops working this many days after its event ends. */
export const KIOSK_VALID_DAYS_AFTER_EVENT = 7;
const SEEN_EVERY_SECONDS = 60;

/**
 * The device behind a kiosk token, for the event the URL names; null when the token is unknown, revoked, of
 * another event, or its event ended more than KIOSK_VALID_DAYS_AFTER_EVENT days ago.
 */
export async function resolveKioskDevice(
  deps: Deps,
  token: string | null,
  slug: string,
): Promise<{ device: KioskDevice; event: BoothEvent; caller: KioskCaller } | null> {
  if (!token || !token.startsWith(KIOSK_TOKEN_PREFIX) || token.length > 100) return null;
  const device = await findKioskDeviceByTokenHash(deps.db, hashKioskToken(token));
  if (!device || device.revokedAt) return null;
  const event = await findEventById(deps.db, device.eventId);
  if (!event || event.slug !== slug) return null;
  const now = deps.now();
  if (addDays(event.endsOn, KIOSK_VALID_DAYS_AFTER_EVENT) < isoDay(now)) return null;
  await touchKioskDevice(deps.db, device.id, now, SEEN_EVERY_SECONDS);
  return { device, event, caller: { deviceId: device.id, eventId: event.id } };
}
