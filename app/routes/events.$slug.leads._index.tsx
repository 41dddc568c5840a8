import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelect } from "~/components/filter-select";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { LEAD_OWNER_FILTERS, leadListQueryOf } from "~/domain/booth/follow-up-schema";
import { LEAD_STAGES } from "~/domain/booth/lead-stage";
import { countText, stageLabel, vacancySummary } from "~/i18n/follow-up-text";
import { countryName, formatDate, formatDateTime } from "~/i18n/locales";
import { listLeads } from "~/services/booth/list-leads.server";
import { throwAsResponse } from "~/web/errors.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "follow.list_title");

/** An event's leads for its staff and the ministry's administrators (anyone else: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const q = leadListQueryOf(new URL(request.url).searchParams);
  const list = await listLeads(context.deps, actor, params.slug ?? "", q).catch(throwAsResponse);
  return {
    event: { slug: list.event.slug, name: list.event.name },
    q,
    total: list.total,
    all: list.all,
    page: list.page,
    pages: list.pages,
    rows: list.items.map(({ lead, stage, overdue, ownerName }) => ({
      id: lead.id,
      receivedAt: lead.receivedAt,
      erased: lead.erasedAt !== null,
      name: lead.name,
      company: lead.company,
      country: lead.country,
      vacancy: lead.vacancy,
      consentContact: lead.consentContact,
      consentShare: lead.consentShare,
      stage,
      ownerName,
      mine: lead.ownerId !== null && lead.ownerId === actor.userId,
      followUpOn: lead.followUpOn,
      overdue,
    })),
  };
}

export default function EventLeads() {
  const t = useT();
  const locale = useLocale();
  const { event, q, total, all, page, pages, rows } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const filtered = q.stage !== undefined || q.owner !== undefined || q.overdue;
  const csv = new URLSearchParams(search);
  csv.delete("page");
  const yesNo = (v: boolean) => t(v ? "follow.yes" : "follow.no");
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>{event.name}</Link>
        {" · "}
        <Link to={`/events/${event.slug}/results`}>{t("results.link")}</Link>
      </p>
      <h1>{t("follow.list_title")}</h1>
      <p>{t("follow.list_lead")}</p>

      <Form method="get" className="card filters" aria-label={t("follow.filters")}>
        <div className="row">
          <FilterSelect
            id="f-stage"
            name="stage"
            label={t("follow.col_stage")}
            value={q.stage ?? ""}
            anyLabel={t("follow.any_stage")}
            options={LEAD_STAGES.map((s) => ({ value: s, label: stageLabel(locale, s) }))}
          />
          <FilterSelect
            id="f-owner"
            name="owner"
            label={t("follow.col_owner")}
            value={q.owner ?? ""}
            anyLabel={t("follow.owner_anyone")}
            options={LEAD_OWNER_FILTERS.map((o) => ({ value: o, label: t(`follow.owner_${o}`) }))}
          />
        </div>
        <div className="check">
          <input type="checkbox" id="f-overdue" name="overdue" value="1" defaultChecked={q.overdue} />
          <label htmlFor="f-overdue">{t("follow.overdue_only")}</label>
        </div>
        <div className="actions">
          <button type="submit" className="secondary">
            {t("follow.filter_submit")}
          </button>
          {filtered ? <Link to={`/events/${event.slug}/leads`}>{t("follow.filter_clear")}</Link> : null}
        </div>
      </Form>

      <p role="status">
        {filtered
          ? t("follow.count_filtered", {
              shown: countText(locale, total, "follow.leads_one", "follow.leads_many"),
              all: countText(locale, all, "follow.leads_one", "follow.leads_many"),
            })
          : countText(locale, total, "follow.leads_one", "follow.leads_many")}
        {total > 0 ? (
          <>
            {" · "}
            <a href={`/events/${event.slug}/leads.csv${csv.size ? `?${csv}` : ""}`} download>
              {t("follow.csv_download")}
            </a>
          </>
        ) : null}
      </p>

      {rows.length === 0 ? (
        all === 0 ? (
          <div className="empty-state">
            <p className="empty">{t("follow.empty")}</p>
            <p>
              <Link to={`/events/${event.slug}`}>{t("follow.empty_action")}</Link>
            </p>
          </div>
        ) : (
          <div className="empty-state">
            <p className="empty">{t("follow.empty_filtered")}</p>
            <p>
              <Link to={`/events/${event.slug}/leads`}>{t("follow.filter_clear")}</Link>
            </p>
          </div>
        )
      ) : (
        <div className="table-wrap">
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("follow.col_received")}</th>
                <th scope="col">{t("follow.col_who")}</th>
                <th scope="col">{t("follow.col_country")}</th>
                <th scope="col">{t("follow.col_vacancy")}</th>
                <th scope="col">{t("follow.col_consents")}</th>
                <th scope="col">{t("follow.col_stage")}</th>
                <th scope="col">{t("follow.col_owner")}</th>
                <th scope="col">{t("follow.col_follow_up")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "overdue" : undefined}>
                  <td data-label={t("follow.col_received")}>{formatDateTime(locale, r.receivedAt)}</td>
                  <td data-label={t("follow.col_who")}>
                    <Link to={`/events/${event.slug}/leads/${r.id}`}>
                      {r.erased ? (
                        t("follow.erased")
                      ) : (
                        <>
                          <strong>{r.company}</strong>
                          <br />
                          {r.name}
                        </>
                      )}
                    </Link>
                  </td>
                  <td data-label={t("follow.col_country")}>{r.country ? countryName(locale, r.country) : "—"}</td>
                  <td data-label={t("follow.col_vacancy")}>{vacancySummary(locale, r.vacancy)}</td>
                  <td data-label={t("follow.col_consents")}>
                    {t("follow.consent_contact_short", { answer: yesNo(r.consentContact) })}
                    <br />
                    {t("follow.consent_share_short", { answer: yesNo(r.consentShare) })}
                  </td>
                  <td data-label={t("follow.col_stage")}>
                    <span className={`status stage-${r.stage}`}>{stageLabel(locale, r.stage)}</span>
                  </td>
                  <td data-label={t("follow.col_owner")}>
                    {r.ownerName
                      ? r.mine
                        ? t("follow.owner_is_me", { name: r.ownerName })
                        : r.ownerName
                      : t("follow.unassigned")}
                  </td>
                  <td data-label={t("follow.col_follow_up")}>
                    {r.followUpOn ? formatDate(locale, r.followUpOn) : "—"}
                    {r.overdue ? (
                      <>
                        {" "}
                        <strong className="overdue-flag">{t("follow.overdue")}</strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/dashboard", labelKey: "follow.back_dashboard" }} />;
}
