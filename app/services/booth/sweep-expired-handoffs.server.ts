import { deleteHandoffsExpiredBefore } from "~db/booth-handoffs";
import type { Deps } from "../deps.server";

/**
 * A lapsed link is kept a day, so that its page can still say "expired" (410) rather than "unknown" (404); then
 * the hourly sweep deletes it. A handoff holds no personal data; its vacancy went with its lead, if one was left.
 */
export const HANDOFF_KEPT_HOURS_AFTER_EXPIRY = 24;

/** Hourly, in the one background process: deletes handoffs lapsed more than a day ago; answers how many. */
export async function sweepExpiredHandoffs(deps: Deps): Promise<number> {
  const before = new Date(deps.now().getTime() - HANDOFF_KEPT_HOURS_AFTER_EXPIRY * 3_600_000);
  return deleteHandoffsExpiredBefore(deps.db, before);
}
