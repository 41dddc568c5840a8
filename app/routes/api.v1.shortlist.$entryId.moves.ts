import type { ActionFunctionArgs } from "@remix-run/node";
import { StageMoveSchema } from "~/domain/shortlists/schema";
import { moveCandidate } from "~/services/shortlists/move-candidate.server";
import { api, methodNotAllowed, onlyMethods, parseJsonBody } from "~/web/api.server";

/**
 * POST /api/v1/shortlist/:entryId/moves {action, reason?}: a candidate's next stage. Agency keys: propose,
 * sign_contract, depart, withdraw; employer keys: request_interview, select, reject. 409 when the stage does not
 * allow it, when a proposed candidate fails a gate, or when no position is open.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    const input = await parseJsonBody(request, StageMoveSchema);
    return moveCandidate(context.deps, actor, params.entryId ?? "", input);
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
