import type { ActionFunctionArgs } from "@remix-run/node";
import { VerificationSchema } from "~/domain/job-orders/schema";
import { decideJobOrder } from "~/services/job-orders/decide.server";
import { presentOrder } from "~/services/job-orders/read.server";
import { api, methodNotAllowed, onlyMethods, parseJsonBody } from "~/web/api.server";

/** POST /api/v1/job-orders/:id/verification {decision, reason, note}: a mission's decision. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    const input = await parseJsonBody(request, VerificationSchema);
    return { jobOrder: presentOrder(await decideJobOrder(context.deps, actor, params.id ?? "", input)) };
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
