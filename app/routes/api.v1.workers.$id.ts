import type { ActionFunctionArgs } from "@remix-run/node";
import { eraseWorker } from "~/services/workers/privacy.server";
import { api, methodNotAllowed, onlyMethods } from "~/web/api.server";

/** DELETE /api/v1/workers/:id (agency key): erases the worker on request (see README, Privacy). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "DELETE") methodNotAllowed("DELETE");
    await eraseWorker(context.deps, actor, params.id ?? "");
    return { erased: true };
  });
}

/** Any other method: 405 with `Allow: DELETE`. */
export const loader = onlyMethods("DELETE");
