import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { usePay } from "~/components/job-order-view";
import { pageTitle } from "~/components/page-title";
import { displayCode } from "~/domain/job-orders/verification-code";
import { occupationTitle } from "~/domain/reference/isco";
import { countryName, formatDate } from "~/i18n/locales";
import { checkVerificationCode } from "~/services/job-orders/check-code.server";
import { dot, withParen } from "~/components/text";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "vp.title"),
  { name: "robots", content: "noindex" },
];

/** Public: is the order behind this code genuine, current, and who verified it? 404 for unknown codes. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const result = await checkVerificationCode(context.deps, params.code ?? "");
  return data(result, { status: result.found ? 200 : 404, headers: { "Cache-Control": "no-store" } });
}

export default function VerifyResult() {
  const t = useT();
  const locale = useLocale();
  const pay = usePay();
  const r = useLoaderData<typeof loader>();
  if (!r.found) {
    return (
      <div className="narrow">
        <h1>{t("vp.unknown_title")}</h1>
        <p className="verdict bad" role="alert">
          {t("vp.unknown", { code: r.code })}
        </p>
        <p>
          <Link to="/verify">{t("vp.title")}</Link>
        </p>
      </div>
    );
  }
  const o = r.order;
  const verified = t("vp.genuine", {
    mission: o.missionName ?? "",
    date: o.verifiedAt ? formatDate(locale, o.verifiedAt, "long") : "",
  });
  const verdict =
    r.state === "current"
      ? {
          cls: "good",
          text: `${verified} ${t("vp.current", { date: o.validUntil ? formatDate(locale, o.validUntil, "long") : "" })}`,
        }
      : r.state === "revoked"
        ? {
            cls: "bad",
            text: t("vp.revoked", {
              by: r.revokedBy ?? "",
              date: r.changedOn ? formatDate(locale, r.changedOn, "long") : "",
            }),
          }
        : r.state === "expired"
          ? { cls: "bad", text: t("vp.expired", { date: r.changedOn ? formatDate(locale, r.changedOn, "long") : "" }) }
          : { cls: "neutral", text: `${verified} ${t(r.state === "filled" ? "vp.filled" : "vp.closed")}` };
  return (
    <div className="narrow-wide">
      <h1>{t("vp.title")}</h1>
      <p className={`verdict ${verdict.cls}`} role="status">
        {verdict.text}
      </p>
      <section className="card" aria-labelledby="order-h">
        <h2 id="order-h">{o.title}</h2>
        <dl className="facts">
          <dt>{t("vp.code")}</dt>
          <dd>
            <code>{displayCode(r.code)}</code>
            {" · "}
            {o.reference}
          </dd>
          <dt>{t("jo.col_employer")}</dt>
          <dd>{withParen(o.employerName, o.employerCountry && countryName(locale, o.employerCountry))}</dd>
          <dt>{t("jo.f_isco")}</dt>
          <dd>{dot(o.iscoCode, occupationTitle(o.iscoCode, locale))}</dd>
          <dt>{t("jo.f_country")}</dt>
          <dd>{[countryName(locale, o.country), o.city].filter(Boolean).join(", ")}</dd>
          <dt>{t("jo.f_positions")}</dt>
          <dd>{t("jo.open_positions", { open: o.positions - o.positionsFilled, total: o.positions })}</dd>
          <dt>{t("jo.f_wage_amount")}</dt>
          <dd>{pay(o.wageAmount, o.wageCurrency, o.wagePeriod as "month")}</dd>
          <dt>{t("jo.f_contract_months")}</dt>
          <dd>{t("jo.contract", { months: o.contractMonths, date: formatDate(locale, o.startDate) })}</dd>
          <dt>{t("jo.section_costs")}</dt>
          <dd>{t("vp.free")}</dd>
        </dl>
        <img className="qr" src={`/verify/${r.code}/qr.svg`} alt={t("vp.qr")} width={160} height={160} />
      </section>
    </div>
  );
}
