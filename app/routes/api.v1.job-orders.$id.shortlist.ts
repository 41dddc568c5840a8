import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { AddCandidatesSchema } from "~/domain/shortlists/schema";
import { negotiateLocale } from "~/i18n/locales";
import { addCandidates } from "~/services/shortlists/add-candidates.server";
import { getShortlist } from "~/services/shortlists/get-shortlist.server";
import { api, ApiResponse, methodNotAllowed, parseJsonBody } from "~/web/api.server";
import { presentShortlistItem } from "~/web/shortlists.server";

/** GET /api/v1/job-orders/:id/shortlist (agency key): the agency's candidates on the order, each with its stage and what it fails now. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) => {
    const { order, items, slotsHeld } = await getShortlist(context.deps, actor, params.id ?? "");
    return {
      jobOrder: {
        id: order.id,
        reference: order.reference,
        status: order.status,
        positions: order.positions,
        positionsFilled: order.positionsFilled,
      },
      slotsHeld,
      items: items.map((i) => presentShortlistItem(i, locale)),
    };
  });
}

/** POST /api/v1/job-orders/:id/shortlist {workerIds: [...]} (agency key): adds candidates (1–100 at once). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("GET", "POST");
    const input = await parseJsonBody(request, AddCandidatesSchema);
    return new ApiResponse(await addCandidates(context.deps, actor, params.id ?? "", input), 201);
  });
}
