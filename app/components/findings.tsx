import type { CheckFinding } from "~/domain/job-orders/checks";
import { formatDate, formatMoney } from "~/i18n/locales";
import { useLocale, useT } from "./i18n";

/** The automatic checks for a verifier: holds in red, flags in amber. */
export function FindingList({ findings }: { findings: CheckFinding[] }) {
  const t = useT();
  const locale = useLocale();
  if (findings.length === 0) return <p className="empty">{t("verify.no_findings")}</p>;
  return (
    <ul className="findings" style={{ listStyle: "none", padding: 0 }}>
      {findings.map((f) => {
        switch (f.kind) {
          case "hold_problem_employer":
            return (
              <li key={f.kind} className="finding hold" role="alert">
                {t("verify.hold_problem", { date: formatDate(locale, f.listedOn), reason: f.reason })}
              </li>
            );
          case "flag_wage_below_minimum":
            return (
              <li key={f.kind} className="finding">
                {t("verify.flag_wage", {
                  offered: formatMoney(locale, f.monthlyOffered, f.currency),
                  minimum: formatMoney(locale, f.monthlyMinimum, f.currency),
                  source: f.source ?? "—",
                })}
              </li>
            );
          case "flag_wage_currency_differs":
            return (
              <li key={f.kind} className="finding">
                {t("verify.flag_currency", {
                  minimum: formatMoney(locale, f.minimum, f.floorCurrency),
                  period: t(`period.${f.period as "month"}`),
                  currency: f.floorCurrency,
                  orderCurrency: f.orderCurrency,
                })}
              </li>
            );
          case "flag_hours_over_maximum":
            return (
              <li key={f.kind} className="finding">
                {t("verify.flag_hours", { hours: f.hours, maximum: f.maximum, source: f.source ?? "—" })}
              </li>
            );
        }
      })}
    </ul>
  );
}
