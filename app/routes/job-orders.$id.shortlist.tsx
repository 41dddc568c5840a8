import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors } from "~/components/field";
import { ReasonField } from "~/components/reason-field";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { dot, withParen } from "~/components/text";
import { ChooseAll } from "~/components/choose-all";
import {
  BULK_ACTIONS,
  BulkMoveSchema,
  DisclosureConsentSchema,
  NoteSchema,
  StageMoveSchema,
  type BulkMoveInput,
} from "~/domain/shortlists/schema";
import { REJECT_REASONS, STAGE_RULES, WITHDRAW_REASONS, type StageAction } from "~/domain/shortlists/stages";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/locales";
import { formatExplanation, formatFailure, formatFix } from "~/i18n/matching-text";
import { pluralKey } from "~/i18n/follow-up-text";
import { encodeMessage } from "~/i18n/translate";
import { moveCandidates, previewMoves } from "~/services/shortlists/move-candidates.server";
import { addNote } from "~/services/shortlists/add-note.server";
import { getShortlist } from "~/services/shortlists/get-shortlist.server";
import { moveCandidate } from "~/services/shortlists/move-candidate.server";
import { recordDisclosureConsent } from "~/services/shortlists/record-disclosure-consent.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { isShownOnRow, parseRow, rowDomainError, type RowReply } from "~/web/row-forms.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import trustStyles from "~/styles/matching-trust.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trustStyles }];

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
      startDate: order.startDate,
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
    if (intent === "bulk_preview" || intent === "bulk") {
      const parsed = parseRow(
        BulkMoveSchema,
        { entryIds: form.getAll("entryIds"), action: form.get("action"), reason: form.get("reason") ?? undefined },
        "bulk",
        intent,
      );
      if (!parsed.ok) return parsed.reply;
      if (intent === "bulk_preview")
        return {
          bulkPreview: {
            ...(await previewMoves(context.deps, actor, params.id ?? "", parsed.value)),
            input: parsed.value,
          },
        };
      const done = await moveCandidates(context.deps, actor, params.id ?? "", parsed.value);
      return {
        bulkDone: {
          action: parsed.value.action,
          moved: done.moved.length,
          refused: done.refused.map((r) => ({ entryId: r.entryId, messageKey: encodeMessage(r.messageKey, r.params) })),
        },
      };
    }
    if (intent === "consent") {
      const parsed = parseRow(DisclosureConsentSchema, { confirm: form.get("confirm") ?? undefined }, entryId, intent);
      if (!parsed.ok) return parsed.reply;
      await recordDisclosureConsent(context.deps, actor, entryId);
      return back("sl.consent_flash");
    }
    throw new Response("errors.invalid", { status: 400 });
  } catch (e) {
    if (isShownOnRow(e)) return rowDomainError(e, intent.startsWith("bulk") ? "bulk" : entryId, intent);
    return throwAsResponse(e);
  }
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

export default function Shortlist() {
  const { order, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData && "rowReply" in actionData ? actionData.rowReply : null;
  const preview = actionData && "bulkPreview" in actionData ? actionData.bulkPreview : null;
  const done = actionData && "bulkDone" in actionData ? actionData.bulkDone : null;
  const errorText = useErrorText();
  const bulkable = items.some((i) => i.actions.some((a) => (BULK_ACTIONS as readonly string[]).includes(a)));
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
      {reply?.row === "bulk" && !(bulkable && !preview) ? (
        <p className="form-errors" role="alert">
          {errorText(reply.fields.entryIds ?? reply.fields.action ?? reply.fields.reason ?? reply.message ?? "")}
        </p>
      ) : null}
      {preview ? <BulkConfirm preview={preview} items={items} /> : null}
      {done ? <BulkDone done={done} items={items} /> : null}
      {items.length === 0 ? (
        <p className="empty">
          {t("sl.empty")} <Link to={`/job-orders/${order.id}/matches`}>{t("sl.empty_action")}</Link>
        </p>
      ) : (
        <>
          {bulkable && !preview ? <BulkBar reply={reply?.row === "bulk" ? reply : null} /> : null}
          <ul className="match-list">
            {items.map((i) => (
              <Entry
                key={i.entryId}
                item={i}
                startDate={order.startDate}
                chosen={preview?.input.entryIds.includes(i.entryId) ?? false}
                reply={reply?.row === i.entryId ? reply : null}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The bar above the list: choose candidates (each entry's box names this form), a move, and review it first. */
function BulkBar({ reply }: { reply: RowReply | null }) {
  const t = useT();
  const errorText = useErrorText();
  const entryError = Object.entries(reply?.fields ?? {}).find(([k]) => k.split(".")[0] === "entryIds")?.[1];
  const actionError = reply?.fields.action;
  return (
    <Form method="post" id="bulk" className="card bulk-bar" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t("sl.bulk_title")}</h2>
      <ChooseAll formId="bulk" name="entryIds" label={t("sl.choose_all")} />
      {reply?.message && !entryError && !actionError && !reply.fields.reason ? (
        <p className="form-errors" role="alert" id="bulk-error">
          {errorText(reply.message)}
        </p>
      ) : null}
      <FieldErrors id="bulk-entryIds-error" errors={entryError ? [entryError] : undefined} />
      <div className="row list-row">
        <div className="field">
          <label htmlFor="bulk-action">{t("sl.bulk_action")}</label>
          <select
            id="bulk-action"
            name="action"
            defaultValue="propose"
            aria-invalid={actionError ? true : undefined}
            aria-describedby={actionError ? "bulk-action-error" : undefined}
          >
            {BULK_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`stage_action.${a}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="bulk-action-error" errors={actionError ? [actionError] : undefined} />
        </div>
        <ReasonField id="bulk-reason" reasons={WITHDRAW_REASONS} error={reply?.fields.reason} />
        <button type="submit" name="intent" value="bulk_preview" className="secondary">
          {t("sl.bulk_review")}
        </button>
      </div>
      <p className="hint">{t("sl.bulk_hint")}</p>
    </Form>
  );
}

/** The confirmation of a bulk move: who will move, who will not and why; nothing changes until it is confirmed. */
function BulkConfirm({
  preview,
  items,
}: {
  preview: NonNullable<Extract<ActionData, { bulkPreview: unknown }>["bulkPreview"]>;
  items: Item[];
}) {
  const t = useT();
  const locale = useLocale();
  const moving = preview.items.filter((p) => p.refusal === null);
  const staying = preview.items.filter((p) => p.refusal !== null);
  const label = (p: (typeof preview.items)[number]) => withParen(p.name ?? p.code, p.externalRef);
  const input: BulkMoveInput = preview.input;
  const n = formatNumber(locale, moving.length);
  return (
    <section
      className="card confirm"
      role="alertdialog"
      aria-labelledby="bulk-confirm-title"
      aria-describedby="bulk-confirm-what"
    >
      <h2 id="bulk-confirm-title">{t(`sl.bulk_confirm_title.${input.action}`)}</h2>
      <p id="bulk-confirm-what">
        {t(
          pluralKey(
            locale,
            moving.length,
            `sl.bulk_confirm_what_one.${input.action}`,
            `sl.bulk_confirm_what.${input.action}`,
          ),
          { n },
        )}
        {input.action === "withdraw" && input.reason
          ? ` ${t("sl.reason", { reason: t(`reason.${input.reason}`) })}`
          : null}
      </p>
      {moving.length ? (
        <ul>
          {moving.map((p) => (
            <li key={p.entryId}>{label(p)}</li>
          ))}
        </ul>
      ) : null}
      {staying.length ? (
        <>
          <p>{t("sl.bulk_staying")}</p>
          <ul>
            {staying.map((p) => (
              <li key={p.entryId}>
                {label(p)}:{" "}
                {p.refusal === "flagged"
                  ? flaggedText(locale, items, p.entryId)
                  : t("sl.bulk_refusal_stage", {
                      stage: t(`stage.${items.find((i) => i.entryId === p.entryId)?.stage ?? "shortlisted"}`),
                    })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" className="actions">
        {moving.map((p) => (
          <input key={p.entryId} type="hidden" name="entryIds" value={p.entryId} />
        ))}
        <input type="hidden" name="action" value={input.action} />
        {input.reason ? <input type="hidden" name="reason" value={input.reason} /> : null}
        {moving.length ? (
          <button
            type="submit"
            name="intent"
            value="bulk"
            className={input.action === "withdraw" ? "danger" : undefined}
          >
            {t(`sl.bulk_confirm.${input.action}`, { n })}
          </button>
        ) : null}
        <Link to=".">{t("sl.bulk_cancel")}</Link>
      </Form>
    </section>
  );
}

function BulkDone({
  done,
  items,
}: {
  done: NonNullable<Extract<ActionData, { bulkDone: unknown }>["bulkDone"]>;
  items: Item[];
}) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const label = (id: string) => {
    const i = items.find((x) => x.entryId === id);
    return i ? withParen(i.name ?? i.code, i.externalRef) : id;
  };
  return (
    <div className="card" role="status">
      <p>
        {t(pluralKey(locale, done.moved, `sl.bulk_done_one.${done.action}`, `sl.bulk_done.${done.action}`), {
          n: formatNumber(locale, done.moved),
        })}
      </p>
      {done.refused.length ? (
        <ul>
          {done.refused.map((r) => (
            <li key={r.entryId}>
              {label(r.entryId)}: {errorText(r.messageKey)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Fails: no English at B1 — fix: …" for a flagged candidate, from the list's own item. */
function flaggedText(locale: Parameters<typeof formatFailure>[0], items: Item[], entryId: string): string {
  const i = items.find((x) => x.entryId === entryId);
  return i ? i.failing.map((f) => formatFailure(locale, f)).join("; ") : "";
}

function Entry({
  item: i,
  startDate,
  chosen,
  reply,
}: {
  item: Item;
  startDate: string;
  chosen: boolean;
  reply: RowReply | null;
}) {
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
        {i.actions.some((a) => (BULK_ACTIONS as readonly string[]).includes(a)) ? (
          <input
            type="checkbox"
            form="bulk"
            name="entryIds"
            value={i.entryId}
            defaultChecked={chosen}
            className="pick"
            aria-label={t("sl.select_candidate", { name: i.name ?? i.code })}
          />
        ) : null}
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
        {i.score !== null ? (
          <span className="score">
            <span className="visually-hidden">{t("match.score")}</span> {formatNumber(locale, i.score)}
          </span>
        ) : null}
      </div>
      {i.explanation ? <p className="why">{formatExplanation(locale, i.explanation)}</p> : null}
      <p className="meta">
        {dot(t("sl.code", { code: i.code }), t("sl.since", { date: formatDate(locale, i.stageChangedAt) }))}
      </p>
      {i.reason ? (
        <p className="meta">{t("sl.reason", { reason: t(`reason.${i.reason}` as "reason.other") })}</p>
      ) : null}
      {i.failing.length ? (
        <div className="finding hold">
          <strong>{t(i.stage === "shortlisted" ? "sl.flagged_fix" : "sl.flagged")}</strong>
          <ul>
            {i.failing.map((f) => (
              <li key={JSON.stringify(f)}>
                {formatFailure(locale, f)}
                <span className="fix">{formatFix(locale, f, { startDate })}</span>
              </li>
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
