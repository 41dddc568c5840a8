import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { RowAction } from "~/components/row-action";
import { eventSchema, eventStaffSchema, kioskLabelSchema } from "~/domain/booth/event-schema";
import { EventForm } from "~/components/booth/event-form";
import { isoDay } from "~/domain/dates";
import { updateEvent } from "~/services/booth/update-event.server";
import { DomainError } from "~/domain/errors";
import { countText } from "~/i18n/follow-up-text";
import { countryName, formatDate, formatDateTime } from "~/i18n/locales";
import { addEventStaff } from "~/services/booth/add-event-staff.server";
import { createEnrolmentCode } from "~/services/booth/create-enrolment-code.server";
import { getEvent } from "~/services/booth/get-event.server";
import { removeEventStaff } from "~/services/booth/remove-event-staff.server";
import { revokeDevice } from "~/services/booth/revoke-device.server";
import { invalid, replyWithDomainError, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "events.page_title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { event, staff, devices, leads, mayManage } = await getEvent(context.deps, actor, params.slug ?? "").catch(
    throwAsResponse,
  );
  const now = context.deps.now().getTime();
  return {
    today: isoDay(context.deps.now()),
    mayManage,
    leads,
    event: {
      slug: event.slug,
      name: event.name,
      venue: event.venue,
      city: event.city,
      country: event.country,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      kioskLocales: event.kioskLocales,
      leadRetentionDays: event.leadRetentionDays,
    },
    staff: staff.map((s) => ({ userId: s.userId, name: s.name, email: s.email, orgName: s.orgName })),
    devices: devices.map((d) => ({
      id: d.id,
      label: d.label,
      enrolledAt: d.enrolledAt,
      lastSeenAt: d.lastSeenAt,
      revokedAt: d.revokedAt,
      /** a code was made and is still waiting to be typed in */
      pending: !d.enrolledAt && !d.revokedAt && d.enrolCodeExpiresAt !== null && d.enrolCodeExpiresAt.getTime() > now,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const slug = params.slug ?? "";
  const back = `/events/${slug}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "enrol") {
      const submission = parseWithZod(formData, { schema: kioskLabelSchema });
      if (submission.status !== "success") return invalid(submission, { intent });
      const made = await createEnrolmentCode(context.deps, actor, slug, submission.value.label);
      const link = new URL("/booth/enrol", request.url).toString();
      return {
        intent,
        result: submission.reply({ resetForm: true }),
        enrolment: { label: made.label, code: made.code, expiresAt: made.expiresAt, link },
      };
    }
    if (intent === "edit") {
      const submission = parseWithZod(formData, { schema: eventSchema(isoDay(context.deps.now())) });
      if (submission.status !== "success") return invalid(submission, { intent });
      await updateEvent(context.deps, actor, slug, submission.value);
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.event_saved") } });
    }
    if (intent === "add-staff") {
      const submission = parseWithZod(formData, { schema: eventStaffSchema });
      if (submission.status !== "success") return invalid(submission, { intent });
      try {
        await addEventStaff(context.deps, actor, slug, submission.value.email);
      } catch (e) {
        if (e instanceof DomainError && (e.code === "invalid" || e.code === "conflict"))
          return replyWithDomainError(submission, e, { intent });
        throw e;
      }
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.staff_added") } });
    }
    if (intent === "remove-staff") {
      await removeEventStaff(context.deps, actor, slug, String(formData.get("userId") ?? ""));
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.staff_removed") } });
    }
    if (intent === "revoke-device") {
      await revokeDevice(context.deps, actor, slug, String(formData.get("deviceId") ?? ""));
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.kiosk_revoked") } });
    }
    throw new Response("errors.invalid", { status: 400 });
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function EventPage() {
  const t = useT();
  const locale = useLocale();
  const { event, staff, devices, leads, mayManage, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [enrolForm, enrolFields] = useForm({
    id: "enrol-kiosk",
    lastResult: actionData?.intent === "enrol" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: kioskLabelSchema }),
    shouldValidate: "onBlur",
  });
  const [staffForm, staffFields] = useForm({
    id: "add-staff",
    lastResult: actionData?.intent === "add-staff" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventStaffSchema }),
    shouldValidate: "onBlur",
  });
  const enrolment = actionData && "enrolment" in actionData ? actionData.enrolment : undefined;
  return (
    <>
      <h1>{event.name}</h1>
      <dl className="facts">
        <dt>{t("events.venue")}</dt>
        <dd>
          {t("events.place_venue", {
            venue: event.venue,
            city: event.city,
            country: countryName(locale, event.country),
          })}
        </dd>
        <dt>{t("events.col_dates")}</dt>
        <dd>{t("events.dates", { from: formatDate(locale, event.startsOn), to: formatDate(locale, event.endsOn) })}</dd>
        <dt>{t("events.kiosk_locales")}</dt>
        <dd>{event.kioskLocales.map((l) => t(l === "id" ? "lang.id" : "lang.en")).join(", ")}</dd>
        <dt>{t("events.lead_retention_days")}</dt>
        <dd>{t("events.retention_value", { days: String(event.leadRetentionDays) })}</dd>
      </dl>
      <p className="actions">
        <Link className="button" to={`/events/${event.slug}/leads`}>
          {countText(locale, leads, "follow.leads_one", "follow.leads_many")}
        </Link>
        <Link className="button secondary" to={`/events/${event.slug}/results`}>
          {t("results.link")}
        </Link>
      </p>

      <section aria-labelledby="kiosks-h">
        <h2 id="kiosks-h">{t("events.kiosks")}</h2>
        <p>{t("events.kiosks_lead")}</p>
        {enrolment ? (
          <div className="card" role="status">
            <p>
              {t("events.code_made", { label: enrolment.label, time: formatDateTime(locale, enrolment.expiresAt) })}
            </p>
            <p className="secret" data-testid="enrol-code">
              {enrolment.code}
            </p>
            <p>{t("events.code_where", { link: enrolment.link })}</p>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(enrolForm)} className="card stack narrow">
          <FormErrors id={enrolForm.errorId} errors={enrolForm.errors} />
          <Field meta={enrolFields.label} label={t("events.kiosk_label")} hint={t("events.kiosk_label_hint")} />
          <div className="actions">
            <button type="submit" name="intent" value="enrol">
              {t("events.enrol_submit")}
            </button>
          </div>
        </Form>
        {devices.length === 0 ? (
          <p className="empty">{t("events.no_kiosks")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("events.col_kiosk")}</th>
                  <th scope="col">{t("events.col_enrolled")}</th>
                  <th scope="col">{t("events.col_last_seen")}</th>
                  <th scope="col">{t("events.col_state")}</th>
                  <th scope="col">{t("events.col_actions")}</th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id}>
                    <td>{d.label}</td>
                    <td>{d.enrolledAt ? formatDateTime(locale, d.enrolledAt) : t("events.not_yet")}</td>
                    <td>{d.lastSeenAt ? formatDateTime(locale, d.lastSeenAt) : t("events.not_yet")}</td>
                    <td>
                      {d.revokedAt
                        ? t("events.revoked_at", { time: formatDateTime(locale, d.revokedAt) })
                        : d.enrolledAt
                          ? t("events.state_active")
                          : d.pending
                            ? t("events.state_pending")
                            : t("events.state_lapsed")}
                    </td>
                    <td>
                      {d.revokedAt ? null : (
                        <details>
                          <summary>{t("events.revoke")}</summary>
                          <p>{t("events.revoke_confirm_text", { label: d.label })}</p>
                          <RowAction
                            intent="revoke-device"
                            field="deviceId"
                            value={d.id}
                            label={t("events.revoke_confirm")}
                            ariaLabel={t("events.revoke_aria", { label: d.label })}
                          />
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="staff-h">
        <h2 id="staff-h">{t("events.staff")}</h2>
        {staff.length === 0 ? (
          <p className="empty">{t("events.no_staff")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("settings.col_name")}</th>
                  <th scope="col">{t("settings.col_email")}</th>
                  <th scope="col">{t("events.col_org")}</th>
                  {mayManage ? <th scope="col">{t("events.col_actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr key={s.userId}>
                    <td>{s.name}</td>
                    <td>{s.email}</td>
                    <td>{s.orgName}</td>
                    {mayManage ? (
                      <td>
                        <RowAction
                          intent="remove-staff"
                          field="userId"
                          value={s.userId}
                          label={t("events.remove_staff")}
                          ariaLabel={t("events.remove_staff_aria", { name: s.name })}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mayManage ? (
          <Form method="post" {...getFormProps(staffForm)} className="card stack narrow">
            <FormErrors id={staffForm.errorId} errors={staffForm.errors} />
            <Field
              meta={staffFields.email}
              label={t("events.staff_email")}
              hint={t("events.staff_email_hint")}
              type="email"
            />
            <div className="actions">
              <button type="submit" name="intent" value="add-staff">
                {t("events.add_staff")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      {mayManage ? (
        <section aria-labelledby="edit-event-h" className="narrow">
          <h2 id="edit-event-h">{t("events.edit_title")}</h2>
          <EventForm
            id="edit-event"
            today={today}
            intent="edit"
            lastResult={actionData?.intent === "edit" ? actionData.result : undefined}
            defaultValue={{ ...event, leadRetentionDays: String(event.leadRetentionDays) }}
            submitLabel={t("events.edit_submit")}
          />
        </section>
      ) : null}
    </>
  );
}
