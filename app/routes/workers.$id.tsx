import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { WorkerForm } from "~/components/worker-form";
import { withParen } from "~/components/text";
import { WorkerProfileSchema } from "~/domain/workers/profile-schema";
import { formatDateTime } from "~/i18n/locales";
import { getWorker } from "~/services/workers/get-worker.server";
import { archiveWorker, saveWorker } from "~/services/workers/save-worker.server";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workers.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  return getWorker(context.deps, actor, params.id ?? "").catch(throwAsResponse);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "archive" || intent === "restore") {
    await archiveWorker(context.deps, actor, id, intent === "archive").catch(throwAsResponse);
    return redirect(`/workers/${id}`, { headers: { "Set-Cookie": await setFlash(context, intent === "archive" ? "wf.archived_flash" : "wf.restored_flash") } });
  }
  const submission = parseWithZod(form, { schema: WorkerProfileSchema });
  if (submission.status !== "success") return invalid(submission);
  await saveWorker(context.deps, actor, submission.value, id).catch(throwAsResponse);
  return redirect(`/workers/${id}`, { headers: { "Set-Cookie": await setFlash(context, "wf.saved") } });
}

export default function WorkerPage() {
  const t = useT();
  const locale = useLocale();
  const w = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow-wide">
      <p><Link to="/workers">{t("workers.title")}</Link></p>
      <h1>{withParen(w.input.fullName, w.input.externalRef)}</h1>
      {w.archived ? <p className="notice">{t("wf.archived_note")}</p> : null}
      {w.duplicates.map((d) => (
        <p key={d.id} className="finding" role="alert">
          {t(d.field === "nik" ? "wf.duplicate_nik" : "wf.duplicate_passport", { name: withParen(d.fullName, d.externalRef) })}{" "}
          <Link to={`/workers/${d.id}`}>{t("jo.edit")}</Link>
        </p>
      ))}
      {w.consent.recordedAt ? (
        <p className="meta">{t("wf.consent_record", { state: t(w.consent.given ? "wf.consent_yes" : "wf.consent_no"), date: formatDateTime(locale, w.consent.recordedAt), by: w.consent.recordedBy ?? "—" })}</p>
      ) : null}
      <WorkerForm lastResult={actionData?.result} defaultValue={w.input} submitLabel={t("wf.save")} />
      <Form method="post" className="actions">
        <button type="submit" name="intent" value={w.archived ? "restore" : "archive"} className={w.archived ? "secondary" : "danger"}>{t(w.archived ? "wf.restore" : "wf.archive")}</button>
      </Form>
    </div>
  );
}
