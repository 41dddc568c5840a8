import type { LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLocale } from "~/i18n/locales";
import { failedRowsOf } from "~/services/workers/import-failed-rows.server";
import { api, onlyMethods } from "~/web/api.server";
import { failedRowsResponse } from "~/web/failed-rows-csv.server";

/**
 * GET /api/v1/workers/imports/:id/failed.csv (agency key): a CSV import's rejected rows with an `error` column in
 * Accept-Language, for 72 hours after the import (the report's `failedRows` says whether there are any).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) =>
    failedRowsResponse(await failedRowsOf(context.deps, actor, params.id ?? ""), locale, params.id ?? ""),
  );
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
