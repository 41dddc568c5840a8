import { HANDOFF_MINUTES } from "~/domain/booth/handoff";
import type { Vacancy } from "~/domain/booth/vacancy";
import { insertHandoff } from "~db/booth-handoffs";
import type { Deps } from "../deps.server";
import { newHandoffToken } from "./handoff-token.server";
import type { KioskCaller } from "./resolve-kiosk-device.server";

/**
 * A kiosk hands the vacancy on screen to the visitor's phone: a one-time link valid HANDOFF_MINUTES, whose token is
 * answered once and stored only as its hash. The handoff holds the vacancy and the kiosk that made it, nothing of
 * the visitor's.
 */
export async function createHandoff(
  deps: Deps,
  caller: KioskCaller,
  vacancy: Vacancy,
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.now();
  const { token, hash } = newHandoffToken();
  const expiresAt = new Date(now.getTime() + HANDOFF_MINUTES * 60_000);
  await insertHandoff(
    deps.db,
    { eventId: caller.eventId, deviceId: caller.deviceId, tokenHash: hash, vacancy, expiresAt },
    now,
  );
  return { token, expiresAt };
}
