// Organisations, roles and agency licences: pure rules, no I/O.

export const ORG_KINDS = ["employer", "agency", "mission", "ministry"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = ["admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const LICENCE_STATUSES = ["active", "suspended", "revoked"] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** Why an agency's users are refused, or null when they may work. */
export type LicenceBlock = "suspended" | "revoked" | "expired" | "missing";

export interface LicenceState {
  status: LicenceStatus | null;
  /** last day of a suspension (inclusive); null = until lifted */
  suspendedUntil: string | null;
  /** last day the licence is valid (inclusive); null = no expiry recorded */
  validUntil: string | null;
}

/**
 * A suspension with an end date lifts itself the day after it ends; an expired licence blocks even when its
 * recorded status is still "active" (a lapsed licence means no access).
 */
export function licenceBlock(state: LicenceState, today: string): LicenceBlock | null {
  if (state.status === null) return "missing";
  if (state.status === "revoked") return "revoked";
  if (state.status === "suspended" && (state.suspendedUntil === null || state.suspendedUntil >= today)) {
    return "suspended";
  }
  if (state.validUntil !== null && state.validUntil < today) return "expired";
  return null;
}

export type EffectiveLicence = "active" | "suspended" | "revoked" | "expired" | "none";

/** What a licence amounts to today (a suspension past its end is active again; a lapsed one is expired). */
export function effectiveLicence(state: LicenceState, today: string): EffectiveLicence {
  const block = licenceBlock(state, today);
  return block === null ? "active" : block === "missing" ? "none" : block;
}

export function canSignIn(kind: OrgKind, licence: LicenceState, today: string): LicenceBlock | null {
  return kind === "agency" ? licenceBlock(licence, today) : null;
}

export interface Actor {
  userId: string | null;
  orgId: string;
  orgKind: OrgKind;
  role: Role | "api";
  /** who acted when no user did, for audit trails: "api-key:<name>" */
  label?: string | null;
}

export const isMinistryAdmin = (a: Actor) => a.orgKind === "ministry" && a.role === "admin";
export const isOrgAdmin = (a: Actor, orgId: string) => a.orgId === orgId && a.role === "admin";
