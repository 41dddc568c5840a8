import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useT } from "~/components/i18n";
import { DomainError } from "~/domain/errors";
import { AcceptInvitationSchema } from "~/domain/schemas/auth";
import { acceptInvitation, findInvitation } from "~/services/orgs/invitations.server";
import { invalid, replyWithDomainError, retryAfterFromAction } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { limitPublicWrite } from "~/web/rate-limits.server";
import { getLocale } from "~/web/locale.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "invite.submit"),
  { name: "referrer", content: "same-origin" },
];

export const headers = retryAfterFromAction;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.deps, params.token ?? "");
  return data({ invitation }, { status: invitation ? 200 : 404 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: AcceptInvitationSchema });
  if (submission.status !== "success") return invalid(submission, {}, { hideFields: ["password"] });
  try {
    rejectBots(formData);
    await limitPublicWrite(context, "invite-accept");
    const locale = await getLocale(request, context);
    const session = await acceptInvitation(context.deps, params.token ?? "", submission.value, locale);
    return redirect("/dashboard", {
      headers: { "Set-Cookie": await context.cookies.session.serialize(session.token, { expires: session.expiresAt }) },
    });
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e);
    throw e;
  }
}

export default function AcceptInvitation() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
    shouldValidate: "onBlur",
  });
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>{t("error.404_title")}</h1>
        <p>{t("invite.invalid")}</p>
        <Link to="/">{t("error.home")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("invite.title", { org: invitation.orgName })}</h1>
      <p>{t("invite.lead", { role: t(`role.${invitation.role}`), email: invitation.email })}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
        <Field
          meta={fields.password}
          label={t("signup.password")}
          type="password"
          hint={t("signup.password_hint")}
          autoComplete="new-password"
        />
        <Honeypot />
        <div className="actions">
          <button type="submit">{t("invite.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
