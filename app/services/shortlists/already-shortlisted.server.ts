import { isUuid } from "~/domain/errors";
import { type Actor } from "~/domain/org";
import { shortlistedAmong } from "~db/shortlists";
import type { Deps } from "../deps.server";

/** Which of these workers (a page of matches) the agency already shortlisted for the order (none for other kinds). */
export async function alreadyShortlisted(
  deps: Deps,
  actor: Actor,
  orderId: string,
  workerIds: readonly string[],
): Promise<string[]> {
  if (!isUuid(orderId)) return []; // entries are looked up by the actor's organisation as their agency
  return shortlistedAmong(deps.db, orderId, actor.orgId, workerIds);
}
