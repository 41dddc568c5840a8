import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Kiosk } from "~/components/booth/kiosk";
import { pageTitle } from "~/components/page-title";
import { isoDay } from "~/domain/dates";
import { isLocale } from "~/i18n/locales";
import { getKioskDevice } from "~/web/session.server";
import handoffStyles from "~/styles/booth-handoff.css";

// The booth's kiosk: a full screen for an enrolled device (no site header; the visitor switches language on the
// screen). Without a device credential for this event it says how to enrol one.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booth.kiosk_title");
export const handle = { bare: true };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: handoffStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const found = await getKioskDevice(request, context, params.slug ?? "");
  if (!found) return data({ enrolled: null, today: null }, { status: 401 });
  const e = found.event;
  return {
    enrolled: {
      slug: e.slug,
      name: e.name,
      city: e.city,
      country: e.country,
      locales: e.kioskLocales.filter(isLocale),
      leadRetentionDays: e.leadRetentionDays,
    },
    today: isoDay(context.deps.now()),
  };
}

export default function BoothKiosk() {
  const t = useT();
  const { enrolled, today } = useLoaderData<typeof loader>();
  if (!enrolled || !today) {
    return (
      <div className="narrow">
        <h1>{t("booth.kiosk_title")}</h1>
        <p>{t("booth.not_enrolled")}</p>
        <Link to="/booth/enrol">{t("booth.enrol_title")}</Link>
      </div>
    );
  }
  return <Kiosk event={enrolled} today={today} />;
}
