import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { MatchQuerySchema } from "~/domain/matching/api-schema";
import { negotiateLocale } from "~/i18n/locales";
import { matchJobOrder } from "~/services/matching/match-order.server";
import { api, onlyMethods, parseQuery } from "~/web/api.server";
import { presentMatches } from "~/web/matches.server";

/**
 * GET /api/v1/job-orders/:id/matches?limit=&offset=&nearLimit=&nearOffset=&item= (agency key): the agency's own
 * ranked candidates and near misses for a verified order. Schema: /api/v1/openapi.json (MatchResponse).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) => {
    if (actor.orgKind !== "agency") throw new DomainError("forbidden", "errors.agency_only");
    const q = parseQuery(request, MatchQuerySchema);
    const view = await matchJobOrder(context.deps, actor, params.id ?? "", q);
    if (view.kind !== "agency") throw new DomainError("forbidden", "errors.agency_only");
    return presentMatches(view, locale);
  });
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
