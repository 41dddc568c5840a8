import type { LoaderFunctionArgs } from "@remix-run/node";
import { failedRowsOf } from "~/services/workers/import-failed-rows.server";
import { throwAsText } from "~/web/errors.server";
import { failedRowsResponse } from "~/web/failed-rows-csv.server";
import { getLocale } from "~/web/locale.server";
import { requireAgencyUser } from "~/web/session.server";

/**
 * GET /workers/import/:id/failed.csv: the rows of one of the agency's imports that were rejected, with an `error`
 * column, to correct and import again (for 72 hours after the import; another organisation gets 404).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireAgencyUser(request, context);
  const locale = await getLocale(request, context);
  const id = params.id ?? "";
  const rows = await failedRowsOf(context.deps, actor, id).catch(throwAsText(locale));
  return failedRowsResponse(rows, locale, id);
}
