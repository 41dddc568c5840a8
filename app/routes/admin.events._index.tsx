import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/booth/event-form";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { eventSchema } from "~/domain/booth/event-schema";
import { isoDay } from "~/domain/dates";
import { countryName, formatDate } from "~/i18n/locales";
import { createEvent } from "~/services/booth/create-event.server";
import { listEvents } from "~/services/booth/list-events.server";
import { invalid, replyWithDomainError, throwAsResponse } from "~/web/errors.server";
import { DomainError } from "~/domain/errors";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "events.admin_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const events = await listEvents(context.deps, actor).catch(throwAsResponse);
  return {
    today: isoDay(context.deps.now()),
    events: events.map((e) => ({
      slug: e.slug,
      name: e.name,
      city: e.city,
      country: e.country,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: eventSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  try {
    const event = await createEvent(context.deps, actor, submission.value);
    return redirect(`/events/${event.slug}`);
  } catch (e) {
    if (e instanceof DomainError && e.code === "conflict") return replyWithDomainError(submission, e);
    return throwAsResponse(e);
  }
}

export default function AdminEvents() {
  const t = useT();
  const locale = useLocale();
  const { events, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("events.admin_title")}</h1>
      {events.length === 0 ? (
        <p className="empty">{t("events.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("events.col_name")}</th>
                <th scope="col">{t("events.col_place")}</th>
                <th scope="col">{t("events.col_dates")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.slug}>
                  <td>
                    <Link to={`/events/${e.slug}`}>{e.name}</Link>
                  </td>
                  <td>{t("events.place", { city: e.city, country: countryName(locale, e.country) })}</td>
                  <td>
                    {t("events.dates", { from: formatDate(locale, e.startsOn), to: formatDate(locale, e.endsOn) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="create-event-h" className="narrow">
        <h2 id="create-event-h">{t("events.create_title")}</h2>
        <EventForm
          id="create-event"
          today={today}
          lastResult={actionData?.result}
          submitLabel={t("events.create_submit")}
        />
      </section>
    </>
  );
}
