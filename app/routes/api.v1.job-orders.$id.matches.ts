import type { LoaderFunctionArgs } from "@remix-run/node";
import { MatchQuerySchema } from "~/domain/matching/api-schema";
import { negotiateLocale } from "~/i18n/locales";
import { matchJobOrderForAgency } from "~/services/matching/match-order.server";
import { api, onlyMethods, parseQuery } from "~/web/api.server";
import { presentMatches } from "~/web/matches.server";

/**
 * GET /api/v1/job-orders/:id/matches?limit=&offset=&nearLimit=&nearOffset=&item= (agency key): the agency's own
 * ranked candidates and near misses for a verified order. Schema: /api/v1/openapi.json (MatchResponse).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) => {
    const q = parseQuery(request, MatchQuerySchema);
    return presentMatches(await matchJobOrderForAgency(context.deps, actor, params.id ?? "", q), locale);
  });
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
