import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { JOB_ORDER_STATES } from "~/domain/job-orders/state-machine";
import { listJobOrdersFor, presentOrder } from "~/services/job-orders/read.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { api, ApiResponse, methodNotAllowed, parseJsonBody } from "~/web/api.server";

/** GET /api/v1/job-orders: the orders this organisation may see (?status, ?country, ?sector, ?page). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => {
    const q = new URL(request.url).searchParams;
    const status = JOB_ORDER_STATES.find((s) => s === q.get("status"));
    const list = await listJobOrdersFor(context.deps, actor, {
      status,
      country: q.get("country")?.toUpperCase() || undefined,
      sector: q.get("sector") || undefined,
      page: Number(q.get("page")) || 1,
    });
    return {
      data: list.rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        title: r.title,
        iscoCode: r.iscoCode,
        sector: r.sector,
        country: r.country,
        positions: r.positions,
        positionsFilled: r.positionsFilled,
        verificationCode: r.verificationCode,
        updatedAt: r.updatedAt,
      })),
      page: list.page,
      pages: list.pages,
      total: list.total,
    };
  });
}

/** POST /api/v1/job-orders: an employer creates a draft from the same schema as the form. */
export async function action({ request, context }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("GET", "POST");
    const input = await parseJsonBody(request, jobOrderSchema(isoDay(context.deps.now())));
    const order = await createJobOrder(context.deps, actor, input);
    return new ApiResponse({ jobOrder: presentOrder(order) }, 201);
  });
}
