import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Field, FieldErrors, fieldErrors, FormErrors } from "~/components/field";
import { useT } from "~/components/i18n";
import { eventSchema, KIOSK_LOCALES, LEAD_RETENTION_DAYS } from "~/domain/booth/event-schema";

export interface EventFormValues {
  name?: string;
  venue?: string;
  city?: string;
  country?: string;
  startsOn?: string;
  endsOn?: string;
  kioskLocales?: string[];
  leadRetentionDays?: string;
}

/** An event's fields, for creating one (/admin/events) and changing it (/events/:slug), parsed by eventSchema. */
export function EventForm({
  id,
  today,
  lastResult,
  defaultValue,
  intent,
  submitLabel,
}: {
  id: string;
  today: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: EventFormValues;
  /** the `intent` the submit button posts, on a page with several forms */
  intent?: string;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema(today) }),
    shouldValidate: "onBlur",
    defaultValue: defaultValue ?? {
      kioskLocales: [...KIOSK_LOCALES],
      leadRetentionDays: String(LEAD_RETENTION_DAYS.default),
    },
  });
  const chosen = fields.kioskLocales.initialValue;
  const localeChecked = (l: string) => (Array.isArray(chosen) ? chosen.includes(l) : chosen === l);
  const localeErrors = fieldErrors(fields.kioskLocales);
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field meta={fields.name} label={t("events.name")} />
      <Field meta={fields.venue} label={t("events.venue")} />
      <Field meta={fields.city} label={t("events.city")} />
      <Field meta={fields.country} label={t("events.country")} hint={t("events.country_hint")} />
      <Field meta={fields.startsOn} label={t("events.starts_on")} type="date" />
      <Field meta={fields.endsOn} label={t("events.ends_on")} type="date" />
      <fieldset className="field" aria-describedby={localeErrors?.length ? fields.kioskLocales.errorId : undefined}>
        <legend>{t("events.kiosk_locales")}</legend>
        {KIOSK_LOCALES.map((l) => (
          <div key={l} className="check">
            <input
              id={`${fields.kioskLocales.id}-${l}`}
              type="checkbox"
              name={fields.kioskLocales.name}
              value={l}
              defaultChecked={localeChecked(l)}
            />
            <label htmlFor={`${fields.kioskLocales.id}-${l}`}>{t(`lang.${l}`)}</label>
          </div>
        ))}
        <FieldErrors id={fields.kioskLocales.errorId} errors={localeErrors} />
      </fieldset>
      <Field
        meta={fields.leadRetentionDays}
        label={t("events.lead_retention_days")}
        hint={t("events.lead_retention_hint", {
          min: String(LEAD_RETENTION_DAYS.min),
          max: String(LEAD_RETENTION_DAYS.max),
        })}
        type="number"
        min={LEAD_RETENTION_DAYS.min}
        max={LEAD_RETENTION_DAYS.max}
      />
      <div className="actions">
        <button type="submit" {...(intent ? { name: "intent", value: intent } : {})}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
