import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { WorkerForm } from "~/components/worker-form";
import { WorkerProfileSchema } from "~/domain/workers/profile-schema";
import { saveWorker } from "~/services/workers/save-worker.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireOrgKind, requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "wf.new_title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireOrgKind(request, context, "agency");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: WorkerProfileSchema });
  if (submission.status !== "success") return invalid(submission);
  const saved = await saveWorker(context.deps, actor, submission.value).catch(throwAsResponse);
  return redirect(`/workers/${saved.id}`, { headers: { "Set-Cookie": await setFlash(context, "wf.saved") } });
}

export default function NewWorker() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow-wide">
      <h1>{t("wf.new_title")}</h1>
      <WorkerForm lastResult={actionData?.result} submitLabel={t("wf.save")} />
    </div>
  );
}
