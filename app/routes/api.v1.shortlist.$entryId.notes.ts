import type { ActionFunctionArgs } from "@remix-run/node";
import { NoteSchema } from "~/domain/shortlists/schema";
import { addNote } from "~/services/shortlists/add-note.server";
import { api, ApiResponse, methodNotAllowed, onlyMethods, parseJsonBody } from "~/web/api.server";

/** POST /api/v1/shortlist/:entryId/notes {body} (agency key): a private note on the candidate. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    const input = await parseJsonBody(request, NoteSchema);
    const note = await addNote(context.deps, actor, params.entryId ?? "", input);
    return new ApiResponse({ id: note.id, body: note.body, at: note.createdAt.toISOString() }, 201);
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
