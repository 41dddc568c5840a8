import { randomUUID } from "node:crypto";
import type { PhoneLead } from "~/domain/booth/handoff";
import type { Locale } from "~/i18n/locales";
import { spendHandoff } from "~db/booth-handoffs";
import type { Deps } from "../deps.server";
import { storeLead } from "./capture-lead.server";
import { findHandoff, type HandoffState } from "./open-handoff.server";

class AlreadySpent extends Error {}

/**
 * The visitor sends the lead form on their own phone: the lead is stored with source "phone", the kiosk that made
 * the handoff and the handoff's vacancy, and the link is spent, in one transaction. The link is spent by one
 * conditional UPDATE after the lead's insert: of two submits at once one spends it, the other rolls its lead back
 * and is answered as a spent link. Answers the link's state as it is now ("spent" once this lead took it).
 */
export async function capturePhoneLead(
  deps: Deps,
  rawToken: string,
  contact: PhoneLead,
  locale: Locale,
): Promise<{ stored: true; leadId: string } | { stored: false; found: Exclude<HandoffState, { state: "open" }> }> {
  const found = await findHandoff(deps, rawToken);
  if (found.state !== "open") return { stored: false, found };
  const now = deps.now();
  const id = randomUUID();
  try {
    await deps.db.transaction().execute(async (tx) => {
      await storeLead(
        tx,
        { eventId: found.handoff.eventId, deviceId: found.handoff.deviceId },
        {
          ...contact,
          id,
          capturedAt: now,
          locale,
          vacancy: found.vacancy,
        },
        "phone",
        now,
      );
      if (!(await spendHandoff(tx, found.handoff.id, id, now))) throw new AlreadySpent();
    });
  } catch (e) {
    if (!(e instanceof AlreadySpent)) throw e;
    const after = await findHandoff(deps, rawToken);
    return { stored: false, found: after.state === "open" ? { state: "expired" } : after };
  }
  return { stored: true, leadId: id };
}
