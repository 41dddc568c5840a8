import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormErrors } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useT } from "~/components/i18n";
import { DomainError } from "~/domain/errors";
import { LoginSchema, safeRedirect } from "~/domain/schemas/auth";
import { logIn } from "~/services/auth/log-in.server";
import { invalid, replyWithDomainError, retryAfterFromAction } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { loginLimits } from "~/web/rate-limits.server";
import { getSignedIn } from "~/web/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export const headers = retryAfterFromAction;

const BLOCKS = ["suspended", "revoked", "expired", "missing"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getSignedIn(request, context)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  const blocked = BLOCKS.find((b) => b === url.searchParams.get("blocked")) ?? null;
  return { redirectTo: url.searchParams.get("redirectTo") ?? "", blocked };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") return invalid(submission, {}, { hideFields: ["password"] });
  try {
    rejectBots(formData);
    const session = await logIn(context.deps, submission.value, context.clientIp, loginLimits(context.env));
    const headers = new Headers();
    headers.append(
      "Set-Cookie",
      await context.cookies.session.serialize(session.token, { expires: session.expiresAt }),
    );
    if (session.user.locale) headers.append("Set-Cookie", await context.cookies.lang.serialize(session.user.locale));
    return redirect(safeRedirect(submission.value.redirectTo), { headers });
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e);
    throw e;
  }
}

export default function Login() {
  const t = useT();
  const { redirectTo, blocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formErrors = blocked ? [`errors.licence_${blocked}`, ...(form.errors ?? [])] : form.errors;
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={formErrors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.email} label={t("login.email")} type="email" autoComplete="username" />
        <Field meta={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <Honeypot />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
      <p>
        {t("login.no_account")} <Link to="/signup">{t("login.signup_link")}</Link>
      </p>
    </div>
  );
}
