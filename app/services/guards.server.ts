import { DomainError } from "~/domain/errors";
import { isMinistryAdmin, type Actor, type OrgKind } from "~/domain/org";

// Every authorisation guard of the services, in one place (as the Epic Stack's permissions.server.ts), so one
// situation always gets one answer. Each throws a DomainError; app/web maps not_found to 404, forbidden to 403.
// ESLint refuses a `require*` function defined anywhere else, and an inline `actor.orgKind !==` check.
//
// The rule (docs/decisions/016-guards.md): first ask whether the actor may know that the thing the request names
// exists.
//   404 "not found": it may not — another tenant's record, an order it cannot see, or an area that only another
//       kind of organisation has (the worker register, imports and worker search are agencies'; the
//       administration pages and reference lists are the ministry administrators'). The answer is the one a
//       missing thing gets, so it confirms nothing.
//   403 "forbidden": it may, and this action is simply not its own — a member (not an administrator) of its own
//       organisation, the other side's move on a candidate both sides see, an employer asking for the shortlist
//       or matches of its own order, an agency creating a job order (it sees job orders, it does not write them).
// So a guard that depends on a record runs after the record is found visible; a 403 never comes before the
// lookup that would have answered 404. (A blocked licence is its own answer, licence_blocked / 403, at sign-in.)

// ── 404: the actor may not know that it exists ─────────────────────────────────────────────────────────────

/** Areas only licensed agencies have: the worker register, its imports, its search and its privacy requests. */
export function requireAgency(actor: Actor): void {
  if (actor.orgKind !== "agency") throw new DomainError("not_found", "errors.not_found");
}

/** The administration pages: organisations, licences, the problem-employer list and destination standards. */
export function requireMinistryAdmin(actor: Actor): void {
  if (!isMinistryAdmin(actor)) throw new DomainError("not_found", "errors.not_found");
}

// ── 403: the actor sees it; this action is not its own ─────────────────────────────────────────────────────

/** Settings, members, invitations and keys of an organisation the actor already sees: its admins, or the ministry's. */
export function requireAdminOf(actor: Actor, org: { id: string }): void {
  const own = actor.orgId === org.id && actor.role === "admin";
  if (!own && !isMinistryAdmin(actor)) throw new DomainError("forbidden", "errors.forbidden");
}

/** An action on things every kind of organisation sees (job orders) that only one kind takes (employers create them). */
export function requireKindToAct(actor: Actor, kind: OrgKind, messageKey = "errors.forbidden"): void {
  if (actor.orgKind !== kind) throw new DomainError("forbidden", messageKey);
}

/**
 * A use of something the actor can see that belongs to another role on it: `role` is the actor's viewer role on
 * a job order (from loadVisible: the shortlist is an agency's, the candidates' review the owner's, matches an
 * agency's or the ministry's) or its side of a candidate (notes and disclosure consent are the agency's).
 */
export function requireViewerRole<R extends string>(
  role: string,
  allowed: readonly R[],
  messageKey = "errors.forbidden",
): asserts role is R {
  if (!(allowed as readonly string[]).includes(role)) throw new DomainError("forbidden", messageKey);
}

// ── the trade-forum booth (issue 14) ───────────────────────────────────────────────────────────────────────

/**
 * An event's pages (its details, staff, kiosks, later its leads): its listed staff and the ministry's
 * administrators. Anyone else may not know the event exists (404). Runs after the event is found.
 */
export function requireEventStaff(actor: Actor, event: { staffUserIds: readonly string[] }): void {
  const listed = actor.userId !== null && event.staffUserIds.includes(actor.userId);
  if (!listed && !isMinistryAdmin(actor)) throw new DomainError("not_found", "errors.not_found");
}

/** Changing an event and its staff: the ministry's administrators; its staff see the event, so 403 for them. */
export function requireEventAdmin(actor: Actor): void {
  if (!isMinistryAdmin(actor)) throw new DomainError("forbidden", "errors.forbidden");
}
