import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { countryName, formatDate } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/en";
import { effectiveLicence } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { memberCount } from "~/services/users/users.server";
import { listMyEvents } from "~/services/booth/list-events.server";
import { requireSignedIn } from "~/web/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.dashboard");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, org, actor } = await requireSignedIn(request, context);
  const events = await listMyEvents(context.deps, actor);
  return {
    events: events.slice(0, 20).map((e) => ({ slug: e.slug, name: e.name, startsOn: e.startsOn, endsOn: e.endsOn })),
    user: { name: user.name, role: user.role },
    org: {
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      country: org.country,
      countries: org.countries,
      licenceNumber: org.licenceNumber,
      licence: effectiveLicence(org.licence, isoDay(context.deps.now())),
      licenceValidUntil: org.licence.validUntil,
    },
    members: await memberCount(context.deps, org.id),
  };
}

export default function Dashboard() {
  const t = useT();
  const locale = useLocale();
  const { user, org, members, events } = useLoaderData<typeof loader>();
  const next: MessageKey = `dashboard.next_${org.kind}`;
  return (
    <>
      <h1>{t("dashboard.title", { name: user.name })}</h1>
      <p className="notice">{t(next)}</p>
      <section className="card" aria-labelledby="org-h">
        <h2 id="org-h">{org.name}</h2>
        <dl className="facts">
          <dt>{t("dashboard.kind")}</dt>
          <dd>{t(`kind.${org.kind}`)}</dd>
          <dt>{t("dashboard.members")}</dt>
          <dd>{members}</dd>
          {org.country ? (
            <>
              <dt>{t("dashboard.country")}</dt>
              <dd>{countryName(locale, org.country)}</dd>
            </>
          ) : null}
          {org.countries.length ? (
            <>
              <dt>{t("dashboard.countries")}</dt>
              <dd>{org.countries.map((c) => countryName(locale, c)).join(", ")}</dd>
            </>
          ) : null}
          {org.kind === "agency" ? (
            <>
              <dt>{t("dashboard.licence_number")}</dt>
              <dd>{org.licenceNumber}</dd>
              <dt>{t("dashboard.licence")}</dt>
              <dd>{t(`licence.${org.licence}`)}</dd>
              {org.licenceValidUntil ? (
                <>
                  <dt>{t("dashboard.valid_until")}</dt>
                  <dd>{formatDate(locale, org.licenceValidUntil)}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
        <div className="actions">
          <Link to={`/orgs/${org.slug}/settings`}>{t("dashboard.manage")}</Link>
          {org.kind === "ministry" && user.role === "admin" ? (
            <>
              <Link to="/admin/orgs">{t("dashboard.admin_link")}</Link>
              <Link to="/admin/events">{t("events.admin_title")}</Link>
            </>
          ) : null}
          {org.kind === "employer" ? <Link to="/job-orders/new">{t("jo.new")}</Link> : null}
          {org.kind === "mission" ? <Link to="/verification">{t("verify.queue_title")}</Link> : null}
          {org.kind === "agency" ? <Link to="/jobs">{t("board.title")}</Link> : null}
        </div>
      </section>
      {events.length ? (
        <section className="card" aria-labelledby="events-h">
          <h2 id="events-h">{t("events.yours")}</h2>
          <ul>
            {events.map((e) => (
              <li key={e.slug}>
                <Link to={`/events/${e.slug}`}>{e.name}</Link>{" "}
                {t("events.dates", { from: formatDate(locale, e.startsOn), to: formatDate(locale, e.endsOn) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
