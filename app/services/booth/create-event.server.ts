import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import type { EventInput } from "~/domain/booth/event-schema";
import { recordAudit } from "~db/audit";
import type { Db } from "~db/client";
import { findEventBySlug, insertEvent, type BoothEvent } from "~db/events";
import type { Deps } from "../deps.server";
import { requireMinistryAdmin } from "../guards.server";
import { isUniqueViolation } from "../auth/sign-up-employer.server";
import { slugify } from "../orgs/unique-slug.server";

/** A free event slug derived from the name, as organisations get theirs: "seatrade-2027", then "seatrade-2027-2". */
async function uniqueEventSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findEventBySlug(db, candidate))) return candidate;
  }
}

/** A ministry administrator records a trade-forum event. */
export async function createEvent(deps: Deps, actor: Actor, input: EventInput): Promise<BoothEvent> {
  requireMinistryAdmin(actor);
  for (let attempt = 0; ; attempt++) {
    const slug = await uniqueEventSlug(deps.db, input.name);
    try {
      return await deps.db.transaction().execute(async (tx) => {
        const event = await insertEvent(tx, { ...input, slug, createdBy: actor.userId });
        await recordAudit(tx, {
          orgId: actor.orgId,
          actorUserId: actor.userId,
          action: "event.created",
          subjectType: "event",
          subjectId: event.id,
          details: { slug, startsOn: event.startsOn, endsOn: event.endsOn },
        });
        return event;
      });
    } catch (e) {
      // two administrators naming events alike at the same moment: the loser takes the next free slug
      if (attempt < 3 && isUniqueViolation(e, "events_slug_key")) continue;
      if (isUniqueViolation(e, "events_slug_key")) throw new DomainError("conflict", "errors.slug_taken");
      throw e;
    }
  }
}
