import { DomainError, isUuid } from "~/domain/errors";
import { type Actor } from "~/domain/org";
import type { NoteInput } from "~/domain/shortlists/schema";
import { findEntry, insertNote } from "~db/shortlists";
import type { Deps } from "../deps.server";
import { requireViewerRole } from "../guards.server";
import { sideOn } from "./access.server";

/** A private note of the agency on one of its candidates. */
export async function addNote(deps: Deps, actor: Actor, entryId: string, input: NoteInput) {
  if (!isUuid(entryId)) throw new DomainError("not_found", "errors.not_found");
  const entry = await findEntry(deps.db, entryId);
  if (!entry || !entry.worker_id) throw new DomainError("not_found", "errors.not_found");
  requireViewerRole(await sideOn(deps.db, actor, entry), ["agency"]);
  return insertNote(deps.db, entry.id, input.body, { userId: actor.userId, label: actor.label ?? null });
}
