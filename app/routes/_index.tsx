import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { formatNumber } from "~/i18n/locales";
import type { loader as rootLoader } from "~/root";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches);

// Context figures: BP2MI/KP2MI published data (docs/reference-data.md).
const FIGURES = { placed2024: 297_434, target2025: 425_000, demand: 1_700_000 };

export default function Home() {
  const t = useT();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <div className="actions">
          {root?.user ? (
            <Link className="button" to="/dashboard">
              {t("nav.dashboard")}
            </Link>
          ) : (
            <>
              <Link className="button" to="/signup">
                {t("home.cta_employer")}
              </Link>
              <Link className="button secondary" to="/login">
                {t("home.cta_login")}
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("home.figures")}</h2>
        <dl className="figures">
          <div>
            <dt>{formatNumber(locale, FIGURES.placed2024)}</dt>
            <dd>{t("home.fig_placed")}</dd>
          </div>
          <div>
            <dt>{formatNumber(locale, FIGURES.target2025)}</dt>
            <dd>{t("home.fig_target")}</dd>
          </div>
          <div>
            <dt>{formatNumber(locale, FIGURES.demand)}</dt>
            <dd>{t("home.fig_demand")}</dd>
          </div>
        </dl>
      </section>
      <section className="grid" style={{ marginTop: "1.5rem" }}>
        <article className="card">
          <h2>{t("home.employers_title")}</h2>
          <p>{t("home.employers_text")}</p>
        </article>
        <article className="card">
          <h2>{t("home.missions_title")}</h2>
          <p>{t("home.missions_text")}</p>
        </article>
        <article className="card">
          <h2>{t("home.agencies_title")}</h2>
          <p>{t("home.agencies_text")}</p>
        </article>
      </section>
    </>
  );
}
