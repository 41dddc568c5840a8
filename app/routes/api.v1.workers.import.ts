import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { parseImportFile } from "~/domain/workers/import-format";
import { negotiateLocale } from "~/i18n/locales";
import { translateError } from "~/i18n/translate";
import { importWorkers } from "~/services/workers/import-workers.server";
import { api, ApiResponse, methodNotAllowed } from "~/web/api.server";

/**
 * POST /api/v1/workers/import (agency key): a JSON array of profiles or a CSV body (text/csv), `?mode=all_or_nothing`
 * to import nothing unless every row is valid. Answers the per-row report; messages in Accept-Language.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed();
    const rows = parseImportFile(await request.text());
    if (!rows) throw new DomainError("invalid", "errors.import_unreadable");
    const mode = new URL(request.url).searchParams.get("mode") === "all_or_nothing" ? "all_or_nothing" : "valid_only";
    const report = await importWorkers(context.deps, actor, rows, mode);
    const tr = (issues: typeof report.errors) => issues.map((i) => ({ ...i, message: translateError(locale, i.message) }));
    const refused = mode === "all_or_nothing" && report.errors.length > 0;
    return new ApiResponse({ ...report, errors: tr(report.errors), warnings: tr(report.warnings) }, refused ? 422 : 200);
  });
}
