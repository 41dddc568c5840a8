import { DomainError, isUuid } from "~/domain/errors";
import { type Actor } from "~/domain/org";
import { insertShortlistEvents, lockEntry, setDisclosureConsent } from "~db/shortlists";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { actorFields } from "../job-orders/access.server";
import { sideOn } from "./access.server";

/**
 * Records that the worker consented to disclose their identity to this order's employer (the agency records
 * it, as it records consent to matching). From then on the employer's view of this candidate shows the name.
 */
export async function recordDisclosureConsent(deps: Deps, actor: Actor, entryId: string): Promise<void> {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry || !entry.worker_id) throw new DomainError("not_found", "errors.not_found");
    requireViewerRole(await sideOn(tx, actor, entry), ["agency"]);
    if (entry.disclosure_consent_at) return;
    await setDisclosureConsent(tx, entry.id, actor.userId, deps.now());
    await insertShortlistEvents(tx, [
      {
        entry_id: entry.id,
        action: "disclosure_consent",
        from_stage: entry.stage,
        to_stage: entry.stage,
        reason: null,
        ...actorFields(actor),
      },
    ]);
  });
}
