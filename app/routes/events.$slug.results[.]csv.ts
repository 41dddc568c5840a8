import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Figure } from "~/domain/booth/event-results";
import { spreadsheetCell, toCsvLine } from "~/domain/csv";
import { occupationTitle } from "~/domain/reference/isco";
import type { MessageKey } from "~/i18n/en";
import { countryName } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import { getEventResults } from "~/services/booth/get-event-results.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { requireSignedIn } from "~/web/session.server";

/**
 * The results page's figures as CSV: one row per figure (section, item, number, positions), the words in the
 * reader's language, the same figures the page shows this reader (protected unless a ministry administrator), UTF-8
 * with BOM and every cell formula-safe (the event's name is typed by people; a code is shown as stored).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const locale = await getLocale(request, context);
  const { event, results: r } = await getEventResults(context.deps, actor, params.slug ?? "").catch(
    throwAsText(locale),
  );
  const t = (key: MessageKey) => translate(locale, key);
  const fig = (v: Figure | undefined) => (v === undefined ? "" : v === null ? t("results.fewer") : String(v));
  const rows: string[][] = [];
  const add = (section: MessageKey, item: string, n?: Figure, positions?: Figure) =>
    rows.push([t(section), item, fig(n), fig(positions)]);

  add("results.csv.event", event.name);
  add("results.csv.figures", t(r.exact ? "results.csv.exact" : "results.csv.protected"));
  add("results.leads_h", t("results.total"), r.leads.total, r.positionsDescribed);
  add("results.leads_h", t("results.source.kiosk"), r.leads.kiosk);
  add("results.leads_h", t("results.source.phone"), r.leads.phone);
  add("results.leads_h", t("results.consent_contact"), r.leads.consentContact);
  add("results.leads_h", t("results.consent_share"), r.leads.consentShare);
  add("results.leads_h", t("results.erased"), r.leads.erased);
  for (const g of r.byOccupation)
    add(
      "results.by_occupation",
      g.code === null ? t("results.other") : `${occupationTitle(g.code, locale)} (${g.code})`,
      g.leads,
      g.positions,
    );
  for (const g of r.byCountry)
    add(
      "results.by_country",
      g.code === null ? t("results.other") : `${countryName(locale, g.code)} (${g.code})`,
      g.leads,
      g.positions,
    );
  for (const key of ["sent", "accepted", "pending", "expired", "revoked"] as const)
    add("results.invitations_h", t(`results.inv.${key}`), r.invitations[key]);
  for (const key of ["drafted", "submitted", "verified", "revoked"] as const)
    add("results.orders_h", t(`results.orders.${key}`), r.orders[key]);
  add("results.orders_h", t("results.orders.positions_verified"), undefined, r.orders.positionsVerified);
  for (const f of r.funnel) add("results.funnel_h", t(`results.stage.${f.stage}`), f.count);

  const header = (
    ["results.csv.section", "results.csv.item", "results.csv.number", "results.csv.positions"] as const
  ).map(t);
  const lines = [toCsvLine(header), ...rows.map((row) => toCsvLine(row.map(spreadsheetCell)))];
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="results-${event.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
