import { DomainError, isUuid } from "~/domain/errors";
import { type Actor } from "~/domain/org";
import type { BulkMoveInput } from "~/domain/shortlists/schema";
import type { Deps } from "../deps.server";
import { getShortlist, type ShortlistItem } from "./get-shortlist.server";
import { moveCandidate } from "./move-candidate.server";

// Bulk moves on an agency's shortlist (docs/decisions/008-shortlists.md): the page first shows what a move would do
// to each chosen candidate (previewMoves), then makes it for those it can (moveCandidates), each candidate in a move
// of its own under the same locks and checks as a single move, so one candidate refused never undoes another.

export interface MovePreview {
  entryId: string;
  code: string;
  name: string | null;
  externalRef: string | null;
  /** why this candidate would not move: flagged (fails a requirement now) or its stage does not allow it */
  refusal: "flagged" | "stage" | null;
}

/** Chosen entries that are not on this order's shortlist (another agency's, another order's, or none): how many. */
const notOnShortlist = (n: number) =>
  new DomainError("invalid", "shortlist.unknown_entries", { entryIds: "shortlist.unknown_entries" }, { n });

/** What the move would do to each chosen entry of this order's shortlist, before anything is changed. */
export async function previewMoves(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: BulkMoveInput,
): Promise<{ items: MovePreview[]; movable: number }> {
  const { items } = await getShortlist(deps, actor, orderId);
  const byId = new Map(items.map((i) => [i.entryId, i]));
  const chosen = input.entryIds.map((id) => byId.get(id));
  const unknown = chosen.filter((i) => i === undefined).length;
  if (unknown) throw notOnShortlist(unknown);
  const previews = (chosen as ShortlistItem[]).map((i) => ({
    entryId: i.entryId,
    code: i.code,
    name: i.name,
    externalRef: i.externalRef,
    refusal: refusalOf(i, input.action),
  }));
  return { items: previews, movable: previews.filter((p) => p.refusal === null).length };
}

function refusalOf(i: ShortlistItem, action: BulkMoveInput["action"]): MovePreview["refusal"] {
  if (i.actions.includes(action)) return null;
  return action === "propose" && i.stage === "shortlisted" && i.failing.length > 0 ? "flagged" : "stage";
}

/** An entry the move was refused for, with the refusal's message key and its parameters. */
export interface Refusal {
  entryId: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/**
 * Makes the move for each chosen entry of this order that allows it; answers which moved and which were refused
 * (with the refusal's message key), in the order chosen.
 */
export async function moveCandidates(
  deps: Deps,
  actor: Actor,
  orderId: string,
  input: BulkMoveInput,
): Promise<{ moved: string[]; refused: Refusal[] }> {
  if (!isUuid(orderId)) throw new DomainError("not_found", "errors.not_found");
  const { items } = await getShortlist(deps, actor, orderId); // the order is the agency's, and these entries are on it
  const onOrder = new Set(items.map((i) => i.entryId));
  const unknown = input.entryIds.filter((id) => !onOrder.has(id)).length;
  if (unknown) throw notOnShortlist(unknown);
  const moved: string[] = [];
  const refused: Refusal[] = [];
  for (const entryId of new Set(input.entryIds)) {
    try {
      await moveCandidate(deps, actor, entryId, { action: input.action, reason: input.reason });
      moved.push(entryId);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== "conflict" && e.code !== "invalid")) throw e;
      refused.push({ entryId, messageKey: e.messageKey, params: e.params });
    }
  }
  return { moved, refused };
}
