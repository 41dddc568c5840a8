import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { JobOrderForm } from "~/components/job-order-form";
import { pageTitle } from "~/components/page-title";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { getJobOrderDetail } from "~/services/job-orders/read.server";
import { editJobOrder } from "~/services/job-orders/write.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jo.edit");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const d = await getJobOrderDetail(context.deps, actor, params.id ?? "").catch(throwAsResponse);
  if (!d.actions.includes("edit")) throw redirect(`/job-orders/${d.order.id}`);
  return { order: d.order, today: isoDay(context.deps.now()) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: jobOrderSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  const order = await editJobOrder(context.deps, actor, params.id ?? "", submission.value).catch(throwAsResponse);
  return redirect(`/job-orders/${order.id}`, { headers: { "Set-Cookie": await setFlash(context, "jo.saved") } });
}

export default function EditJobOrder() {
  const t = useT();
  const { order, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow-wide">
      <h1>{t("jo.edit_title", { reference: order.reference })}</h1>
      <JobOrderForm
        lastResult={actionData?.result}
        defaultValue={order}
        submitLabel={t("jo.save_changes")}
        today={today}
      />
    </div>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/job-orders", labelKey: "error.back_job_orders" }} />;
}
