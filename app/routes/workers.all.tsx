import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { withParen } from "~/components/text";
import { formatDate } from "~/i18n/locales";
import { listWorkers } from "~/services/workers/get-worker.server";
import { requireAgencyUser } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workers.all_title");

/** Every profile of the agency from PostgreSQL, including those search does not hold (no consent, archived). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireAgencyUser(request, context);
  const sp = new URL(request.url).searchParams;
  const archived = sp.get("archived") === "1";
  return { archived, ...(await listWorkers(context.deps, actor, { archived, page: Number(sp.get("page")) || 1 })) };
}

export default function AllWorkers() {
  const t = useT();
  const locale = useLocale();
  const { archived, rows, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/workers">{t("workers.title")}</Link>
      </p>
      <h1>{t(archived ? "workers.archived_title" : "workers.all_title")}</h1>
      <p className="actions">
        <Link to={archived ? "?" : "?archived=1"}>{t(archived ? "workers.all_title" : "workers.archived_title")}</Link>
      </p>
      <p>{t("workers.results", { n: total })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("workers.none_here")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("workers.col_name")}</th>
                <th scope="col">{t("workers.col_status")}</th>
                <th scope="col">{t("workers.col_consent")}</th>
                <th scope="col">{t("workers.col_available")}</th>
                <th scope="col">{t("jo.col_updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/workers/${r.id}`}>{withParen(r.name, r.ref)}</Link>
                  </td>
                  <td>{t(`wstatus.${r.status}`)}</td>
                  <td>{t(r.consent ? "wf.consent_yes" : "wf.consent_no")}</td>
                  <td>{formatDate(locale, r.availableFrom)}</td>
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
