import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { getKioskDevice } from "~/web/session.server";

// A placeholder for the kiosk (issue 14, next slice): says which event this screen is enrolled for.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booth.kiosk_title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const found = await getKioskDevice(request, context, params.slug ?? "");
  if (!found) return data({ enrolled: null }, { status: 401 });
  return { enrolled: { eventName: found.event.name, label: found.device.label } };
}

export default function BoothKiosk() {
  const t = useT();
  const { enrolled } = useLoaderData<typeof loader>();
  if (!enrolled) {
    return (
      <div className="narrow">
        <h1>{t("booth.kiosk_title")}</h1>
        <p>{t("booth.not_enrolled")}</p>
        <Link to="/booth/enrol">{t("booth.enrol_title")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("booth.kiosk_title")}</h1>
      <p data-testid="kiosk-enrolled">
        {t("booth.enrolled_for", { event: enrolled.eventName, label: enrolled.label })}
      </p>
    </div>
  );
}
