import type { JobOrderState } from "../job-orders/state-machine";
import { BREAKDOWN_MIN_TOTAL, cell, SMALL_CELL, type Cell } from "./breakdown";

// What a booth event produced (issue 14, "results"), from the aggregates db/lead-results.ts reads. Pure.
// Two readers: the ministry's administrators see exact figures; anyone else on the event's staff (a mission's
// people, who are not the controller of these data) sees them under the kiosk's small-number rules of
// breakdown.ts, reused as they are: every figure a cell (0, "fewer than 5", or rounded to 5), a group of fewer
// than 5 leads not named but summed into "other", and no breakdown at all below BREAKDOWN_MIN_TOTAL leads.

/** How far an order linked to a lead got, for each state of the job order's life cycle (state-machine.ts). */
export type OrderProgress = "drafted" | "submitted" | "verified";
const PROGRESS_OF_STATE: Record<JobOrderState, OrderProgress> = {
  draft: "drafted",
  // returned and rejected are reached only from submitted: the order was submitted
  submitted: "submitted",
  returned: "submitted",
  rejected: "submitted",
  // filled, closed, expired and revoked are reached only from verified: the order was verified
  verified: "verified",
  filled: "verified",
  closed: "verified",
  expired: "verified",
  revoked: "verified",
};
export const orderProgress = (state: JobOrderState): OrderProgress => PROGRESS_OF_STATE[state];
/** Verified and still standing: its positions count as verified (a revoked order's verification was withdrawn). */
export const verificationStands = (state: JobOrderState) => orderProgress(state) === "verified" && state !== "revoked";

export const FUNNEL_STAGES = ["leads", "invited", "accepted", "drafted", "submitted", "verified"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How many leads share one combination of progress (the SQL groups by it; no lead is named). */
export interface LeadProgressGroup {
  invited: boolean;
  accepted: boolean;
  orderState: JobOrderState | null;
  leads: number;
}

/** The furthest funnel stage a lead reached; each stage implies those before it (an order implies an invitation). */
export function reachedStage(p: Omit<LeadProgressGroup, "leads">): FunnelStage {
  if (p.orderState !== null) return orderProgress(p.orderState);
  if (p.accepted) return "accepted";
  if (p.invited) return "invited";
  return "leads";
}

export interface RawGroup {
  code: string;
  leads: number;
  positions: number;
}

export interface RawResults {
  leads: { total: number; kiosk: number; phone: number; consentContact: number; consentShare: number; erased: number };
  byOccupation: RawGroup[];
  byCountry: RawGroup[];
  invitations: { sent: number; accepted: number; pending: number; expired: number; revoked: number };
  progress: LeadProgressGroup[];
  /** the distinct orders linked to the event's leads, by state */
  orders: { state: JobOrderState; orders: number; positions: number }[];
}

/** A figure as shown: exact for the ministry's administrators; a Cell (null = "fewer than 5") for anyone else. */
export type Figure = Cell;

export interface ShownGroup {
  /** null: "other", the groups of fewer than SMALL_CELL leads (only in the protected view) */
  code: string | null;
  leads: Figure;
  positions: Figure;
}

export interface EventResults {
  exact: boolean;
  leads: Record<keyof RawResults["leads"], Figure>;
  positionsDescribed: Figure;
  /** false: too few leads for a breakdown in the protected view; the lists are then empty */
  breakdownShown: boolean;
  byOccupation: ShownGroup[];
  byCountry: ShownGroup[];
  invitations: Record<keyof RawResults["invitations"], Figure>;
  orders: { drafted: Figure; submitted: Figure; verified: Figure; revoked: Figure; positionsVerified: Figure };
  /** each stage's leads, with the share of the stage before and of all leads (whole percent; null when unknown) */
  funnel: { stage: FunnelStage; count: Figure; ofPrevious: number | null; ofLeads: number | null }[];
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const byShown = (a: ShownGroup, b: ShownGroup) =>
  (b.positions ?? 0) - (a.positions ?? 0) || (a.code ?? "\uffff").localeCompare(b.code ?? "\uffff");

function groups(raw: readonly RawGroup[], exact: boolean, show: (n: number) => Figure): ShownGroup[] {
  if (exact) return raw.map((g) => ({ code: g.code, leads: g.leads, positions: g.positions })).sort(byShown);
  const named = raw.filter((g) => g.leads >= SMALL_CELL);
  const rest = raw.filter((g) => g.leads < SMALL_CELL);
  const shown: ShownGroup[] = named.map((g) => ({ code: g.code, leads: show(g.leads), positions: show(g.positions) }));
  shown.sort(byShown);
  if (rest.length)
    shown.push({
      code: null,
      leads: show(sum(rest.map((g) => g.leads))),
      positions: show(sum(rest.map((g) => g.positions))),
    });
  return shown;
}

const percent = (part: Figure, whole: Figure) =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 100);

export function eventResults(raw: RawResults, exact: boolean): EventResults {
  const show = (n: number): Figure => (exact ? n : cell(n));
  const mapFigures = <K extends string>(o: Record<K, number>) =>
    Object.fromEntries(Object.entries<number>(o).map(([k, n]) => [k, show(n)])) as Record<K, Figure>;

  const reached = new Map<FunnelStage, number>(FUNNEL_STAGES.map((s) => [s, 0]));
  for (const g of raw.progress) {
    const furthest = FUNNEL_STAGES.indexOf(reachedStage(g));
    for (const s of FUNNEL_STAGES.slice(0, furthest + 1)) reached.set(s, (reached.get(s) ?? 0) + g.leads);
  }
  const counts = FUNNEL_STAGES.map((s) => show(reached.get(s) ?? 0));
  const funnel = FUNNEL_STAGES.map((stage, i) => ({
    stage,
    count: counts[i]!,
    ofPrevious: i === 0 ? null : percent(counts[i]!, counts[i - 1]!),
    ofLeads: i === 0 ? null : percent(counts[i]!, counts[0]!),
  }));

  const ordersIn = (p: (s: JobOrderState) => boolean) => sum(raw.orders.filter((o) => p(o.state)).map((o) => o.orders));
  const breakdownShown = exact || raw.leads.total >= BREAKDOWN_MIN_TOTAL;
  return {
    exact,
    leads: mapFigures(raw.leads),
    positionsDescribed: show(sum(raw.byOccupation.map((g) => g.positions))),
    breakdownShown,
    byOccupation: breakdownShown ? groups(raw.byOccupation, exact, show) : [],
    byCountry: breakdownShown ? groups(raw.byCountry, exact, show) : [],
    invitations: mapFigures(raw.invitations),
    orders: {
      drafted: show(ordersIn(() => true)),
      submitted: show(ordersIn((s) => orderProgress(s) !== "drafted")),
      verified: show(ordersIn((s) => orderProgress(s) === "verified")),
      revoked: show(ordersIn((s) => s === "revoked")),
      positionsVerified: show(sum(raw.orders.filter((o) => verificationStands(o.state)).map((o) => o.positions))),
    },
    funnel,
  };
}
