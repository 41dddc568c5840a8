import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import {
  EraseLeadSchema,
  LEAD_NOTE_MAX,
  LeadNoteSchema,
  LeadOwnerSchema,
  LeadStatusSchema,
  leadFollowUpSchema,
} from "~/domain/booth/follow-up-schema";
import { LEAD_STATUSES } from "~/domain/booth/lead-schema";
import { formatDateTime } from "~/i18n/locales";
import { Field, FieldErrors, FormErrors, SelectField, fieldErrors } from "../field";
import { useLocale, useT } from "../i18n";
import type { HistoryView, LeadView, StaffView } from "./lead-facts";

// The forms of a lead's page: status, owner and follow-up date; notes; download and erasure. Each is parsed by
// its schema in app/domain/booth/follow-up-schema.ts, in the browser (conform) and again by the action.

type Last = (intent: string) => SubmissionResult<string[]> | undefined;

export function FollowUpForms({
  today,
  lead,
  staff,
  ownerName,
  orderDrives,
  last,
}: {
  today: string;
  lead: LeadView;
  staff: StaffView[];
  ownerName: string | null;
  orderDrives: boolean;
  last: Last;
}) {
  const t = useT();
  const [statusForm, statusFields] = useForm({
    id: "lead-status",
    lastResult: last("status"),
    defaultValue: { status: lead.status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeadStatusSchema }),
    shouldValidate: "onBlur",
  });
  const [ownerForm, ownerFields] = useForm({
    id: "lead-owner",
    lastResult: last("owner"),
    defaultValue: { ownerId: lead.ownerId ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeadOwnerSchema }),
    shouldValidate: "onBlur",
  });
  const [dateForm, dateFields] = useForm({
    id: "lead-follow-up",
    lastResult: last("follow-up"),
    defaultValue: { followUpOn: lead.followUpOn ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: leadFollowUpSchema(today) }),
    shouldValidate: "onBlur",
  });
  const ownerListed = lead.ownerId === null || staff.some((s) => s.userId === lead.ownerId);
  return (
    <section aria-labelledby="follow-up-h" className="card stack">
      <h2 id="follow-up-h">{t("follow.follow_up")}</h2>
      <Form method="post" {...getFormProps(statusForm)} className="inline-form">
        <FormErrors id={statusForm.errorId} errors={statusForm.errors} />
        <SelectField
          meta={statusFields.status}
          label={t("follow.status")}
          hint={t(orderDrives ? "follow.status_hint_order" : "follow.status_hint")}
        >
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`follow.stage.${s}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" name="intent" value="status" className="secondary">
          {t("follow.save_status")}
        </button>
      </Form>

      <Form method="post" {...getFormProps(ownerForm)} className="inline-form">
        <FormErrors id={ownerForm.errorId} errors={ownerForm.errors} />
        <SelectField meta={ownerFields.ownerId} label={t("follow.owner")} hint={t("follow.owner_hint")}>
          <option value="">{t("follow.unassigned")}</option>
          {ownerListed ? null : <option value={lead.ownerId ?? ""}>{ownerName ?? t("follow.former_staff")}</option>}
          {staff.map((s) => (
            <option key={s.userId} value={s.userId}>
              {t("follow.staff_option", { name: s.name, org: s.orgName })}
            </option>
          ))}
        </SelectField>
        <button type="submit" name="intent" value="owner" className="secondary">
          {t("follow.save_owner")}
        </button>
      </Form>

      <Form method="post" {...getFormProps(dateForm)} className="inline-form">
        <FormErrors id={dateForm.errorId} errors={dateForm.errors} />
        <Field
          meta={dateFields.followUpOn}
          type="date"
          label={t("follow.follow_up_on")}
          hint={t("follow.follow_up_hint")}
        />
        <button type="submit" name="intent" value="follow-up" className="secondary">
          {t("follow.save_follow_up")}
        </button>
      </Form>
      {lead.followUpOn ? (
        <Form method="post">
          <input type="hidden" name="followUpOn" value="" />
          <button type="submit" name="intent" value="follow-up" className="secondary small">
            {t("follow.clear_follow_up")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** The staff's notes (newest last) and, unless the lead was erased, a form to add one. */
export function LeadNotes({
  history,
  erased,
  lastResult,
}: {
  history: HistoryView[];
  erased: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "lead-note",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LeadNoteSchema }),
    shouldValidate: "onBlur",
  });
  const notes = history.filter((h) => h.kind === "note" && h.note !== null);
  const note = getTextareaProps(fields.note);
  return (
    <section aria-labelledby="notes-h">
      <h2 id="notes-h">{t("follow.notes")}</h2>
      {notes.length === 0 ? (
        <p className="empty">{t(erased ? "follow.notes_erased" : "follow.no_notes")}</p>
      ) : (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="meta">
                {t("follow.note_meta", {
                  time: formatDateTime(locale, n.at),
                  name: n.actorName ?? t("follow.by_system"),
                })}
              </p>
              <p className="note-text">{n.note}</p>
            </li>
          ))}
        </ul>
      )}
      {erased ? null : (
        <Form method="post" {...getFormProps(form)} className="card stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.note.id}>{t("follow.note_label")}</label>
            <textarea
              {...note}
              key={note.key}
              rows={4}
              maxLength={LEAD_NOTE_MAX}
              aria-invalid={fieldErrors(fields.note) ? true : undefined}
            />
            <FieldErrors id={fields.note.errorId} errors={fieldErrors(fields.note)} />
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="note" className="secondary">
              {t("follow.add_note")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

/** The visitor's rights: a copy of everything held about them, and erasure (confirmed: it cannot be undone). */
export function LeadPrivacy({
  slug,
  leadId,
  erased,
  lastResult,
}: {
  slug: string;
  leadId: string;
  erased: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "erase-lead",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseLeadSchema }),
    shouldValidate: "onSubmit",
  });
  const confirm = getInputProps(fields.confirm, { type: "checkbox" });
  const failed = Boolean(fieldErrors(fields.confirm) || form.errors?.length);
  return (
    <section aria-labelledby="privacy-h" className="card">
      <h2 id="privacy-h">{t("follow.privacy")}</h2>
      <p>
        <a href={`/events/${slug}/leads/${leadId}/export.json`} download>
          {t("follow.export")}
        </a>
      </p>
      <p className="hint">{t("follow.export_hint")}</p>
      {erased ? null : (
        <details open={failed}>
          <summary>{t("follow.erase")}</summary>
          <p>{t("follow.erase_what_goes")}</p>
          <p>{t("follow.erase_what_stays")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="check">
              <input {...confirm} key={confirm.key} aria-invalid={fieldErrors(fields.confirm) ? true : undefined} />
              <label htmlFor={fields.confirm.id}>{t("follow.erase_confirm")}</label>
            </div>
            <FieldErrors id={fields.confirm.errorId} errors={fieldErrors(fields.confirm)} />
            <button type="submit" name="intent" value="erase" className="danger">
              {t("follow.erase_submit")}
            </button>
          </Form>
        </details>
      )}
    </section>
  );
}
