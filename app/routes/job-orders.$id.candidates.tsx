import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReasonField } from "~/components/reason-field";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { spaced, withParen } from "~/components/text";
import { certificateShortName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import { provinceName } from "~/domain/reference/provinces";
import { StageMoveSchema } from "~/domain/shortlists/schema";
import { REJECT_REASONS, STAGE_RULES } from "~/domain/shortlists/stages";
import { formatDate, formatNumber, languageName } from "~/i18n/locales";
import { reviewCandidates } from "~/services/shortlists/employer-review.server";
import { moveCandidate } from "~/services/shortlists/move-candidate.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { isShownOnRow, parseRow, rowDomainError, type RowReply } from "~/web/row-forms.server";
import { presentEmployerCandidate } from "~/web/shortlists.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cand.nav");

/**
 * The employer's candidates for its order, anonymised and side by side. The loader returns only the employer's
 * JSON shape (presentEmployerCandidate): the page can show nothing the API would not.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { order, candidates } = await reviewCandidates(context.deps, actor, params.id ?? "", "page").catch(
    throwAsResponse,
  );
  return {
    order: {
      id: order.id,
      reference: order.reference,
      title: order.title,
      positions: order.positions,
      positionsFilled: order.positionsFilled,
    },
    candidates: candidates.map(presentEmployerCandidate),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const form = await request.formData();
  const entryId = String(form.get("entryId") ?? "");
  const parsed = parseRow(
    StageMoveSchema,
    { action: form.get("action"), reason: form.get("reason") ?? undefined },
    entryId,
    "move",
  );
  if (!parsed.ok) return parsed.reply;
  try {
    await moveCandidate(context.deps, actor, entryId, parsed.value);
  } catch (e) {
    if (isShownOnRow(e)) return rowDomainError(e, entryId, "move");
    return throwAsResponse(e);
  }
  return redirect(`/job-orders/${params.id ?? ""}/candidates`, {
    headers: { "Set-Cookie": await setFlash(context, "cand.moved_flash") },
  });
}

type Candidate = ReturnType<typeof useLoaderData<typeof loader>>["candidates"][number];

export default function Candidates() {
  const { order, candidates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.rowReply ?? null;
  const t = useT();
  const locale = useLocale();
  const row = (label: string, cell: (c: Candidate) => React.ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {candidates.map((c) => (
        <td key={c.entryId}>{cell(c)}</td>
      ))}
    </tr>
  );
  return (
    <>
      <p>
        <Link to={`/job-orders/${order.id}`}>{withParen(order.title, order.reference)}</Link>
      </p>
      <h1>{t("cand.title", { title: order.title })}</h1>
      <p className="hint">{t("cand.intro")}</p>
      <p className="meta">
        {t("sl.positions", {
          filled: formatNumber(locale, order.positionsFilled),
          positions: formatNumber(locale, order.positions),
        })}
      </p>
      {candidates.length === 0 ? (
        <p className="empty">{t("cand.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="compare">
            <thead>
              <tr>
                <th scope="col">{t("cand.candidate")}</th>
                {candidates.map((c) => (
                  <th key={c.entryId} scope="col" id={`c-${c.entryId}`}>
                    {c.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row(t("cand.identity"), (c) =>
                c.identity ? (
                  <>
                    <strong>{c.identity.fullName}</strong>
                    <br />
                    {t("cand.born", { date: formatDate(locale, c.identity.dateOfBirth) })}
                    {c.identity.phone ? (
                      <>
                        <br />
                        {c.identity.phone}
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="meta">{t("cand.not_disclosed")}</span>
                ),
              )}
              {row(t("cand.stage"), (c) => (
                <span className={`status ${c.stage}`}>{t(`stage.${c.stage}`)}</span>
              ))}
              {row(t("cand.experience"), (c) => (
                <ul className="plain">
                  {c.experiences.map((e) => (
                    <li key={`${e.sector}-${e.iscoCode}`}>
                      {t("match.years", {
                        occupation: occupationTitle(e.iscoCode, locale),
                        years: formatNumber(locale, e.years),
                      })}
                    </li>
                  ))}
                </ul>
              ))}
              {row(t("cand.languages"), (c) =>
                c.languages.length ? (
                  <ul className="plain">
                    {c.languages.map((l) => (
                      <li key={l.code}>{spaced(languageName(locale, l.code), l.level)}</li>
                    ))}
                  </ul>
                ) : (
                  t("cand.none")
                ),
              )}
              {row(t("cand.certificates"), (c) =>
                c.certificates.length ? (
                  <ul className="plain">
                    {c.certificates.map((x) => (
                      <li key={x.code}>
                        {x.validUntil
                          ? t("cand.valid_until", { name: certificateShortName(x.code, locale), month: x.validUntil })
                          : t("cand.no_expiry", { name: certificateShortName(x.code, locale) })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("cand.none")
                ),
              )}
              {row(t("cand.age"), (c) => c.ageBand)}
              {row(t("cand.province"), (c) => provinceName(c.provinceCode))}
              {row(t("cand.actions"), (c) => (
                <Decide candidate={c} reply={reply?.row === c.entryId ? reply : null} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Decide({ candidate: c, reply }: { candidate: Candidate; reply: RowReply | null }) {
  const t = useT();
  const errorText = useErrorText();
  const simple = c.actions.filter((a) => !STAGE_RULES[a].reason);
  const canReject = c.actions.includes("reject");
  const fieldId = `r-${c.entryId}`;
  const err = reply?.fields.reason;
  if (c.actions.length === 0) return null;
  return (
    <>
      {reply?.message ? (
        <p className="form-errors" role="alert">
          {errorText(reply.message)}
        </p>
      ) : null}
      {simple.length ? (
        <Form method="post" className="actions">
          <input type="hidden" name="entryId" value={c.entryId} />
          {simple.map((a) => (
            <button
              key={a}
              type="submit"
              name="action"
              value={a}
              className={a === "select" ? undefined : "secondary"}
              aria-label={t("cand.action_for", { action: t(`stage_action.${a}`), code: c.code })}
            >
              {t(`stage_action.${a}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {canReject ? (
        <details open={Boolean(err)}>
          <summary>{t("stage_action.reject")}</summary>
          <Form method="post">
            <input type="hidden" name="entryId" value={c.entryId} />
            <ReasonField id={fieldId} reasons={REJECT_REASONS} error={err} />
            <button
              type="submit"
              name="action"
              value="reject"
              className="danger"
              aria-label={t("cand.action_for", { action: t("stage_action.reject"), code: c.code })}
            >
              {t("stage_action.reject")}
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/job-orders", labelKey: "error.back_job_orders" }} />;
}
