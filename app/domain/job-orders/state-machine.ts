import type { OrgKind } from "../org";

// The job order's life cycle. Only these transitions exist; everything else is refused.
//   draft → submitted → verified | returned | rejected
//   returned | rejected → submitted (after correction: a new version)
//   verified → filled | closed | expired | revoked
//   filled → verified (the system, when a selected candidate leaves and frees a position)

export const JOB_ORDER_STATES = [
  "draft",
  "submitted",
  "verified",
  "returned",
  "rejected",
  "filled",
  "closed",
  "expired",
  "revoked",
] as const;
export type JobOrderState = (typeof JOB_ORDER_STATES)[number];

export const JOB_ORDER_ACTIONS = [
  "edit",
  "submit",
  "approve",
  "return",
  "reject",
  "fill",
  "close",
  "expire",
  "revoke",
  "reopen",
] as const;
export type JobOrderAction = (typeof JOB_ORDER_ACTIONS)[number];

/** Who may take an action: the owning employer, a mission covering the destination, a ministry admin, or the system. */
export type ActorRole = "owner" | "mission" | "ministry" | "system";

interface Rule {
  from: readonly JobOrderState[];
  to: JobOrderState | null; // null: the state does not change (an edit)
  by: readonly ActorRole[];
}

export const RULES: Record<JobOrderAction, Rule> = {
  edit: { from: ["draft", "returned", "rejected"], to: null, by: ["owner"] },
  submit: { from: ["draft", "returned", "rejected"], to: "submitted", by: ["owner"] },
  approve: { from: ["submitted"], to: "verified", by: ["mission"] },
  return: { from: ["submitted"], to: "returned", by: ["mission"] },
  reject: { from: ["submitted"], to: "rejected", by: ["mission"] },
  fill: { from: ["verified"], to: "filled", by: ["owner"] },
  close: { from: ["verified"], to: "closed", by: ["owner", "ministry"] },
  expire: { from: ["verified"], to: "expired", by: ["system"] },
  revoke: { from: ["verified"], to: "revoked", by: ["mission", "ministry"] },
  reopen: { from: ["filled"], to: "verified", by: ["system"] },
};

export type TransitionResult = { ok: true; to: JobOrderState } | { ok: false; why: "state" | "actor" };

export function transition(from: JobOrderState, action: JobOrderAction, by: ActorRole): TransitionResult {
  const rule = RULES[action];
  // An actor who may never take the action is refused as such (403), whatever the state.
  if (!rule.by.includes(by)) return { ok: false, why: "actor" };
  if (!rule.from.includes(from)) return { ok: false, why: "state" };
  return { ok: true, to: rule.to ?? from };
}

/** The actions this actor could take on an order in this state (to show only buttons that work). */
export function availableActions(state: JobOrderState, by: ActorRole): JobOrderAction[] {
  return JOB_ORDER_ACTIONS.filter((a) => transition(state, a, by).ok);
}

/** Terminal and public states. */
export const PUBLIC_STATES: readonly JobOrderState[] = ["verified", "filled", "closed", "expired", "revoked"];

/** How an organisation relates to an order, from which visibility and roles follow. */
export function roleFor(
  org: { id: string; kind: OrgKind; countries: readonly string[] },
  order: { employerOrgId: string; country: string },
  userRole: "admin" | "member" | "api" = "admin",
): ActorRole | "agency" | null {
  if (org.kind === "employer") return org.id === order.employerOrgId ? "owner" : null;
  if (org.kind === "mission") return org.countries.includes(order.country) ? "mission" : null;
  // Only ministry administrators (signed in) oversee orders; ministry members and ministry API keys do not.
  if (org.kind === "ministry") return userRole === "admin" ? "ministry" : null;
  if (org.kind === "agency") return "agency";
  return null;
}

/** Positions filled can never exceed positions, nor go negative. */
export function canRecordFilled(positions: number, filled: number): boolean {
  return Number.isInteger(filled) && filled >= 0 && filled <= positions;
}
