import { DomainError, isUuid } from "~/domain/errors";
import {
  PUBLIC_STATES,
  roleFor,
  transition,
  type ActorRole,
  type JobOrderAction,
} from "~/domain/job-orders/state-machine";
import { hasEntries } from "~db/shortlists";
import type { Actor } from "~/domain/org";
import { findJobOrder, lockJobOrder } from "~db/job-orders";
import { findOrgById, type Org } from "~db/orgs";
import type { Db } from "~db/client";
import type { JobOrder } from "~db/schema";
import type { Deps } from "../deps.server";

export type Viewer = ActorRole | "agency";

/**
 * Who may see an order: its employer (every state), a mission covering its destination and the ministry (every
 * state but draft), agencies (verified only). Anyone else gets "not found", never "forbidden".
 */
export function canSee(role: Viewer | null, order: Pick<JobOrder, "status">): role is Viewer {
  if (role === null) return false;
  if (role === "owner") return true;
  if (role === "agency") return order.status === "verified";
  return order.status !== "draft";
}

export async function actorOrg(db: Db, actor: Actor): Promise<Org> {
  const org = await findOrgById(db, actor.orgId);
  if (!org) throw new DomainError("not_found", "errors.not_found");
  return org;
}

export function viewerOf(org: Org, order: Pick<JobOrder, "employer_org_id" | "country">, actor: Actor): Viewer | null {
  return roleFor(
    { id: org.id, kind: org.kind, countries: org.countries },
    { employerOrgId: order.employer_org_id, country: order.country },
    actor.role,
  );
}

export async function loadVisible(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ order: JobOrder; role: Viewer; org: Org }> {
  if (!isUuid(id)) throw new DomainError("not_found", "errors.job_order_not_found");
  const [order, org] = await Promise.all([findJobOrder(deps.db, id), actorOrg(deps.db, actor)]);
  const role = order ? viewerOf(org, order, actor) : null;
  // an agency keeps seeing an order it has candidates on after it leaves "verified" (filled, closed …)
  const candidatesOn =
    role === "agency" &&
    order &&
    order.status !== "verified" &&
    PUBLIC_STATES.includes(order.status) &&
    (await hasEntries(deps.db, order.id, org.id));
  if (!order || !(canSee(role, order) || candidatesOn))
    throw new DomainError("not_found", "errors.job_order_not_found");
  return { order, role: role!, org };
}

/**
 * Inside a transaction: lock the order, check that this actor may see it and take `action` from its current
 * state. Returns the order as locked and the state it moves to.
 */
export async function lockForAction(tx: Db, actor: Actor, id: string, action: JobOrderAction) {
  if (!isUuid(id)) throw new DomainError("not_found", "errors.job_order_not_found");
  const [order, org] = await Promise.all([lockJobOrder(tx, id), actorOrg(tx, actor)]);
  const role = order ? viewerOf(org, order, actor) : null;
  if (!order || !canSee(role, order)) throw new DomainError("not_found", "errors.job_order_not_found");
  const result = role === "agency" ? ({ ok: false, why: "actor" } as const) : transition(order.status, action, role);
  if (!result.ok) {
    if (result.why === "actor") throw new DomainError("forbidden", "errors.forbidden");
    throw new DomainError("conflict", "errors.transition_refused", {}, { state: `state.${order.status}` });
  }
  return { order, org, role, to: result.to };
}

export const actorFields = (actor: Actor) => ({
  actor_user_id: actor.userId,
  actor_org_id: actor.orgId,
  actor_label: actor.label ?? null,
});
