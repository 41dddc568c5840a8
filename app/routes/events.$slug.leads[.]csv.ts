import type { LoaderFunctionArgs } from "@remix-run/node";
import { leadListQueryOf } from "~/domain/booth/follow-up-schema";
import { spreadsheetCell, toCsvLine } from "~/domain/csv";
import { occupationTitle } from "~/domain/reference/isco";
import type { MessageKey } from "~/i18n/en";
import { formatMonth, stageLabel } from "~/i18n/follow-up-text";
import { countryName } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import { exportLeads } from "~/services/booth/export-leads.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { requireSignedIn } from "~/web/session.server";

const COLUMNS: MessageKey[] = [
  "follow.csv.received",
  "follow.csv.company",
  "follow.csv.name",
  "follow.csv.job_title",
  "follow.csv.email",
  "follow.csv.phone",
  "follow.csv.country",
  "follow.csv.website",
  "follow.csv.occupation",
  "follow.csv.isco",
  "follow.csv.destination",
  "follow.csv.positions",
  "follow.csv.start_month",
  "follow.csv.contract_months",
  "follow.csv.consent_contact",
  "follow.csv.consent_share",
  "follow.csv.consent_version",
  "follow.csv.stage",
  "follow.csv.owner",
  "follow.csv.follow_up",
  "follow.csv.overdue",
];

/**
 * The event's leads under the list's filters as CSV, for the staff's own tools: UTF-8 with BOM (spreadsheets read
 * Indonesian and Nordic names right), the header in the reader's language, and every cell formula-safe (a visitor
 * who typed `=HYPERLINK(…)` as their name gets text, not a formula). Audited as an export.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const locale = await getLocale(request, context);
  const q = leadListQueryOf(new URL(request.url).searchParams);
  const { event, items } = await exportLeads(context.deps, actor, params.slug ?? "", q).catch(throwAsText(locale));
  const yesNo = (v: boolean) => translate(locale, v ? "follow.yes" : "follow.no");
  const lines = [
    toCsvLine(COLUMNS.map((k) => translate(locale, k))),
    ...items.map(({ lead, stage, overdue, ownerName }) =>
      toCsvLine(
        [
          lead.receivedAt.toISOString(),
          lead.erasedAt ? translate(locale, "follow.erased") : (lead.company ?? ""),
          lead.name ?? "",
          lead.jobTitle ?? "",
          lead.email ?? "",
          lead.phone ?? "",
          lead.country ? countryName(locale, lead.country) : "",
          lead.website ?? "",
          occupationTitle(lead.vacancy.iscoCode, locale),
          lead.vacancy.iscoCode,
          countryName(locale, lead.vacancy.country),
          String(lead.vacancy.positions),
          formatMonth(locale, lead.vacancy.startMonth),
          String(lead.vacancy.contractMonths),
          yesNo(lead.consentContact),
          yesNo(lead.consentShare),
          lead.consentVersion,
          stageLabel(locale, stage),
          ownerName ?? "",
          lead.followUpOn ?? "",
          overdue ? yesNo(true) : "",
        ].map(spreadsheetCell),
      ),
    ),
  ];
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${event.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
