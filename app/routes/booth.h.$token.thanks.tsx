import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HandoffGone } from "~/components/booth/handoff-gone";
import { VacancySummary } from "~/components/booth/vacancy-summary";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { findHandoff } from "~/services/booth/open-handoff.server";
import styles from "~/styles/booth-handoff.css";

// /booth/h/<token>/thanks: where the phone's lead form lands once its lead is stored. Only a spent link has a
// thank-you page; it shows the vacancy that went with the lead and nothing of the visitor's.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "booth.handoff.thanks_title"),
  { name: "referrer", content: "same-origin" },
];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await findHandoff(context.deps, params.token ?? "");
  if (found.state !== "spent") return data({ thanks: null }, { status: 404 });
  return { thanks: { vacancy: found.vacancy, eventName: found.event.name } };
}

export default function PhoneHandoffThanks() {
  const t = useT();
  const { thanks } = useLoaderData<typeof loader>();
  if (!thanks) return <HandoffGone state="unknown" />;
  return (
    <div className="narrow handoff-page">
      <h1>{t("booth.handoff.thanks_title")}</h1>
      <p role="status">{t("booth.handoff.thanks", { event: thanks.eventName })}</p>
      <VacancySummary vacancy={thanks.vacancy} />
    </div>
  );
}
