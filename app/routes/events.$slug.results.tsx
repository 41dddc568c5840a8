import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ResultsChart, type ChartFigure } from "~/components/booth/results-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import type { ShownGroup } from "~/domain/booth/event-results";
import { occupationTitle } from "~/domain/reference/isco";
import type { MessageKey } from "~/i18n/en";
import { countryName, formatNumber } from "~/i18n/locales";
import { getEventResults } from "~/services/booth/get-event-results.server";
import styles from "~/styles/booth-results.css";
import { throwAsResponse } from "~/web/errors.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "results.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** What an event produced, for its staff and the ministry's administrators (anyone else: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { event, results } = await getEventResults(context.deps, actor, params.slug ?? "").catch(throwAsResponse);
  return { event: { slug: event.slug, name: event.name }, results };
}

export default function EventResultsPage() {
  const t = useT();
  const locale = useLocale();
  const { event, results: r } = useLoaderData<typeof loader>();
  const show = (v: ChartFigure) => (v === null ? t("results.fewer") : formatNumber(locale, v));
  const pct = (p: number | null) => (p === null ? "—" : t("results.percent", { n: formatNumber(locale, p) }));
  const groupRows = (gs: readonly ShownGroup[], name: (code: string) => string) =>
    gs.map((g) => ({ label: g.code === null ? t("results.other") : name(g.code), values: [g.positions, g.leads] }));
  const figureTable = (caption: string, rows: [MessageKey, ChartFigure][]) => (
    <table className="results-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("results.col_what")}</th>
          <th scope="col">{t("results.col_count")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, v]) => (
          <tr key={key}>
            <th scope="row">{t(key)}</th>
            <td>{show(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="event-results">
      <p>
        <Link to={`/events/${event.slug}`}>{event.name}</Link>
        {" · "}
        <Link to={`/events/${event.slug}/leads`}>{t("follow.list_title")}</Link>
      </p>
      <h1>{t("results.title")}</h1>
      <p>{t("results.lead")}</p>

      {r.leads.total === 0 ? (
        <div className="empty-state">
          <p className="empty">{t("results.empty")}</p>
          <p>
            <Link to={`/events/${event.slug}`}>{t("results.empty_action")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="results-note" data-testid="results-view">
            {t(r.exact ? "results.exact_note" : "results.protected_note")}
          </p>
          <p>
            <a href={`/events/${event.slug}/results.csv`} download>
              {t("results.csv_download")}
            </a>
          </p>

          <section aria-labelledby="summary-h">
            <h2 id="summary-h">{t("results.summary")}</h2>
            <dl className="results-summary">
              {(
                [
                  ["results.sum_leads", r.leads.total],
                  ["results.sum_positions", r.positionsDescribed],
                  ["results.sum_accepted", r.invitations.accepted],
                  ["results.sum_verified", r.orders.verified],
                  ["results.sum_positions_verified", r.orders.positionsVerified],
                ] as const
              ).map(([key, v]) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd data-testid={key}>{show(v)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="funnel-h">
            <h2 id="funnel-h">{t("results.funnel_h")}</h2>
            <p>{t("results.funnel_lead")}</p>
            <ResultsChart
              title={t("results.funnel_h")}
              rows={r.funnel.map((f) => ({ label: t(`results.stage.${f.stage}`), values: [f.count] }))}
              labelHeader={t("results.col_stage")}
              valueHeaders={[t("results.col_leads")]}
              show={show}
            />
            <div className="table-wrap">
              <table className="stack-on-phone results-funnel">
                <thead>
                  <tr>
                    <th scope="col">{t("results.col_stage")}</th>
                    <th scope="col">{t("results.col_leads")}</th>
                    <th scope="col">{t("results.col_of_previous")}</th>
                    <th scope="col">{t("results.col_of_all")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.funnel.map((f) => (
                    <tr key={f.stage} data-stage={f.stage}>
                      <th scope="row">{t(`results.stage.${f.stage}`)}</th>
                      <td data-label={t("results.col_leads")}>{show(f.count)}</td>
                      <td data-label={t("results.col_of_previous")}>{pct(f.ofPrevious)}</td>
                      <td data-label={t("results.col_of_all")}>{pct(f.ofLeads)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="leads-h">
            <h2 id="leads-h">{t("results.leads_h")}</h2>
            <ResultsChart
              title={t("results.by_source")}
              rows={[
                { label: t("results.source.kiosk"), values: [r.leads.kiosk] },
                { label: t("results.source.phone"), values: [r.leads.phone] },
              ]}
              labelHeader={t("results.col_what")}
              valueHeaders={[t("results.col_leads")]}
              show={show}
            />
            {figureTable(t("results.leads_h"), [
              ["results.total", r.leads.total],
              ["results.consent_contact", r.leads.consentContact],
              ["results.consent_share", r.leads.consentShare],
              ["results.erased", r.leads.erased],
            ])}
          </section>

          <section aria-labelledby="vacancies-h">
            <h2 id="vacancies-h">{t("results.vacancies_h")}</h2>
            {r.breakdownShown ? (
              <div className="results-pair">
                <ResultsChart
                  title={t("results.by_occupation")}
                  rows={groupRows(r.byOccupation, (code) => occupationTitle(code, locale))}
                  labelHeader={t("results.col_occupation")}
                  valueHeaders={[t("results.col_positions"), t("results.col_leads")]}
                  show={show}
                />
                <ResultsChart
                  title={t("results.by_country")}
                  rows={groupRows(r.byCountry, (code) => countryName(locale, code))}
                  labelHeader={t("results.col_country")}
                  valueHeaders={[t("results.col_positions"), t("results.col_leads")]}
                  show={show}
                />
              </div>
            ) : (
              <p className="empty">{t("results.no_breakdown")}</p>
            )}
          </section>

          <div className="results-pair">
            <section aria-labelledby="invitations-h">
              <h2 id="invitations-h">{t("results.invitations_h")}</h2>
              {figureTable(t("results.invitations_h"), [
                ["results.inv.sent", r.invitations.sent],
                ["results.inv.accepted", r.invitations.accepted],
                ["results.inv.pending", r.invitations.pending],
                ["results.inv.expired", r.invitations.expired],
                ["results.inv.revoked", r.invitations.revoked],
              ])}
            </section>
            <section aria-labelledby="orders-h">
              <h2 id="orders-h">{t("results.orders_h")}</h2>
              {figureTable(t("results.orders_h"), [
                ["results.orders.drafted", r.orders.drafted],
                ["results.orders.submitted", r.orders.submitted],
                ["results.orders.verified", r.orders.verified],
                ["results.orders.revoked", r.orders.revoked],
                ["results.orders.positions_verified", r.orders.positionsVerified],
              ])}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/dashboard", labelKey: "follow.back_dashboard" }} />;
}
