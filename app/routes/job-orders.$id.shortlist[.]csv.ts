import type { LoaderFunctionArgs } from "@remix-run/node";
import { spreadsheetCell, toCsvLine } from "~/domain/csv";
import { translate } from "~/i18n/translate";
import { formatDate, formatDateTime } from "~/i18n/locales";
import { formatExplanation, formatFailure, formatFix } from "~/i18n/matching-text";
import { getShortlist } from "~/services/shortlists/get-shortlist.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { requireSignedIn } from "~/web/session.server";

/** The agency's shortlist for an order as CSV (UTF-8 with BOM, so spreadsheets read Indonesian names right). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const locale = await getLocale(request, context);
  const { order, items } = await getShortlist(context.deps, actor, params.id ?? "").catch(throwAsText(locale));
  const lines = [
    translate(locale, "sl.csv_header"),
    ...items.map((i) =>
      toCsvLine(
        [
          i.code,
          i.name ?? "",
          i.externalRef ?? "",
          translate(locale, `stage.${i.stage}`),
          i.score === null ? "" : String(i.score),
          i.explanation ? formatExplanation(locale, i.explanation) : "",
          i.reason ? translate(locale, `reason.${i.reason}` as "reason.other") : "",
          i.failing.map((f) => formatFailure(locale, f)).join("; "),
          i.failing
            .map((f) => formatFix(locale, f, order))
            .filter(Boolean)
            .join("; "),
          formatDate(locale, i.stageChangedAt),
          i.disclosureConsentAt ? formatDateTime(locale, i.disclosureConsentAt) : "",
          i.notes.map((n) => n.body).join(" | "),
        ].map(spreadsheetCell),
      ),
    ),
  ];
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="shortlist-${order.reference}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
