import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { addDays } from "~/domain/dates";
import { enrolCodeSchema } from "~/domain/booth/event-schema";
import { DomainError } from "~/domain/errors";
import { enrolDevice } from "~/services/booth/enrol-device.server";
import { KIOSK_VALID_DAYS_AFTER_EVENT } from "~/services/booth/resolve-kiosk-device.server";
import { invalid, replyWithDomainError, retryAfterFromAction } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { limitPublicWrite } from "~/web/rate-limits.server";

// A kiosk's browser becomes the event's device: the code a staff member made on their own device is typed here,
// and the device token goes into the jmb_kiosk cookie. No user ever signs in on the kiosk.

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "booth.enrol_title"),
  { name: "referrer", content: "same-origin" },
];

export const headers = retryAfterFromAction;

export function loader({ request }: LoaderFunctionArgs) {
  // the QR code of the event page may carry the code (`?code=`); it only fills the field in
  const code = new URL(request.url).searchParams.get("code") ?? "";
  return { code: code.slice(0, 20) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: enrolCodeSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    rejectBots(formData);
    await limitPublicWrite(context, "booth-enrol");
    const { token, event } = await enrolDevice(context.deps, submission.value.code);
    const expires = new Date(`${addDays(event.endsOn, KIOSK_VALID_DAYS_AFTER_EVENT + 1)}T00:00:00Z`);
    return redirect(`/booth/${event.slug}`, {
      headers: { "Set-Cookie": await context.cookies.kiosk.serialize(token, { expires }) },
    });
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e);
    throw e;
  }
}

export default function BoothEnrol() {
  const t = useT();
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "booth-enrol",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enrolCodeSchema }),
    shouldValidate: "onBlur",
    defaultValue: { code },
  });
  return (
    <div className="narrow">
      <h1>{t("booth.enrol_title")}</h1>
      <p>{t("booth.enrol_lead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.code} label={t("booth.enrol_code")} hint={t("booth.enrol_code_hint")} autoComplete="off" />
        <Honeypot />
        <div className="actions">
          <button type="submit">{t("booth.enrol_submit")}</button>
        </div>
      </Form>
    </div>
  );
}
