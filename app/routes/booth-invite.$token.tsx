import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LeadVacancy } from "~/components/booth/lead-facts";
import { Field, FormErrors, SelectField } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { AcceptBoothInvitationSchema } from "~/domain/booth/invitation";
import { DESTINATION_CODES } from "~/domain/countries";
import { DomainError } from "~/domain/errors";
import { formatDate, sortedCountries } from "~/i18n/locales";
import {
  acceptBoothInvitationAsMember,
  acceptBoothInvitationAsNew,
  findBoothInvitation,
} from "~/services/booth/accept-booth-invitation.server";
import { invalid, replyWithDomainError, retryAfterFromAction, throwAsResponse } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { getLocale } from "~/web/locale.server";
import { limitPublicWrite } from "~/web/rate-limits.server";
import { getSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "binv.accept_title"),
  // the address holds a one-time token: never sent to another site as a Referer (not "no-referrer": under it a
  // form posted without JavaScript carries `Origin: null`, which the cross-site gate refuses, decision 003)
  { name: "referrer", content: "same-origin" },
];

export const headers = retryAfterFromAction;

const draftPath = (leadId: string) => `/job-orders/new?lead=${leadId}`;

/**
 * A booth lead's invitation to post a job order (public: the token is the credential). Open: the visitor creates
 * their employer account, or a signed-in employer accepts for their organisation; used or expired: 410; unknown: 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const invitation = await findBoothInvitation(context.deps, params.token ?? "");
  const signedIn = await getSignedIn(request, context);
  const locale = await getLocale(request, context);
  const status = invitation === null ? 404 : invitation.state === "open" ? 200 : 410;
  return data(
    {
      invitation,
      signedIn: signedIn ? { orgName: signedIn.org.name, employer: signedIn.actor.orgKind === "employer" } : null,
      countries: sortedCountries(locale, DESTINATION_CODES),
      loginPath: `/login?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`,
    },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const signedIn = await getSignedIn(request, context);
  if (formData.get("intent") === "attach") {
    if (!signedIn) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/booth-invite/${token}` })}`);
    const { leadId } = await acceptBoothInvitationAsMember(context.deps, signedIn.actor, token).catch(throwAsResponse);
    return redirect(draftPath(leadId));
  }
  const submission = parseWithZod(formData, { schema: AcceptBoothInvitationSchema });
  if (submission.status !== "success") return invalid(submission, {}, { hideFields: ["password"] });
  try {
    rejectBots(formData);
    await limitPublicWrite(context, "booth-invite-accept");
    const locale = await getLocale(request, context);
    const { session, leadId } = await acceptBoothInvitationAsNew(context.deps, token, submission.value, locale);
    return redirect(draftPath(leadId), {
      headers: { "Set-Cookie": await context.cookies.session.serialize(session.token, { expires: session.expiresAt }) },
    });
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e);
    throw e;
  }
}

export default function AcceptBoothInvitation() {
  const t = useT();
  const locale = useLocale();
  const { invitation, signedIn, countries, loginPath } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const open = invitation?.state === "open" ? invitation : null;
  const [form, fields] = useForm({
    id: "booth-invite",
    lastResult: actionData?.result,
    defaultValue: open
      ? { name: open.suggested.name, organisationName: open.suggested.company, country: open.suggested.country }
      : {},
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptBoothInvitationSchema }),
    shouldValidate: "onBlur",
  });
  if (!invitation || !open) {
    return (
      <div className="narrow">
        <h1>{t(invitation ? "binv.gone_title" : "error.404_title")}</h1>
        <p>
          {invitation
            ? t(invitation.state === "expired" ? "binv.expired" : "binv.used", { event: invitation.eventName })
            : t("binv.unknown")}
        </p>
        <Link to="/">{t("error.home")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow-wide">
      <h1>{t("binv.accept_heading", { event: open.eventName })}</h1>
      <p>{t("binv.accept_lead", { expires: formatDate(locale, open.expiresAt) })}</p>
      <LeadVacancy vacancy={open.vacancy} />
      {signedIn ? (
        signedIn.employer ? (
          <Form method="post" className="card stack">
            <p>{t("binv.attach_lead", { org: signedIn.orgName })}</p>
            <div className="actions">
              <button type="submit" name="intent" value="attach" disabled={busy}>
                {t("binv.attach")}
              </button>
            </div>
          </Form>
        ) : (
          <p className="notice">{t("binv.not_employer", { org: signedIn.orgName })}</p>
        )
      ) : (
        <>
          <Form method="post" {...getFormProps(form)} className="card stack">
            <h2>{t("binv.new_account")}</h2>
            <p>{t("binv.new_account_lead", { email: open.email })}</p>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
            <Field meta={fields.organisationName} label={t("signup.org_name")} autoComplete="organization" />
            <SelectField meta={fields.country} label={t("signup.country")}>
              <option value="">{t("signup.country_choose")}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <Field
              meta={fields.password}
              label={t("signup.password")}
              type="password"
              hint={t("signup.password_hint")}
              autoComplete="new-password"
            />
            <Honeypot />
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t("binv.create_and_continue")}
              </button>
            </div>
          </Form>
          <p>
            {t("binv.have_account")} <Link to={loginPath}>{t("binv.sign_in_first")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
