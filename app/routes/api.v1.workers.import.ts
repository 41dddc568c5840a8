import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { negotiateLocale } from "~/i18n/locales";
import { translateError } from "~/i18n/translate";
import { importWorkers } from "~/services/workers/import-workers.server";
import { api, ApiResponse, methodNotAllowed, onlyMethods } from "~/web/api.server";
import { importApiUpload, uploadedRows } from "~/web/worker-import.server";

/**
 * POST /api/v1/workers/import (agency key): a JSON array of profiles or a CSV body (text/csv), `?mode=all_or_nothing`
 * to import nothing unless every row is valid and stored (default `valid_only`: every valid row is stored). Every
 * import has a record (GET /api/v1/workers/imports). Answers the per-row report; messages in Accept-Language.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    const upload = await importApiUpload(request);
    const rows = await uploadedRows(context.deps, upload);
    if (!rows) throw new DomainError("invalid", "errors.import_unreadable");
    const report = await importWorkers(context.deps, actor, rows, upload.mode, undefined, {
      source: "api",
      file: upload.file,
    });
    const tr = (issues: typeof report.errors) =>
      issues.map((i) => ({ ...i, message: translateError(locale, i.message) }));
    const refused = upload.mode === "all_or_nothing" && report.errors.length > 0;
    return new ApiResponse(
      { ...report, errors: tr(report.errors), warnings: tr(report.warnings) },
      refused ? 422 : 200,
    );
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
