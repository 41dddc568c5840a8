import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { getJobOrderDetail, presentOrder } from "~/services/job-orders/read.server";
import { editJobOrder } from "~/services/job-orders/write.server";
import { api, methodNotAllowed, parseJsonBody } from "~/web/api.server";

/** GET /api/v1/job-orders/:id: one order, if this organisation may see it (else 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => {
    const d = await getJobOrderDetail(context.deps, actor, params.id ?? "");
    return { jobOrder: d.order, actions: d.actions, versions: d.versions, events: d.events };
  });
}

/** PUT /api/v1/job-orders/:id: replace the content of a draft (or a returned/rejected order). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "PUT") methodNotAllowed("GET", "PUT");
    const input = await parseJsonBody(request, jobOrderSchema(isoDay(context.deps.now())));
    return { jobOrder: presentOrder(await editJobOrder(context.deps, actor, params.id ?? "", input)) };
  });
}
