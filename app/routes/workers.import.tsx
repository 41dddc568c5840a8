import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { CSV_COLUMNS } from "~/domain/workers/import-format";
import { rowsWithIssues } from "~/domain/workers/import-rows";
import { pluralKey } from "~/i18n/follow-up-text";
import { listImports, type ImportRecord } from "~/services/workers/import-records.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { throwAsResponse } from "~/web/errors.server";
import { requireAgencyUser, requireSignedIn } from "~/web/session.server";
import { importFormUpload, uploadedRows } from "~/web/worker-import.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireAgencyUser(request, context);
  return { imports: await listImports(context.deps, actor, 10) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const upload = await importFormUpload(request).catch(throwAsResponse);
  const rows = await uploadedRows(context.deps, upload).catch(throwAsResponse);
  if (!rows) return data({ unreadable: true as const, report: null }, { status: 400 });
  const report = await importWorkers(context.deps, actor, rows, upload.mode, undefined, {
    source: "page",
    file: upload.file ?? undefined,
  }).catch(throwAsResponse);
  const refused = upload.mode === "all_or_nothing" && report.errors.length > 0;
  return data({ unreadable: false as const, report }, { status: refused ? 422 : 200 });
}

type Report = NonNullable<ReturnType<typeof useActionData<typeof action>>>["report"];
type StreamLine =
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: NonNullable<Report> }
  | { type: "unreadable" }
  | { type: "failed" };

/** With JavaScript, the upload goes to the streaming endpoint so the page can show real progress. */
function useStreamingImport() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [streamed, setStreamed] = useState<{ report: Report; unreadable: boolean; failed: boolean } | null>(null);
  const [running, setRunning] = useState(false);
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setRunning(true);
    setStreamed(null);
    setProgress(null);
    try {
      const res = await fetch("/workers/import/stream", { method: "POST", body: new FormData(e.currentTarget) });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = JSON.parse(buffer.slice(0, nl)) as StreamLine;
          buffer = buffer.slice(nl + 1);
          if (line.type === "progress") setProgress({ done: line.done, total: line.total });
          else
            setStreamed({
              report: line.type === "report" ? line.report : null,
              unreadable: line.type === "unreadable",
              failed: line.type === "failed",
            });
        }
      }
    } catch {
      setStreamed({ report: null, unreadable: false, failed: true });
    } finally {
      setRunning(false);
    }
  };
  return { onSubmit, progress, streamed, running };
}

export default function ImportWorkers() {
  const t = useT();
  const locale = useLocale();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { onSubmit, progress, streamed, running } = useStreamingImport();
  const busy = submitting || running;
  const report = streamed ? streamed.report : result?.report;
  const unreadable = streamed ? streamed.unreadable : result?.unreadable;
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p>{t("import.lead")}</p>
      <p>
        <a href="/workers/import/template.csv" download>
          {t("import.template")}
        </a>
        {" · "}
        <a href="/workers/import/schema.json">{t("import.schema")}</a>
      </p>
      <Form method="post" encType="multipart/form-data" className="card stack narrow-wide" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            required
            aria-describedby="import-file-error"
          />
          <div id="import-file-error" className="field-errors" aria-live="polite">
            {unreadable ? <p>{t("errors.import_unreadable")}</p> : null}
          </div>
        </div>
        <fieldset>
          <legend>{t("import.mode")}</legend>
          <div className="check">
            <input type="radio" id="mode-valid" name="mode" value="valid_only" defaultChecked />
            <label htmlFor="mode-valid">{t("import.mode_valid")}</label>
          </div>
          <div className="check">
            <input type="radio" id="mode-all" name="mode" value="all_or_nothing" />
            <label htmlFor="mode-all">{t("import.mode_all")}</label>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("import.submit")}
          </button>
          {busy ? (
            <span role="status" className="check">
              <progress aria-label={t("import.busy")} value={progress?.done} max={progress?.total || undefined} />
              {progress ? t("import.progress", { done: progress.done, total: progress.total }) : t("import.busy")}
            </span>
          ) : null}
        </div>
        {streamed?.failed ? (
          <p className="form-errors" role="alert">
            {t("error.500_text")}
          </p>
        ) : null}
      </Form>

      {report ? (
        <section aria-labelledby="report-h" className="card">
          <div role="status">
            <h2 id="report-h">
              {t(
                report.warned
                  ? pluralKey(locale, report.warned, "import.result_warned_one", "import.result_warned_many")
                  : "import.result",
                {
                  total: report.total,
                  created: report.created,
                  updated: report.updated,
                  failed: rowsWithIssues(report.errors),
                  warned: report.warned,
                },
              )}
            </h2>
          </div>
          {report.mode === "all_or_nothing" && report.errors.length ? (
            <p className="form-errors">{t("import.refused")}</p>
          ) : report.imported ? (
            <p>{t("import.searchable")}</p>
          ) : null}
          {report.failedRows ? (
            <p>
              <a href={`/workers/import/${report.importId}/failed.csv`} download>
                {t("import.failed_rows_download")}
              </a>{" "}
              <span className="hint">{t("import.failed_rows_hint")}</span>
            </p>
          ) : null}
          <IssueTable title={t("import.errors")} issues={report.errors} />
          <IssueTable title={t("import.warnings")} issues={report.warnings} />
        </section>
      ) : null}

      <ImportHistory imports={useLoaderData<typeof loader>().imports} />

      <section aria-labelledby="format-h">
        <h2 id="format-h">{t("import.format")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("import.col_column")}</th>
                <th scope="col">{t("import.col_content")}</th>
              </tr>
            </thead>
            <tbody>
              {CSV_COLUMNS.map((c) => (
                <tr key={c} data-column={c}>
                  <td>
                    <code>{c}</code>
                  </td>
                  <td>{t(`import.help.${c}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function IssueTable({
  title,
  issues,
}: {
  title: string;
  issues: { row: number; field: string; message: string; value?: string }[];
}) {
  const t = useT();
  const text = useErrorText();
  if (issues.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("import.col_row")}</th>
              <th scope="col">{t("import.col_field")}</th>
              <th scope="col">{t("import.col_value")}</th>
              <th scope="col">{t("import.col_message")}</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, 500).map((i) => (
              <tr key={`${i.row}-${i.field}`}>
                <td>{i.row}</td>
                <td>
                  <code>{i.field}</code>
                </td>
                <td>{i.value === undefined ? null : <code>{i.value}</code>}</td>
                <td>{text(i.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportHistory({ imports }: { imports: ImportRecord[] }) {
  const t = useT();
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t("import.history")}</h2>
      {imports.length === 0 ? (
        <p>{t("import.none_yet")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("import.col_started")}</th>
                <th scope="col">{t("import.col_status")}</th>
                <th scope="col">{t("import.col_mode")}</th>
                <th scope="col">{t("import.col_rows")}</th>
                <th scope="col">{t("import.col_written")}</th>
                <th scope="col">{t("import.col_rejected")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id} data-import-status={i.status}>
                  <td>
                    <time dateTime={i.startedAt}>{i.startedAt.slice(0, 16).replace("T", " ")}</time>
                  </td>
                  <td>{t(`import.status_${i.status}`)}</td>
                  <td>{t(i.mode === "all_or_nothing" ? "import.mode_short_all" : "import.mode_short_valid")}</td>
                  <td>{i.totalRows}</td>
                  <td>
                    {i.created}/{i.updated}
                  </td>
                  <td>
                    {i.errors}
                    {i.failedRows ? (
                      <>
                        {" · "}
                        <a href={`/workers/import/${i.id}/failed.csv`} download>
                          {t("import.failed_rows_short")}
                        </a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
