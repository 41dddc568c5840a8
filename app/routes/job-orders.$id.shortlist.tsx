import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors } from "~/components/field";
import { ReasonField } from "~/components/reason-field";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { dot, withParen } from "~/components/text";
import { DisclosureConsentSchema, NoteSchema, StageMoveSchema } from "~/domain/shortlists/schema";
import { REJECT_REASONS, STAGE_RULES, WITHDRAW_REASONS, type StageAction } from "~/domain/shortlists/stages";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/locales";
import { formatFailure } from "~/i18n/matching-text";
import { addNote } from "~/services/shortlists/add-note.server";
import { getShortlist } from "~/services/shortlists/get-shortlist.server";
import { moveCandidate } from "~/services/shortlists/move-candidate.server";
import { recordDisclosureConsent } from "~/services/shortlists/record-disclosure-consent.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { isShownOnRow, parseRow, rowDomainError, type RowReply } from "~/web/row-forms.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sl.nav");

/** An agency's shortlist for one order: stages, what each candidate fails now, notes, consent to disclosure. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { order, items, slotsHeld } = await getShortlist(context.deps, actor, params.id ?? "").catch(throwAsResponse);
  return {
    order: {
      id: order.id,
      reference: order.reference,
      title: order.title,
      status: order.status,
      positions: order.positions,
      positionsFilled: order.positionsFilled,
    },
    items,
    slotsHeld,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const entryId = String(form.get("entryId") ?? "");
  const back = async (flash: "sl.moved_flash" | "sl.note_flash" | "sl.consent_flash") =>
    redirect(`/job-orders/${params.id ?? ""}/shortlist#e-${entryId}`, {
      headers: { "Set-Cookie": await setFlash(context, flash) },
    });
  try {
    if (intent === "move") {
      const parsed = parseRow(
        StageMoveSchema,
        { action: form.get("action"), reason: form.get("reason") ?? undefined },
        entryId,
        intent,
      );
      if (!parsed.ok) return parsed.reply;
      await moveCandidate(context.deps, actor, entryId, parsed.value);
      return back("sl.moved_flash");
    }
    if (intent === "note") {
      const parsed = parseRow(NoteSchema, { body: form.get("body") }, entryId, intent);
      if (!parsed.ok) return parsed.reply;
      await addNote(context.deps, actor, entryId, parsed.value);
      return back("sl.note_flash");
    }
    if (intent === "consent") {
      const parsed = parseRow(DisclosureConsentSchema, { confirm: form.get("confirm") ?? undefined }, entryId, intent);
      if (!parsed.ok) return parsed.reply;
      await recordDisclosureConsent(context.deps, actor, entryId);
      return back("sl.consent_flash");
    }
    throw new Response("errors.invalid", { status: 400 });
  } catch (e) {
    if (isShownOnRow(e)) return rowDomainError(e, entryId, intent);
    return throwAsResponse(e);
  }
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

export default function Shortlist() {
  const { order, items } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.rowReply ?? null;
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <Link to={`/job-orders/${order.id}`}>{withParen(order.title, order.reference)}</Link>
      </p>
      <h1>{t("sl.title", { title: order.title })}</h1>
      <p className="hint">{t("sl.intro")}</p>
      <p className="meta">
        {t("sl.positions", {
          filled: formatNumber(locale, order.positionsFilled),
          positions: formatNumber(locale, order.positions),
        })}
      </p>
      <div className="actions">
        {order.status === "verified" ? <Link to={`/job-orders/${order.id}/matches`}>{t("match.find")}</Link> : null}
        {items.length ? (
          <a href={`/job-orders/${order.id}/shortlist.csv`} download>
            {t("sl.export_csv")}
          </a>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="empty">
          {t("sl.empty")} <Link to={`/job-orders/${order.id}/matches`}>{t("sl.empty_action")}</Link>
        </p>
      ) : (
        <ul className="match-list">
          {items.map((i) => (
            <Entry key={i.entryId} item={i} reply={reply?.row === i.entryId ? reply : null} />
          ))}
        </ul>
      )}
    </>
  );
}

function Entry({ item: i, reply }: { item: Item; reply: RowReply | null }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const simple = i.actions.filter((a) => !STAGE_RULES[a].reason);
  const withReason = i.actions.filter((a): a is StageAction => Boolean(STAGE_RULES[a].reason));
  const titleId = `e-${i.entryId}-name`;
  const consentError = reply?.intent === "consent" ? reply.fields.confirm : undefined;
  return (
    <li className="card match" id={`e-${i.entryId}`} aria-labelledby={titleId}>
      <div className="match-head">
        {i.workerId ? (
          <Link id={titleId} to={`/workers/${i.workerId}`} className="match-name">
            {withParen(i.name ?? i.code, i.externalRef)}
          </Link>
        ) : (
          <span id={titleId} className="match-name">
            {i.code}
          </span>
        )}
        <span className={`status ${i.stage}`}>{t(`stage.${i.stage}`)}</span>
      </div>
      <p className="meta">
        {dot(t("sl.code", { code: i.code }), t("sl.since", { date: formatDate(locale, i.stageChangedAt) }))}
      </p>
      {i.reason ? (
        <p className="meta">{t("sl.reason", { reason: t(`reason.${i.reason}` as "reason.other") })}</p>
      ) : null}
      {i.failing.length ? (
        <div className="finding hold">
          <strong>{t("sl.flagged")}</strong>
          <ul>
            {i.failing.map((f) => (
              <li key={JSON.stringify(f)}>{formatFailure(locale, f)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {reply?.message && reply.intent !== "note" ? (
        <p className="form-errors" role="alert">
          {errorText(reply.message)}
        </p>
      ) : null}
      {simple.length ? (
        <Form method="post" className="actions">
          <input type="hidden" name="entryId" value={i.entryId} />
          <input type="hidden" name="intent" value="move" />
          {simple.map((a) => (
            <button key={a} type="submit" name="action" value={a} className={a === "propose" ? undefined : "secondary"}>
              {t(`stage_action.${a}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {withReason.map((a) => {
        const reasons = a === "withdraw" ? WITHDRAW_REASONS : REJECT_REASONS;
        const fieldId = `e-${i.entryId}-${a}-reason`;
        const err = reply?.intent === "move" ? reply.fields.reason : undefined;
        return (
          <details key={a} open={Boolean(err)}>
            <summary>{t(`stage_action.${a}`)}</summary>
            <Form method="post" className="row list-row">
              <input type="hidden" name="entryId" value={i.entryId} />
              <input type="hidden" name="intent" value="move" />
              <ReasonField id={fieldId} reasons={reasons} error={err} />
              <button type="submit" name="action" value={a} className="danger">
                {t(`stage_action.${a}`)}
              </button>
            </Form>
          </details>
        );
      })}
      {i.workerId ? (
        i.disclosureConsentAt ? (
          <p className="meta">{t("sl.consent_recorded", { date: formatDateTime(locale, i.disclosureConsentAt) })}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="entryId" value={i.entryId} />
            <div className="check">
              <input
                type="checkbox"
                id={`e-${i.entryId}-confirm`}
                name="confirm"
                aria-invalid={consentError ? true : undefined}
                aria-describedby={consentError ? `e-${i.entryId}-confirm-error` : undefined}
              />
              <label htmlFor={`e-${i.entryId}-confirm`}>{t("sl.consent_confirm")}</label>
            </div>
            <FieldErrors id={`e-${i.entryId}-confirm-error`} errors={consentError ? [consentError] : undefined} />
            <button type="submit" name="intent" value="consent" className="secondary small">
              {t("sl.consent_button")}
            </button>
          </Form>
        )
      ) : null}
      {i.workerId ? <Notes item={i} reply={reply?.intent === "note" ? reply : null} /> : null}
    </li>
  );
}

function Notes({ item: i, reply }: { item: Item; reply: RowReply | null }) {
  const t = useT();
  const locale = useLocale();
  const fieldId = `e-${i.entryId}-note`;
  const err = reply?.fields.body;
  return (
    <details open={Boolean(err)}>
      <summary>{t("sl.notes", { n: formatNumber(locale, i.notes.length) })}</summary>
      {i.notes.length ? (
        <ul>
          {i.notes.map((n) => (
            <li key={n.id}>
              <p className="meta">{dot(formatDateTime(locale, n.at), n.author ?? "")}</p>
              <p>{n.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post">
        <input type="hidden" name="entryId" value={i.entryId} />
        <div className="field">
          <label htmlFor={fieldId}>{t("sl.note_label")}</label>
          <textarea
            id={fieldId}
            name="body"
            rows={3}
            maxLength={2000}
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? `${fieldId}-error` : undefined}
          />
          <FieldErrors id={`${fieldId}-error`} errors={err ? [err] : undefined} />
        </div>
        <button type="submit" name="intent" value="note" className="secondary small">
          {t("sl.add_note")}
        </button>
      </Form>
    </details>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/job-orders", labelKey: "error.back_job_orders" }} />;
}
