import type { LoaderFunctionArgs } from "@remix-run/node";
import { reviewCandidates } from "~/services/shortlists/employer-review.server";
import { api, onlyMethods } from "~/web/api.server";
import { presentEmployerCandidate } from "~/web/shortlists.server";

/**
 * GET /api/v1/job-orders/:id/candidates (employer key): the candidates proposed for the employer's order,
 * anonymised; `identity` only where the worker consented to disclosure for this order (and then logged).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => {
    const { order, candidates } = await reviewCandidates(context.deps, actor, params.id ?? "", "api");
    return {
      jobOrder: {
        id: order.id,
        reference: order.reference,
        status: order.status,
        positions: order.positions,
        positionsFilled: order.positionsFilled,
      },
      candidates: candidates.map(presentEmployerCandidate),
    };
  });
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
