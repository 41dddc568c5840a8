import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { WorkerForm } from "~/components/worker-form";
import { WorkerProfileView } from "~/components/worker-profile-view";
import { withParen } from "~/components/text";
import { isoDay } from "~/domain/dates";
import { workerProfileSchema } from "~/domain/workers/profile-schema";
import { formatDateTime } from "~/i18n/locales";
import { getWorker } from "~/services/workers/get-worker.server";
import { archiveWorker, saveWorker } from "~/services/workers/save-worker.server";
import { disclosureLog, eraseWorker } from "~/services/workers/privacy.server";
import { EraseWorkerSchema } from "~/domain/workers/privacy-schema";
import { isShownOnRow, parseRow, rowDomainError, type RowReply } from "~/web/row-forms.server";
import { FieldErrors } from "~/components/field";
import { invalid, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workers.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const [worker, disclosures] = await Promise.all([
    getWorker(context.deps, actor, params.id ?? ""),
    disclosureLog(context.deps, actor, params.id ?? ""),
  ]).catch(throwAsResponse);
  return {
    ...worker,
    // `?edit` opens the form; the plain address is the read-only profile
    edit: new URL(request.url).searchParams.has("edit"),
    today: isoDay(context.deps.now()),
    disclosures: disclosures.map((d) => ({
      id: d.id,
      at: d.at,
      employer: d.employerName,
      reference: d.reference,
      title: d.title,
      fields: d.fields,
      via: d.via,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "erase") {
    const parsed = parseRow(EraseWorkerSchema, { confirm: form.get("confirm") ?? undefined }, id, intent);
    if (!parsed.ok) return parsed.reply;
    try {
      await eraseWorker(context.deps, actor, id);
    } catch (e) {
      if (isShownOnRow(e)) return rowDomainError(e, id, intent);
      return throwAsResponse(e);
    }
    return redirect("/workers", { headers: { "Set-Cookie": await setFlash(context, "privacy.erased_flash") } });
  }
  if (intent === "archive" || intent === "restore") {
    await archiveWorker(context.deps, actor, id, intent === "archive").catch(throwAsResponse);
    return redirect(`/workers/${id}`, {
      headers: {
        "Set-Cookie": await setFlash(context, intent === "archive" ? "wf.archived_flash" : "wf.restored_flash"),
      },
    });
  }
  const submission = parseWithZod(form, { schema: workerProfileSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  await saveWorker(context.deps, actor, submission.value, id).catch(throwAsResponse);
  return redirect(`/workers/${id}`, { headers: { "Set-Cookie": await setFlash(context, "wf.saved") } });
}

export default function WorkerPage() {
  const t = useT();
  const locale = useLocale();
  const w = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  // a refused save shows the form again with its errors, whichever address it was posted to
  const editing = w.edit || lastResult !== undefined;
  return (
    <div className="narrow-wide">
      <p>
        <Link to="/workers">{t("workers.title")}</Link>
      </p>
      <h1>{withParen(w.input.fullName, w.input.externalRef)}</h1>
      {w.archived ? <p className="notice">{t("wf.archived_note")}</p> : null}
      {w.duplicates.map((d) => (
        <p key={d.id} className="finding" role="alert">
          {t(d.field === "nik" ? "wf.duplicate_nik" : "wf.duplicate_passport", {
            name: withParen(d.fullName, d.externalRef),
          })}{" "}
          {editing ? (
            <Link to={`/workers/${d.id}?edit`}>{t("jo.edit")}</Link>
          ) : (
            <Link to={`/workers/${d.id}`}>{t("profile.open")}</Link>
          )}
        </p>
      ))}
      {w.consent.recordedAt ? (
        <p className="meta">
          {t("wf.consent_record", {
            state: t(w.consent.given ? "wf.consent_yes" : "wf.consent_no"),
            date: formatDateTime(locale, w.consent.recordedAt),
            by: w.consent.recordedBy ?? "—",
          })}
        </p>
      ) : null}
      {editing ? (
        <>
          <p>
            <Link to={`/workers/${w.id}`}>{t("profile.view")}</Link>
          </p>
          <WorkerForm lastResult={lastResult} defaultValue={w.input} submitLabel={t("wf.save")} today={w.today} />
        </>
      ) : (
        <>
          <p className="actions">
            <Link className="button" to={`/workers/${w.id}?edit`}>
              {t("profile.edit")}
            </Link>
          </p>
          <WorkerProfileView input={w.input} today={w.today} />
        </>
      )}
      <Form method="post" action={`/workers/${w.id}`} className="actions">
        <button
          type="submit"
          name="intent"
          value={w.archived ? "restore" : "archive"}
          className={w.archived ? "secondary" : "danger"}
        >
          {t(w.archived ? "wf.restore" : "wf.archive")}
        </button>
      </Form>
      <Privacy
        workerId={w.id}
        disclosures={w.disclosures}
        reply={actionData && "rowReply" in actionData ? actionData.rowReply : null}
      />
    </div>
  );
}

function Privacy({
  workerId,
  disclosures,
  reply,
}: {
  workerId: string;
  disclosures: {
    id: string;
    at: string | Date;
    employer: string;
    reference: string;
    title: string;
    fields: string[];
    via: string;
  }[];
  reply: RowReply | null;
}) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const err = reply?.fields.confirm;
  return (
    <section aria-labelledby="privacy-h" className="card">
      <h2 id="privacy-h">{t("privacy.title")}</h2>
      <h3>{t("privacy.disclosures")}</h3>
      {disclosures.length === 0 ? (
        <p className="empty">{t("privacy.no_disclosures")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("privacy.when")}</th>
                <th scope="col">{t("privacy.employer")}</th>
                <th scope="col">{t("privacy.order")}</th>
                <th scope="col">{t("privacy.fields")}</th>
                <th scope="col">{t("privacy.via")}</th>
              </tr>
            </thead>
            <tbody>
              {disclosures.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(locale, d.at)}</td>
                  <td>{d.employer}</td>
                  <td>{withParen(d.title, d.reference)}</td>
                  <td>{d.fields.map((f) => t(`privacy.field.${f}` as "privacy.field.full_name")).join(", ")}</td>
                  <td>{t(d.via === "api" ? "privacy.via.api" : "privacy.via.page")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/workers/${workerId}/export.json`} download>
          {t("privacy.export")}
        </a>
      </p>
      <details open={Boolean(err || reply?.message)}>
        <summary>{t("privacy.erase")}</summary>
        <p className="hint">{t("privacy.erase_hint")}</p>
        {reply?.message ? (
          <p className="form-errors" role="alert">
            {errorText(reply.message)}
          </p>
        ) : null}
        <Form method="post">
          <div className="check">
            <input
              type="checkbox"
              id="erase-confirm"
              name="confirm"
              aria-invalid={err ? true : undefined}
              aria-describedby={err ? "erase-confirm-error" : undefined}
            />
            <label htmlFor="erase-confirm">{t("privacy.erase_confirm")}</label>
          </div>
          <FieldErrors id="erase-confirm-error" errors={err ? [err] : undefined} />
          <button type="submit" name="intent" value="erase" className="danger">
            {t("privacy.erase")}
          </button>
        </Form>
      </details>
    </section>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/workers", labelKey: "error.back_workers" }} />;
}
