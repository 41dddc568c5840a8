import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { JobOrderForm } from "~/components/job-order-form";
import { pageTitle } from "~/components/page-title";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { requireKindToAct } from "~/services/guards.server";
import { draftOrderFromLead } from "~/services/booth/draft-order-from-lead.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { newFormKey, oncePerFormKey } from "~/web/form-keys.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jo.new_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  try {
    requireKindToAct(actor, "employer"); // the answer the form's POST gets from createJobOrder
  } catch (e) {
    throwAsResponse(e);
  }
  // `?lead=`: a booth lead converted to this employer (an accepted invitation) pre-fills the form
  const leadId = new URL(request.url).searchParams.get("lead");
  const fromLead = leadId ? await draftOrderFromLead(context.deps, actor, leadId).catch(throwAsResponse) : null;
  return { formKey: newFormKey(), today: isoDay(context.deps.now()), fromLead };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: jobOrderSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  // a double click or a resend creates one, not two: the second is sent where the first went
  return oncePerFormKey(request, context, actor.userId ?? actor.orgId, form, async () => {
    const fromLead = form.get("fromLead");
    const order = await createJobOrder(context.deps, actor, value, {
      fromLead: typeof fromLead === "string" ? fromLead : undefined,
    }).catch(throwAsResponse);
    return redirect(`/job-orders/${order.id}`, { headers: { "Set-Cookie": await setFlash(context, "jo.saved") } });
  });
}

export default function NewJobOrder() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { formKey, today, fromLead } = useLoaderData<typeof loader>();
  return (
    <div className="narrow-wide">
      <h1>{t("jo.new_title")}</h1>
      {fromLead ? (
        <p className="notice" data-testid="from-lead">
          {t("binv.prefilled")}
        </p>
      ) : null}
      <JobOrderForm
        formKey={formKey}
        lastResult={actionData?.result}
        submitLabel={t("jo.save_draft")}
        today={today}
        defaultValue={fromLead?.draft}
        fromLead={fromLead?.leadId}
      />
    </div>
  );
}
