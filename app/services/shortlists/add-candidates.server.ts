import { DomainError } from "~/domain/errors";
import { sectorYears } from "~/domain/matching/gates";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { AddCandidatesInput } from "~/domain/shortlists/schema";
import { ageBand } from "~/domain/shortlists/stages";
import { insertEntries, insertShortlistEvents } from "~db/shortlists";
import { lockWorkersForShare } from "~db/workers";
import type { Deps } from "../deps.server";
import { actorFields } from "../job-orders/access.server";
import { candidateOf, isMatchable } from "../matching/match-order.server";
import { orderForAgency } from "./access.server";

/** Adds the agency's own candidates to its shortlist for a matchable order; those already on it are left as they are. */
export async function addCandidates(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: AddCandidatesInput,
): Promise<{ added: string[]; already: number }> {
  const order = await orderForAgency(deps, actor, orderId);
  const today = isoDay(deps.now());
  if (!isMatchable(order, today)) throw new DomainError("conflict", "match.not_matchable");
  const ids = [...new Set(input.workerIds)];
  return deps.db.transaction().execute(async (tx) => {
    // FOR SHARE: a worker being erased meanwhile is either still here (and the erasure waits) or already gone
    const workers = await lockWorkersForShare(tx, ids);
    const own = new Map(workers.filter((w) => w.agency_org_id === actor.orgId).map((w) => [w.id, w]));
    const missing = ids.filter((id) => !own.has(id));
    if (missing.length)
      throw new DomainError(
        "invalid",
        "shortlist.unknown_workers",
        { workerIds: "shortlist.unknown_workers" },
        { n: missing.length },
      );
    const refused = workers.filter((w) => !w.consent_matching || w.archived_at !== null);
    if (refused.length)
      throw new DomainError(
        "invalid",
        "shortlist.no_consent",
        { workerIds: "shortlist.no_consent" },
        { n: refused.length },
      );
    const rows = ids.map((id) => {
      const w = own.get(id)!;
      const c = candidateOf(w);
      const inSector = w.profile.experiences.filter((e) => e.sector === order.sector).sort((a, b) => b.years - a.years);
      return {
        job_order_id: order.id,
        agency_org_id: actor.orgId,
        worker_id: id,
        stat_sector: order.sector,
        stat_isco_code: inSector.find((e) => e.iscoCode === order.isco_code)?.iscoCode ?? inSector[0]?.iscoCode ?? null,
        stat_years: sectorYears(c, order.sector),
        stat_province_code: w.province_code,
        stat_age_band: ageBand(w.date_of_birth, today),
        created_by: actor.userId,
      };
    });
    const inserted = await insertEntries(tx, rows);
    await insertShortlistEvents(
      tx,
      inserted.map((e) => ({
        entry_id: e.id,
        action: "shortlist",
        from_stage: null,
        to_stage: "shortlisted" as const,
        reason: null,
        ...actorFields(actor),
      })),
    );
    return { added: inserted.map((e) => e.id), already: ids.length - inserted.length };
  });
}
