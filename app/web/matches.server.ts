import type { MatchResponse } from "~/domain/matching/api-schema";
import type { GateFailure } from "~/domain/matching/gates";
import { formatExplanation, formatFailure, formatFix, formatGateItem, formatRankingBasis } from "~/i18n/matching-text";
import type { Locale } from "~/i18n/locales";
import type { AgencyMatchView as AgencyView } from "~/services/matching/match-order.server";

const gateOf = (f: GateFailure) => f.gate as Exclude<GateFailure["gate"], "status">;

/** The matches of an order as the API answers them (MatchResponseSchema), texts in `locale`. */
export function presentMatches(v: AgencyView, locale: Locale): MatchResponse {
  return {
    jobOrder: {
      id: v.order.id,
      reference: v.order.reference,
      title: v.order.title,
      occupationScope: v.order.occupationScope,
      priority: v.order.priority,
      rankingBasis: formatRankingBasis(locale, v.order),
    },
    total: v.total,
    updating: v.updating,
    results: v.results.map((r) => ({
      workerId: r.workerId,
      externalRef: r.externalRef,
      score: r.score,
      components: r.components,
      explanation: formatExplanation(locale, r.explanation),
    })),
    nearMissTotal: v.nearMissTotal,
    nearMissCounts: v.nearMissCounts.map((c) => ({
      item: c.key,
      label: formatGateItem(locale, c.key, v.order),
      count: c.count,
    })),
    nearMisses: v.nearMisses.map((n) => ({
      workerId: n.workerId,
      externalRef: n.externalRef,
      failed: {
        gate: gateOf(n.failed),
        item: n.key,
        detail: formatFailure(locale, n.failed),
        fix: formatFix(locale, n.failed, v.order),
      },
    })),
  };
}
