import { useLocale, useT } from "~/components/i18n";
import type { Vacancy } from "~/domain/booth/vacancy";
import { certificateName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import { countryName, formatNumber, languageName } from "~/i18n/locales";

// The vacancy a visitor described at the kiosk, as the phone's page shows it: in the reader's language, nothing
// but the vacancy's own fields.

export function VacancySummary({ vacancy }: { vacancy: Vacancy }) {
  const t = useT();
  const locale = useLocale();
  const month = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${vacancy.startMonth}-01T00:00:00Z`));
  const none = t("booth.handoff.none");
  return (
    <section className="card handoff-vacancy" aria-labelledby="handoff-vacancy-title">
      <h2 id="handoff-vacancy-title">{t("booth.handoff.summary")}</h2>
      <dl className="handoff-facts" data-testid="handoff-vacancy">
        <dt>{t("booth.handoff.occupation")}</dt>
        <dd>{occupationTitle(vacancy.iscoCode, locale)}</dd>
        <dt>{t("booth.handoff.destination")}</dt>
        <dd>{countryName(locale, vacancy.country)}</dd>
        <dt>{t("booth.handoff.positions")}</dt>
        <dd>{formatNumber(locale, vacancy.positions)}</dd>
        <dt>{t("booth.handoff.start")}</dt>
        <dd>{month}</dd>
        <dt>{t("booth.handoff.contract")}</dt>
        <dd>{t("booth.handoff.contract_months", { months: vacancy.contractMonths })}</dd>
        <dt>{t("booth.handoff.languages")}</dt>
        <dd>
          {vacancy.languages.length
            ? vacancy.languages.map((l) => `${languageName(locale, l.code)} ${l.minLevel}`).join(", ")
            : none}
        </dd>
        <dt>{t("booth.handoff.certificates")}</dt>
        <dd>
          {vacancy.certificates.length ? vacancy.certificates.map((c) => certificateName(c, locale)).join(", ") : none}
        </dd>
      </dl>
    </section>
  );
}
