// When an order can be matched, shortlisted and proposed for: one rule, used by the matching service, the
// shortlist and the order page's "Find candidates" link (which once wrote it again in JSX).
import type { IsoDay } from "../dates";

export interface MatchableFacts {
  status: string;
  positions: number;
  positionsFilled: number;
  /** the last day the verification holds, or null when it has no end */
  validUntil: string | null;
}

/** Verified, with an open position, and its verification still valid on `today`. */
export function isMatchable(o: MatchableFacts, today: IsoDay | string): boolean {
  return o.status === "verified" && o.positionsFilled < o.positions && (o.validUntil === null || o.validUntil >= today);
}
