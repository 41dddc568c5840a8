import { consentWordingFor, type LeadInput } from "~/domain/booth/lead-schema";
import { DomainError } from "~/domain/errors";
import type { Db } from "~db/client";
import { insertLeadEvent, insertLeadOnce } from "~db/leads";
import type { Deps } from "../deps.server";
import type { KioskCaller } from "./resolve-kiosk-device.server";

/**
 * A kiosk stores the lead a visitor left, under the id the kiosk made for it. The same id arriving again (a queue
 * drained twice, a lost answer retried) stores nothing and answers `stored: false`; an id already used by another
 * event or device is refused, so no device can overwrite or probe another's leads.
 */
export async function captureLead(
  deps: Deps,
  caller: KioskCaller,
  input: LeadInput,
  source: "kiosk" | "phone" = "kiosk",
): Promise<{ id: string; stored: boolean }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const r = await storeLead(tx, { eventId: caller.eventId, deviceId: caller.deviceId }, input, source, now);
    if (!r.stored) {
      if (r.existing.eventId !== caller.eventId || r.existing.deviceId !== caller.deviceId)
        throw new DomainError("conflict", "errors.lead_id_taken");
      return { id: input.id, stored: false };
    }
    return { id: input.id, stored: true };
  });
}

/**
 * Inserts a lead once (and its "captured" event) inside the caller's transaction: the kiosk's capture above and
 * the phone's (capture-phone-lead.server.ts), which spends its handoff in the same transaction.
 */
export async function storeLead(
  tx: Db,
  at: { eventId: string; deviceId: string | null },
  input: Omit<LeadInput, "companyWebsite"> & { companyWebsite?: string | undefined },
  source: "kiosk" | "phone",
  now: Date,
) {
  const r = await insertLeadOnce(
    tx,
    {
      id: input.id,
      eventId: at.eventId,
      deviceId: at.deviceId,
      source,
      capturedAt: input.capturedAt,
      locale: input.locale,
      name: input.name,
      company: input.company,
      jobTitle: input.jobTitle ?? null,
      email: input.email,
      phone: input.phone ?? null,
      country: input.country,
      website: input.companyWebsite ?? null,
      consentContact: input.consentContact,
      consentShare: input.consentShare,
      // the wording shown depends on the visitor's country: the version names both
      consentVersion: `${input.consentVersion}/${consentWordingFor(input.country)}`,
      vacancy: input.vacancy,
    },
    now,
  );
  if (r.stored)
    await insertLeadEvent(tx, { leadId: input.id, actorUserId: null, kind: "captured", detail: { source } }, now);
  return r;
}
