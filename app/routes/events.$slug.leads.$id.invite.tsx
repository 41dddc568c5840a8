import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LeadVacancy } from "~/components/booth/lead-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FieldErrors, FormErrors, fieldErrors } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { InviteLeadSchema, LEAD_INVITATION_DAYS, RevokeLeadInvitationSchema } from "~/domain/booth/invitation";
import { formatDate, formatDateTime } from "~/i18n/locales";
import { getLeadInvitation } from "~/services/booth/get-lead-invitation.server";
import { inviteLead, revokeLeadInvitation } from "~/services/booth/invite-lead.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { handleForm } from "~/web/forms.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "binv.staff_title"),
  // the page shows a one-time link right after it is made: it must not leak through a Referer
  { name: "referrer", content: "same-origin" },
];

/** A lead's invitation to post a job order, for the event's staff and ministry administrators (404 for anyone else). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { event, item, open, now } = await getLeadInvitation(
    context.deps,
    actor,
    params.slug ?? "",
    params.id ?? "",
  ).catch(throwAsResponse);
  const { lead } = item;
  return {
    event: { slug: event.slug, name: event.name },
    lead: {
      id: lead.id,
      name: lead.name,
      company: lead.company,
      email: lead.email,
      vacancy: lead.vacancy,
      erased: lead.erasedAt !== null,
      converted: lead.employerOrgId !== null,
    },
    open: open
      ? { email: open.email, createdAt: open.createdAt, expiresAt: open.expiresAt, expired: open.expiresAt <= now }
      : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const slug = params.slug ?? "";
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "invite":
        return await handleForm(
          formData,
          InviteLeadSchema,
          { intent },
          async (v) => {
            const { token, invitation } = await inviteLead(context.deps, actor, slug, id, v);
            // Shown once, on this answer only: the token is not stored and the page is not cached.
            const link = new URL(`/booth-invite/${token}`, request.url).toString();
            return Response.json(
              { intent, created: { email: invitation.email, link } },
              { headers: { "Cache-Control": "no-store" } },
            );
          },
          ["conflict"],
        );
      case "revoke":
        return await handleForm(
          formData,
          RevokeLeadInvitationSchema,
          { intent },
          async () => {
            await revokeLeadInvitation(context.deps, actor, slug, id);
            return redirect(`/events/${slug}/leads/${id}/invite`, {
              headers: { "Set-Cookie": await setFlash(context, "binv.revoked_flash") },
            });
          },
          ["conflict"],
        );
      default:
        throw new Response("errors.invalid", { status: 400 });
    }
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function LeadInvitationPage() {
  const t = useT();
  const locale = useLocale();
  const { event, lead, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const last = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent && "result" in actionData
      ? actionData.result
      : undefined;
  const [form, fields] = useForm({
    id: "lead-invite",
    lastResult: last("invite"),
    defaultValue: { email: lead.email ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteLeadSchema }),
    shouldValidate: "onBlur",
  });
  const [revokeForm, revokeFields] = useForm({
    id: "lead-invite-revoke",
    lastResult: last("revoke"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RevokeLeadInvitationSchema }),
  });
  const confirm = getInputProps(revokeFields.confirm, { type: "checkbox" });
  const back = `/events/${event.slug}/leads/${lead.id}`;
  const who = lead.erased
    ? t("follow.erased")
    : t("follow.lead_heading", { company: lead.company ?? "", name: lead.name ?? "" });
  return (
    <div className="narrow-wide">
      <p>
        <Link to={back}>{t("binv.back_lead", { who })}</Link>
      </p>
      <h1>{t("binv.staff_title")}</h1>
      <p>{t("binv.staff_lead", { days: LEAD_INVITATION_DAYS })}</p>
      {created ? (
        <div className="card" role="status">
          <p>{t("binv.created", { email: created.email })}</p>
          <p className="secret" data-testid="booth-invite-link">
            {created.link}
          </p>
          <p className="hint">{t("binv.created_hint")}</p>
        </div>
      ) : null}
      {!open ? <FormErrors id="lead-invite-revoke-errors" errors={revokeForm.errors} /> : null}
      {lead.erased ? (
        <p className="notice">{t("binv.erased")}</p>
      ) : lead.converted ? (
        <p className="notice">{t("binv.converted")}</p>
      ) : (
        <>
          {open && !created ? (
            <section className="card stack" aria-labelledby="open-h">
              <h2 id="open-h">{t("binv.open_title")}</h2>
              <p>
                {t(open.expired ? "binv.open_expired" : "binv.open_state", {
                  email: open.email,
                  created: formatDateTime(locale, open.createdAt),
                  expires: formatDate(locale, open.expiresAt),
                })}
              </p>
              <Form method="post" {...getFormProps(revokeForm)} className="stack">
                <FormErrors id={revokeForm.errorId} errors={revokeForm.errors} />
                <div className="check">
                  <input
                    {...confirm}
                    key={confirm.key}
                    aria-invalid={fieldErrors(revokeFields.confirm) ? true : undefined}
                  />
                  <label htmlFor={revokeFields.confirm.id}>{t("binv.revoke_confirm")}</label>
                </div>
                <FieldErrors id={revokeFields.confirm.errorId} errors={fieldErrors(revokeFields.confirm)} />
                <div className="actions">
                  <button type="submit" name="intent" value="revoke" className="danger">
                    {t("binv.revoke")}
                  </button>
                </div>
              </Form>
            </section>
          ) : null}
          <Form method="post" {...getFormProps(form)} className="card stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              meta={fields.email}
              label={t("binv.email")}
              type="email"
              autoComplete="off"
              hint={t("binv.email_hint")}
            />
            <div className="actions">
              <button type="submit" name="intent" value="invite">
                {t(open ? "binv.invite_again" : "binv.invite")}
              </button>
            </div>
          </Form>
        </>
      )}
      <LeadVacancy vacancy={lead.vacancy} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/dashboard", labelKey: "follow.back_dashboard" }} />;
}
