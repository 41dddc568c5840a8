import type { ActionFunctionArgs } from "@remix-run/node";
import { presentOrder } from "~/services/job-orders/read.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { api, methodNotAllowed, onlyMethods } from "~/web/api.server";

/** POST /api/v1/job-orders/:id/submit: the employer submits the order for verification. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    return { jobOrder: presentOrder(await submitJobOrder(context.deps, actor, params.id ?? "")) };
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
