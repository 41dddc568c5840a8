import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { OrgKind, Role } from "~/domain/org";
import { LOCALES } from "~/i18n/locales";
import { useLocale, useT } from "./i18n";

export interface HeaderUser {
  name: string;
  orgSlug: string;
  orgKind: OrgKind;
  role: Role;
  /** unread notifications of the organisation */
  unread: number;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="nav">
          <ul>
            {user ? (
              <>
                <li>
                  <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
                </li>
                {user.orgKind === "mission" ? (
                  <li>
                    <NavLink to="/verification">{t("nav.verification")}</NavLink>
                  </li>
                ) : null}
                {user.orgKind === "agency" ? (
                  <>
                    <li>
                      <NavLink to="/workers">{t("nav.workers")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/job-orders" end={false}>
                        {t("nav.job_orders")}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/jobs">{t("nav.board")}</NavLink>
                    </li>
                  </>
                ) : (
                  <li>
                    <NavLink to="/job-orders" end={false}>
                      {t("nav.job_orders")}
                    </NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/notifications">
                    {user.unread > 0 ? t("notif.nav_unread", { n: user.unread }) : t("notif.nav")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={`/orgs/${user.orgSlug}/settings`}>{t("nav.settings")}</NavLink>
                </li>
                {user.orgKind === "ministry" && user.role === "admin" ? (
                  <>
                    <li>
                      <NavLink to="/admin/orgs">{t("nav.admin")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/admin/problem-employers">{t("nav.problem_employers")}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/admin/standards">{t("nav.standards")}</NavLink>
                    </li>
                  </>
                ) : null}
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/jobs">{t("nav.board")}</NavLink>
                </li>
                <li>
                  <NavLink to="/verify">{t("nav.verify")}</NavLink>
                </li>
                <li>
                  <NavLink to="/login">{t("nav.login")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("nav.signup")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <Form method="post" action="/language" className="lang-switch">
            <input type="hidden" name="redirectTo" value={here} />
            <label htmlFor="lang-select" className="visually-hidden">
              {t("lang.label")}
            </label>
            <select id="lang-select" name="lang" defaultValue={locale} key={locale}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary small">
              {t("lang.switch")}
            </button>
          </Form>
          {user ? (
            <Form method="post" action="/logout" className="logout">
              <span className="who">{t("nav.signed_in_as", { name: user.name })}</span>
              <button type="submit" className="secondary small">
                {t("nav.logout")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
