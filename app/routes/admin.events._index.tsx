import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldErrors, fieldErrors, FormErrors } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { eventSchema, KIOSK_LOCALES, LEAD_RETENTION_DAYS } from "~/domain/booth/event-schema";
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
  const [form, fields] = useForm({
    id: "create-event",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema(today) }),
    shouldValidate: "onBlur",
    defaultValue: { kioskLocales: [...KIOSK_LOCALES], leadRetentionDays: String(LEAD_RETENTION_DAYS.default) },
  });
  const chosen = fields.kioskLocales.initialValue;
  const localeChecked = (l: string) => (Array.isArray(chosen) ? chosen.includes(l) : chosen === l);
  const localeErrors = fieldErrors(fields.kioskLocales);
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
        <Form method="post" {...getFormProps(form)} className="card stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field meta={fields.name} label={t("events.name")} />
          <Field meta={fields.venue} label={t("events.venue")} />
          <Field meta={fields.city} label={t("events.city")} />
          <Field meta={fields.country} label={t("events.country")} hint={t("events.country_hint")} />
          <Field meta={fields.startsOn} label={t("events.starts_on")} type="date" />
          <Field meta={fields.endsOn} label={t("events.ends_on")} type="date" />
          <fieldset className="field" aria-describedby={localeErrors?.length ? fields.kioskLocales.errorId : undefined}>
            <legend>{t("events.kiosk_locales")}</legend>
            {KIOSK_LOCALES.map((l) => (
              <div key={l} className="check">
                <input
                  id={`${fields.kioskLocales.id}-${l}`}
                  type="checkbox"
                  name={fields.kioskLocales.name}
                  value={l}
                  defaultChecked={localeChecked(l)}
                />
                <label htmlFor={`${fields.kioskLocales.id}-${l}`}>{t(`lang.${l}`)}</label>
              </div>
            ))}
            <FieldErrors id={fields.kioskLocales.errorId} errors={localeErrors} />
          </fieldset>
          <Field
            meta={fields.leadRetentionDays}
            label={t("events.lead_retention_days")}
            hint={t("events.lead_retention_hint", {
              min: String(LEAD_RETENTION_DAYS.min),
              max: String(LEAD_RETENTION_DAYS.max),
            })}
            type="number"
            min={LEAD_RETENTION_DAYS.min}
            max={LEAD_RETENTION_DAYS.max}
          />
          <div className="actions">
            <button type="submit">{t("events.create_submit")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
