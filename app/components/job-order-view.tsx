import { defaultOccupationScope } from "~/domain/matching/occupation-scope";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { JobOrderState } from "~/domain/job-orders/state-machine";
import { certificateName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import { countryName, formatDate, formatMoney, languageName } from "~/i18n/locales";
import { useLocale, useT } from "./i18n";
import { dot } from "./text";

export function StatusBadge({ status }: { status: JobOrderState }) {
  const t = useT();
  return <span className={`status ${status}`}>{t(`state.${status}`)}</span>;
}

/** A wage as people read it: "US$1,450.00 per month". */
export function usePay() {
  const t = useT();
  const locale = useLocale();
  return (amount: number, currency: string, period: JobOrderInput["wagePeriod"]) =>
    t("jo.pay", { amount: formatMoney(locale, amount, currency), period: t(`period.${period}`) });
}

/** Everything an order says, in the reader's language. */
export function OrderFacts({ o }: { o: JobOrderInput }) {
  const t = useT();
  const locale = useLocale();
  const pay = usePay();
  return (
    <dl className="facts">
      <dt>{t("jo.f_isco")}</dt>
      <dd>{dot(o.iscoCode, occupationTitle(o.iscoCode, locale))}</dd>
      <dt>{t("jo.f_sector")}</dt>
      <dd>{t(`sector.${o.sector}`)}</dd>
      <dt>{t("jo.f_country")}</dt>
      <dd>{[countryName(locale, o.country), o.city].filter(Boolean).join(", ")}</dd>
      {o.vesselName ? (
        <>
          <dt>{t("jo.f_vessel_name")}</dt>
          <dd>{[o.vesselName, o.vesselType].filter(Boolean).join(" · ")}</dd>
        </>
      ) : null}
      <dt>{t("jo.f_positions")}</dt>
      <dd>{o.positions}</dd>
      <dt>{t("jo.f_wage_amount")}</dt>
      <dd>{dot(pay(o.wageAmount, o.wageCurrency, o.wagePeriod), t(`payment.${o.paymentMethod}`))}</dd>
      <dt>{t("jo.section_conditions")}</dt>
      <dd>
        {dot(
          t("jo.hours_rest", { hours: o.hoursPerWeek, rest: o.restDaysPerWeek }),
          t("jo.leave", { days: o.annualLeaveDays }),
        )}
      </dd>
      <dt>{t("jo.f_contract_months")}</dt>
      <dd>{t("jo.contract", { months: o.contractMonths, date: formatDate(locale, o.startDate) })}</dd>
      <dt>{t("jo.f_accommodation")}</dt>
      <dd>{t(`accommodation.${o.accommodation}`)}</dd>
      <dt>{t("jo.f_meals")}</dt>
      <dd>{t(`meals.${o.meals}`)}</dd>
      <dt>{t("jo.f_transport")}</dt>
      <dd>{t(`transport.${o.transport}`)}</dd>
      <dt>{t("jo.f_insurance")}</dt>
      <dd>{t(`insurance.${o.insurance}`)}</dd>
      <dt>{t("jo.section_costs")}</dt>
      <dd>{t("vp.free")}</dd>
      <dt>{t("jo.f_languages")}</dt>
      <dd>
        {o.languages.length
          ? o.languages.map((l) => `${languageName(locale, l.code)} ≥ ${l.minLevel}`).join(", ")
          : t("jo.none_required")}
      </dd>
      <dt>{t("jo.f_certificates")}</dt>
      <dd>
        {o.certificates.length
          ? o.certificates
              .map((c) => `${certificateName(c.code, locale)} (${t(c.mandatory ? "jo.mandatory" : "jo.preferred")})`)
              .join("; ")
          : t("jo.none_required")}
      </dd>
      <dt>{t("jo.f_min_experience")}</dt>
      <dd>{t("jo.experience", { years: o.minExperienceYears })}</dd>
      <dt>{t("jo.f_occupation_scope")}</dt>
      <dd>{t(`jo.scope.${o.occupationScope ?? defaultOccupationScope(o.iscoCode)}`)}</dd>
      <dt>{t("jo.f_match_priority")}</dt>
      <dd>{t(`jo.priority.${o.matchPriority ?? "experience"}`)}</dd>
    </dl>
  );
}

export function Description({ o }: { o: JobOrderInput }) {
  const locale = useLocale();
  const text = locale === "id" && o.descriptionId ? o.descriptionId : o.descriptionEn;
  return (
    <p className="description" lang={locale === "id" && o.descriptionId ? "id" : "en"}>
      {text}
    </p>
  );
}
