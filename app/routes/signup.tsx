import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useT } from "~/components/i18n";
import { DESTINATION_CODES } from "~/domain/countries";
import { DomainError } from "~/domain/errors";
import { SignupSchema } from "~/domain/schemas/auth";
import { sortedCountries } from "~/i18n/locales";
import { signUpEmployer } from "~/services/auth/sign-up-employer.server";
import { invalid, replyWithDomainError, retryAfterFromAction } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { rejectBots } from "~/web/forms.server";
import { limitSignup } from "~/web/rate-limits.server";
import { getLocale } from "~/web/locale.server";
import { getSignedIn } from "~/web/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signup.title");

export const headers = retryAfterFromAction;

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSignedIn(request, context)) throw redirect("/dashboard");
  const locale = await getLocale(request, context);
  // Indonesia is where workers come from, not where employers sign up from.
  const countries = sortedCountries(locale, DESTINATION_CODES);
  return { countries };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignupSchema });
  if (submission.status !== "success") return invalid(submission, {}, { hideFields: ["password"] });
  try {
    rejectBots(formData);
    await limitSignup(context, submission.value.email);
    const locale = await getLocale(request, context);
    // The same answer whether the address was new or already had an account (its owner is told by email):
    // the form never reveals who has an account. The new employer signs in next.
    await signUpEmployer(context.deps, submission.value, locale);
    return redirect("/login", { headers: { "Set-Cookie": await setFlash(context, "flash.signed_up") } });
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e);
    throw e;
  }
}

export default function Signup() {
  const t = useT();
  const { countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.name} label={t("signup.name")} autoComplete="name" />
        <Field meta={fields.email} label={t("signup.email")} type="email" autoComplete="email" />
        <Field
          meta={fields.password}
          label={t("signup.password")}
          type="password"
          hint={t("signup.password_hint")}
          autoComplete="new-password"
        />
        <Field meta={fields.organisationName} label={t("signup.org_name")} autoComplete="organization" />
        <SelectField meta={fields.country} label={t("signup.country")}>
          <option value="">{t("signup.country_choose")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Honeypot />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("signup.submit")}
          </button>
        </div>
      </Form>
      <p>
        {t("signup.have_account")} <Link to="/login">{t("signup.login_link")}</Link>
      </p>
    </div>
  );
}
