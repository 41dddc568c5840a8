import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { CERTIFICATES } from "~/domain/reference/certificates";
import { OCCUPATION_GROUPS } from "~/domain/reference/isco";
import { LANGUAGES } from "~/domain/reference/languages";
import { PROVINCES } from "~/domain/reference/provinces";
import { SECTORS } from "~/domain/reference/sectors";
import { EVIDENCE_KINDS } from "~/domain/workers/language-evidence";
import { WORKER_STATUSES, workerProfileSchema, type WorkerProfileInput } from "~/domain/workers/profile-schema";
import { languageName } from "~/i18n/locales";
import { FormKeyField } from "./form-key";
import { Field, FieldErrors, FormErrors, SelectField } from "./field";
import { useLocale, useT } from "./i18n";
import { dot } from "./text";

/** The agency's profile form; the same schema validates it, the bulk import and the API. */
export function WorkerForm({
  lastResult,
  defaultValue,
  submitLabel,
  formKey,
  today,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<WorkerProfileInput>;
  submitLabel: string;
  /** creating forms: makes a double submission create one profile (app/web/form-keys.server.ts) */
  formKey?: string;
  /** the server's today (loader data): the date windows are validated against it in the browser too */
  today: string;
}) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "worker",
    lastResult,
    defaultValue: defaultValue ?? {
      status: "available",
      experiences: [{ sector: "", iscoCode: "", years: "" }],
      languages: [],
      certificates: [],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workerProfileSchema(today) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const experiences = fields.experiences.getFieldList();
  const languages = fields.languages.getFieldList();
  const certificates = fields.certificates.getFieldList();
  const consent = getInputProps(fields.consentToMatching, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormKeyField value={formKey} />
      <fieldset className="card">
        <legend>{t("wf.identity")}</legend>
        <div className="row">
          <Field meta={fields.fullName} label={t("wf.full_name")} autoComplete="off" />
          <Field meta={fields.externalRef} label={t("wf.external_ref")} autoComplete="off" />
        </div>
        <div className="row">
          <Field meta={fields.dateOfBirth} label={t("wf.date_of_birth")} type="date" />
          <SelectField meta={fields.sex} label={t("wf.sex")}>
            <option value="" />
            <option value="female">{t("wf.female")}</option>
            <option value="male">{t("wf.male")}</option>
          </SelectField>
          <SelectField meta={fields.provinceCode} label={t("workers.f_province")}>
            <option value="" />
            {PROVINCES.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Field meta={fields.regency} label={t("wf.regency")} />
        </div>
        <p className="hint">{t("wf.pii_note")}</p>
        <div className="row">
          <Field meta={fields.nik} label={t("wf.nik")} autoComplete="off" />
          <Field meta={fields.passportNumber} label={t("wf.passport")} autoComplete="off" />
          <Field meta={fields.passportExpiry} label={t("wf.passport_expiry")} type="date" />
          <Field meta={fields.phone} label={t("jo.f_contact_phone")} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t("workers.col_experience")}</legend>
        {experiences.map((item, i) => {
          const e = item.getFieldset();
          return (
            <div className="row list-row" key={item.key}>
              <SelectField meta={e.sector} label={t("workers.f_sector")}>
                <option value="" />
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sector.${s}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField meta={e.iscoCode} label={t("workers.f_occupation")}>
                <option value="" />
                {OCCUPATION_GROUPS.map((g) => (
                  <optgroup key={g.code} label={g[locale]}>
                    {g.occupations.map((o) => (
                      <option key={o.code} value={o.code}>
                        {dot(o.code, o[locale])}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </SelectField>
              <Field meta={e.years} label={t("wf.years")} type="number" min={0} max={50} step="0.5" />
              <button
                {...form.remove.getButtonProps({ name: fields.experiences.name, index: i })}
                className="secondary small"
                aria-label={t("wf.remove_item", { n: i + 1 })}
              >
                {"×"}
              </button>
            </div>
          );
        })}
        <FieldErrors id={fields.experiences.errorId} errors={fields.experiences.errors} />
        <button {...form.insert.getButtonProps({ name: fields.experiences.name })} className="secondary small">
          {t("wf.add_experience")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("workers.col_languages")}</legend>
        <p className="hint">{t("wf.language_hint")}</p>
        {languages.map((item, i) => {
          const l = item.getFieldset();
          return (
            <div className="row list-row" key={item.key}>
              <SelectField meta={l.code} label={t("workers.f_language")}>
                <option value="" />
                {LANGUAGES.map((c) => (
                  <option key={c} value={c}>
                    {languageName(locale, c)}
                  </option>
                ))}
              </SelectField>
              <SelectField meta={l.kind} label={t("wf.evidence")}>
                <option value="" />
                {EVIDENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`evidence.${k}`)}
                  </option>
                ))}
              </SelectField>
              <Field meta={l.level} label={t("wf.level")} />
              <Field meta={l.score} label={t("wf.score")} type="number" min={0} step="0.5" />
              <Field meta={l.takenOn} label={t("wf.taken_on")} type="date" />
              <button
                {...form.remove.getButtonProps({ name: fields.languages.name, index: i })}
                className="secondary small"
                aria-label={t("wf.remove_item", { n: i + 1 })}
              >
                {"×"}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.languages.name })} className="secondary small">
          {t("jo.add_language")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("workers.col_certificates")}</legend>
        {certificates.map((item, i) => {
          const c = item.getFieldset();
          return (
            <div className="row list-row" key={item.key}>
              <SelectField meta={c.code} label={t("jo.f_certificate")}>
                <option value="" />
                {CERTIFICATES.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x[locale]}
                  </option>
                ))}
              </SelectField>
              <Field meta={c.number} label={t("wf.cert_number")} />
              <Field meta={c.issuedOn} label={t("wf.issued_on")} type="date" />
              <Field meta={c.expiresOn} label={t("wf.expires_on")} type="date" />
              <button
                {...form.remove.getButtonProps({ name: fields.certificates.name, index: i })}
                className="secondary small"
                aria-label={t("wf.remove_item", { n: i + 1 })}
              >
                {"×"}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.certificates.name })} className="secondary small">
          {t("jo.add_certificate")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("wf.placement")}</legend>
        <div className="row">
          <Field meta={fields.availableFrom} label={t("wf.available_from")} type="date" />
          <SelectField meta={fields.status} label={t("workers.f_status")}>
            {WORKER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`wstatus.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="check">
          <input {...consent} key={consent.key} />
          <label htmlFor={fields.consentToMatching.id}>{t("wf.consent")}</label>
        </div>
        <p className="hint">{t("wf.consent_hint")}</p>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
