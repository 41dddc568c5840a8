import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { StatusBadge } from "~/components/job-order-view";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { JOB_ORDER_STATES } from "~/domain/job-orders/state-machine";
import { countryName, formatDate } from "~/i18n/locales";
import { listJobOrdersFor } from "~/services/job-orders/read.server";
import { throwAsResponse } from "~/web/errors.server";
import { requireSignedIn } from "~/web/session.server";
import { withParen } from "~/components/text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jo.list_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, org } = await requireSignedIn(request, context);
  const q = new URL(request.url).searchParams;
  const status = JOB_ORDER_STATES.find((s) => s === q.get("status"));
  const list = await listJobOrdersFor(context.deps, actor, { status, page: Number(q.get("page")) || 1 }).catch(
    throwAsResponse,
  );
  return {
    isEmployer: org.kind === "employer",
    status: status ?? null,
    counts: list.counts,
    page: list.page,
    pages: list.pages,
    rows: list.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      country: r.country,
      status: r.status,
      positions: r.positions,
      filled: r.positionsFilled,
      employer: r.employerName,
      updatedAt: r.updatedAt,
    })),
  };
}

export default function JobOrders() {
  const t = useT();
  const locale = useLocale();
  const { isEmployer, status, counts, rows, page, pages } = useLoaderData<typeof loader>();
  const states = JOB_ORDER_STATES.filter((s) => counts[s]);
  return (
    <>
      <h1>{t("jo.list_title")}</h1>
      {isEmployer ? (
        <p>
          <Link className="button" to="/job-orders/new">
            {t("jo.new")}
          </Link>
        </p>
      ) : null}
      {states.length ? (
        <ul className="chips" aria-label={t("jo.col_status")}>
          <li>
            <Link to="?" aria-current={status === null ? "true" : undefined}>
              {t("verify.all")}
            </Link>
          </li>
          {states.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={status === s ? "true" : undefined}>
                {withParen(t(`state.${s}`), counts[s])}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{status ? t("jo.empty_filtered") : t("jo.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("jo.col_title")}</th>
                {isEmployer ? null : <th scope="col">{t("jo.col_employer")}</th>}
                <th scope="col">{t("jo.col_country")}</th>
                <th scope="col">{t("jo.col_positions")}</th>
                <th scope="col">{t("jo.col_status")}</th>
                <th scope="col">{t("jo.col_updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/job-orders/${r.id}`}>{r.title}</Link>
                    <br />
                    <small>{r.reference}</small>
                  </td>
                  {isEmployer ? null : <td>{r.employer}</td>}
                  <td>{countryName(locale, r.country)}</td>
                  <td>
                    {r.status === "verified"
                      ? t("jo.open_positions", { open: r.positions - r.filled, total: r.positions })
                      : r.positions}
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>{formatDate(locale, r.updatedAt)}</td>
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
