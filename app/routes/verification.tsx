import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { occupationTitle } from "~/domain/reference/isco";
import { SECTORS } from "~/domain/reference/sectors";
import { countryName, formatDateTime } from "~/i18n/locales";
import { verificationQueue } from "~/services/job-orders/read.server";
import { requireSignedIn } from "~/web/session.server";
import { dot } from "~/components/text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.queue_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const q = new URL(request.url).searchParams;
  const sector = SECTORS.find((s) => s === q.get("sector"));
  const queue = await verificationQueue(context.deps, actor, {
    country: q.get("country") || undefined,
    sector,
    page: Number(q.get("page")) || 1,
  });
  if (!queue) throw new Response("errors.not_found", { status: 404 });
  return {
    country: q.get("country") ?? "",
    sector: sector ?? "",
    countries: queue.countries,
    byCountry: queue.byCountry,
    total: queue.total,
    page: queue.page,
    pages: queue.pages,
    rows: queue.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      iscoCode: r.iscoCode,
      sector: r.sector,
      country: r.country,
      positions: r.positions,
      employer: r.employerName,
      submittedAt: r.submittedAt,
    })),
  };
}

export default function VerificationQueue() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const waiting = Object.values(d.byCountry).reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>{t("verify.queue_title")}</h1>
      <p>{t("verify.queue_lead", { countries: d.countries.map((c) => countryName(locale, c)).join(", ") })}</p>
      <p>
        <strong>{t("verify.waiting", { n: waiting })}</strong>
        {d.countries
          .filter((c) => d.byCountry[c])
          .map((c) => ` · ${countryName(locale, c)} ${d.byCountry[c]}`)
          .join("")}
      </p>
      <Form method="get" className="actions">
        <label htmlFor="q-country">{t("verify.filter_country")}</label>
        <select id="q-country" name="country" defaultValue={d.country} style={{ width: "auto" }}>
          <option value="">{t("verify.all")}</option>
          {d.countries.map((c) => (
            <option key={c} value={c}>
              {countryName(locale, c)}
            </option>
          ))}
        </select>
        <label htmlFor="q-sector">{t("verify.filter_sector")}</label>
        <select id="q-sector" name="sector" defaultValue={d.sector} style={{ width: "auto" }}>
          <option value="">{t("verify.all")}</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sector.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("verify.apply")}
        </button>
      </Form>
      {d.rows.length === 0 ? (
        <p className="empty">{t("verify.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("jo.col_submitted")}</th>
                <th scope="col">{t("jo.col_title")}</th>
                <th scope="col">{t("jo.col_employer")}</th>
                <th scope="col">{t("jo.col_country")}</th>
                <th scope="col">{t("jo.col_sector")}</th>
                <th scope="col">{t("jo.col_positions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.submittedAt ? formatDateTime(locale, r.submittedAt) : ""}</td>
                  <td>
                    <Link to={`/job-orders/${r.id}`}>{r.title}</Link>
                    <br />
                    <small>{dot(r.reference, occupationTitle(r.iscoCode, locale))}</small>
                  </td>
                  <td>{r.employer}</td>
                  <td>{countryName(locale, r.country)}</td>
                  <td>{t(`sector.${r.sector as (typeof SECTORS)[number]}`)}</td>
                  <td>{r.positions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={d.page} pages={d.pages} />
    </>
  );
}
