import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import { findEventBySlug, listEventStaff, type BoothEvent, type EventStaffMember } from "~db/events";
import type { Deps } from "../deps.server";
import { requireEventStaff } from "../guards.server";

// Slugs are made by slugify (lower-case letters, digits, single dashes); anything else names no event, and PostgreSQL
// refuses some of it (a NUL byte in text is an error, not a miss), so it is answered "not found" before any query.
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The event the actor may see (its staff or a ministry administrator), with its staff; otherwise "not found". */
export async function loadEventFor(
  deps: Deps,
  actor: Actor,
  slug: string,
): Promise<{ event: BoothEvent; staff: EventStaffMember[] }> {
  const event = SLUG_SHAPE.test(slug) ? await findEventBySlug(deps.db, slug) : undefined;
  if (!event) throw new DomainError("not_found", "errors.not_found");
  const staff = await listEventStaff(deps.db, event.id);
  requireEventStaff(actor, { staffUserIds: staff.map((s) => s.userId) });
  return { event, staff };
}
