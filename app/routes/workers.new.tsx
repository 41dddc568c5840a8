import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { WorkerForm } from "~/components/worker-form";
import { isoDay } from "~/domain/dates";
import { workerProfileSchema } from "~/domain/workers/profile-schema";
import { saveWorker } from "~/services/workers/save-worker.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { newFormKey, oncePerFormKey } from "~/web/form-keys.server";
import { setFlash } from "~/web/flash.server";
import { requireAgencyUser, requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "wf.new_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAgencyUser(request, context);
  return { formKey: newFormKey(), today: isoDay(context.deps.now()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: workerProfileSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  // a double click or a resend creates one, not two: the second is sent where the first went
  return oncePerFormKey(request, context, actor.userId ?? actor.orgId, form, async () => {
    const saved = await saveWorker(context.deps, actor, value).catch(throwAsResponse);
    return redirect(`/workers/${saved.id}`, { headers: { "Set-Cookie": await setFlash(context, "wf.saved") } });
  });
}

export default function NewWorker() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { formKey, today } = useLoaderData<typeof loader>();
  return (
    <div className="narrow-wide">
      <h1>{t("wf.new_title")}</h1>
      <WorkerForm formKey={formKey} lastResult={actionData?.result} submitLabel={t("wf.save")} today={today} />
    </div>
  );
}
