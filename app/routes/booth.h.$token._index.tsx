import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, fieldErrors, FormErrors } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { HandoffGone } from "~/components/booth/handoff-gone";
import { LeadFields } from "~/components/booth/lead-fields";
import { VacancySummary } from "~/components/booth/vacancy-summary";
import { pageTitle } from "~/components/page-title";
import { handoffPath, HANDOFF_MINUTES, phoneLeadSchema } from "~/domain/booth/handoff";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { DomainError } from "~/domain/errors";
import { formatDateTime } from "~/i18n/locales";
import { capturePhoneLead } from "~/services/booth/capture-phone-lead.server";
import { findHandoff, openHandoff, type HandoffState } from "~/services/booth/open-handoff.server";
import { invalid, replyWithDomainError } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { getLocale } from "~/web/locale.server";
import { limitPublicWrite } from "~/web/rate-limits.server";
import styles from "~/styles/booth-handoff.css";

// /booth/h/<token>: the kiosk's QR code opens this on the visitor's own phone (decision 019, "Phone handoff"). No
// login and no kiosk cookie: the token is the only credential, and it carries no personal data. The page shows the
// vacancy described at the kiosk and the kiosk's lead form (the same fields and schema), posted as a plain form so
// it works without JavaScript; the lead is stored with source "phone" and the link is spent. A spent or expired
// link answers 410, an unknown one 404, each with a page saying so.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "booth.handoff.page_title"),
  // the token is in the address: never sent to another site as a Referer. Not "no-referrer": under it a form
  // posted without JavaScript carries `Origin: null`, which the CSRF gate refuses (decision 003)
  { name: "referrer", content: "same-origin" },
];

// a one-time link's page is nobody's to cache; a rate limit's Retry-After goes onto the document
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const h = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) h.set("Retry-After", retryAfter);
  return h;
};

type Gone = Exclude<HandoffState["state"], "open">;
const statusOf = (s: Gone) => (s === "unknown" ? 404 : 410);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await openHandoff(context.deps, params.token ?? "");
  if (found.state !== "open") return data({ open: null, gone: found.state }, { status: statusOf(found.state) });
  return {
    open: {
      vacancy: found.vacancy,
      eventName: found.event.name,
      leadRetentionDays: found.event.leadRetentionDays,
      expiresAt: found.handoff.expiresAt.toISOString(),
    },
    gone: null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const found = await findHandoff(context.deps, token);
  if (found.state !== "open") return data({ gone: found.state, result: undefined }, { status: statusOf(found.state) });
  const submission = parseWithZod(formData, { schema: phoneLeadSchema });
  if (submission.status !== "success") return invalid(submission, { gone: null });
  try {
    rejectBots(formData);
    await limitPublicWrite(context, "booth-handoff");
    const r = await capturePhoneLead(context.deps, token, submission.value, await getLocale(request, context));
    if (!r.stored) return data({ gone: r.found.state, result: undefined }, { status: statusOf(r.found.state) });
    return redirect(`${handoffPath(token)}/thanks`);
  } catch (e) {
    if (e instanceof DomainError) return replyWithDomainError(submission, e, { gone: null });
    throw e;
  }
}

export default function PhoneHandoff() {
  const t = useT();
  const locale = useLocale();
  const { open, gone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "phone-lead",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phoneLeadSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const goneNow = actionData?.gone ?? gone;
  if (goneNow || !open) return <HandoffGone state={goneNow ?? "unknown"} />;
  return (
    <div className="narrow handoff-page">
      <h1>{t("booth.handoff.page_title")}</h1>
      <p>{t("booth.handoff.page_lead", { event: open.eventName })}</p>
      <VacancySummary vacancy={open.vacancy} />
      <Form method="post" {...getFormProps(form)} className="card stack handoff-form" aria-labelledby="handoff-you">
        <h2 id="handoff-you">{t("booth.handoff.your_details")}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        {/* the version of the wording this page shows; a page kept open across a change of the wording posts one
            no longer known: said here, and the page sent back carries the current one */}
        <input type="hidden" name={fields.consentVersion.name} value={LEAD_CONSENT_VERSION} />
        <FieldErrors id={fields.consentVersion.errorId} errors={fieldErrors(fields.consentVersion)} />
        <LeadFields fields={fields} retentionDays={open.leadRetentionDays} recordWording />
        <p className="hint">
          {t("booth.handoff.once", { time: formatDateTime(locale, open.expiresAt), minutes: HANDOFF_MINUTES })}
        </p>
        <div className="actions">
          <button type="submit">{t("booth.lead.send")}</button>
        </div>
      </Form>
    </div>
  );
}
