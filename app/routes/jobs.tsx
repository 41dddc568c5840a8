import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { usePay } from "~/components/job-order-view";
import { pageTitle } from "~/components/page-title";
import { FilterSelect } from "~/components/filter-select";
import { Pagination } from "~/components/pagination";
import { COUNTRY_CODES, DESTINATION_CODES } from "~/domain/countries";
import { displayCode } from "~/domain/job-orders/verification-code";
import { ISCO_CODES, majorGroupTitle, OCCUPATIONS, occupationTitle } from "~/domain/reference/isco";
import { SECTORS } from "~/domain/reference/sectors";
import { countryName, formatDate, sortedCountries } from "~/i18n/locales";
import { publicBoard } from "~/services/job-orders/read.server";
import { dot, withParen } from "~/components/text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "board.title");

/** The public board: anyone may browse verified vacancies. No employer contact details are shown. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams;
  const country = COUNTRY_CODES.find((c) => c === q.get("country")?.toUpperCase());
  const sector = SECTORS.find((s) => s === q.get("sector"));
  const iscoCode = ISCO_CODES.find((c) => c === q.get("occupation"));
  const board = await publicBoard(context.deps, { country, sector, iscoCode, page: Number(q.get("page")) || 1 });
  return { filters: { country: country ?? "", sector: sector ?? "", occupation: iscoCode ?? "" }, ...board };
}

export default function Board() {
  const t = useT();
  const locale = useLocale();
  const pay = usePay();
  const { filters, rows, total, page, pages } = useLoaderData<typeof loader>();
  const countries = sortedCountries(locale, DESTINATION_CODES);
  return (
    <>
      <h1>{t("board.title")}</h1>
      <p className="lead">{t("board.lead")}</p>
      <Form method="get" className="card row">
        <FilterSelect
          id="b-country"
          name="country"
          label={t("board.filter_country")}
          value={filters.country}
          anyLabel={t("board.all")}
          options={countries.map(({ code, name }) => ({ value: code, label: name }))}
        />
        <FilterSelect
          id="b-sector"
          name="sector"
          label={t("board.filter_sector")}
          value={filters.sector}
          anyLabel={t("board.all")}
          options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        />
        <FilterSelect
          id="b-occupation"
          name="occupation"
          label={t("board.filter_occupation")}
          value={filters.occupation}
          anyLabel={t("board.all")}
          options={OCCUPATIONS.map((o) => ({
            value: o.code,
            label: withParen(o[locale], o.code),
            group: majorGroupTitle(o.code, locale),
          }))}
        />
        <div className="field" style={{ alignSelf: "end" }}>
          <button type="submit">{t("board.apply")}</button>
        </div>
      </Form>
      <p aria-live="polite">{t("board.results", { n: total })}</p>
      {rows.length === 0 ? <p className="empty">{t("board.empty")}</p> : null}
      <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
        {rows.map((r) => (
          <li key={r.reference} className="card board-item">
            <h2>{r.title}</h2>
            <p className="meta">
              {dot(occupationTitle(r.iscoCode, locale), t(`sector.${r.sector as (typeof SECTORS)[number]}`))}
            </p>
            <p>{dot([countryName(locale, r.country), r.city].filter(Boolean).join(", "), r.employerName)}</p>
            <p>
              <strong>{pay(r.wageAmount, r.wageCurrency, r.wagePeriod)}</strong>
            </p>
            <p>
              {dot(
                t("board.open", { n: r.open }),
                t("jo.contract", { months: r.contractMonths, date: formatDate(locale, r.startDate) }),
              )}
            </p>
            {r.verificationCode ? (
              <p>
                <Link to={`/verify/${r.verificationCode}`}>
                  {t("board.check", { code: displayCode(r.verificationCode) })}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </>
  );
}
