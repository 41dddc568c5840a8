import { isStaffStage, orderStatesOfStage, type LeadListQuery } from "~/domain/booth/follow-up-schema";
import { isoDay } from "~/domain/dates";
import type { Actor } from "~/domain/org";
import { pageWindow } from "~/domain/paging";
import { countFollowUps, listFollowUps, type LeadListFilter } from "~db/lead-follow-up";
import type { Deps } from "../deps.server";
import { followUpItem } from "./load-lead-for.server";
import { loadEventFor } from "./load-event-for.server";

export const LEADS_PER_PAGE = 25;

// No user has this id: "my leads" of an actor without a user (an API key) are none, never the unassigned ones.
const NO_USER = "00000000-0000-0000-0000-000000000000";

/** The list's filters as the repository reads them; the CSV export applies the same. */
export function leadFilterOf(q: LeadListQuery, actor: Actor, today: string): LeadListFilter {
  return {
    stage:
      q.stage === undefined
        ? undefined
        : isStaffStage(q.stage)
          ? { status: q.stage }
          : { orderStates: orderStatesOfStage(q.stage) },
    ownerId: q.owner === "me" ? (actor.userId ?? NO_USER) : q.owner === "none" ? null : undefined,
    overdueBefore: q.overdue ? today : undefined,
  };
}

/** An event's leads for its staff and the ministry's administrators, newest first, filtered and paged. */
export async function listLeads(deps: Deps, actor: Actor, slug: string, q: LeadListQuery) {
  const { event, staff } = await loadEventFor(deps, actor, slug);
  const today = isoDay(deps.now());
  const filter = leadFilterOf(q, actor, today);
  const [total, all] = await Promise.all([
    countFollowUps(deps.db, event.id, filter),
    countFollowUps(deps.db, event.id, {}),
  ]);
  const { page, pages, limit, offset } = pageWindow(total, q.page, LEADS_PER_PAGE);
  const rows = total ? await listFollowUps(deps.db, event.id, filter, { limit, offset }) : [];
  return { event, staff, today, total, all, page, pages, items: rows.map((r) => followUpItem(r, today)) };
}
