import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { JobOrderForm } from "~/components/job-order-form";
import { pageTitle } from "~/components/page-title";
import { JobOrderSchema } from "~/domain/job-orders/schema";
import { createJobOrder } from "~/services/job-orders/write.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jo.new_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireSignedIn(request, context);
  if (org.kind !== "employer") throw new Response("errors.not_found", { status: 404 });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: JobOrderSchema });
  if (submission.status !== "success") return invalid(submission);
  const order = await createJobOrder(context.deps, actor, submission.value).catch(throwAsResponse);
  return redirect(`/job-orders/${order.id}`, { headers: { "Set-Cookie": await setFlash(context, "jo.saved") } });
}

export default function NewJobOrder() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow-wide">
      <h1>{t("jo.new_title")}</h1>
      <JobOrderForm lastResult={actionData?.result} submitLabel={t("jo.save_draft")} />
    </div>
  );
}
