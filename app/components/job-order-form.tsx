import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { DESTINATION_CODES } from "~/domain/countries";
import {
  ACCOMMODATION,
  INSURANCE,
  JOB_ORDER_FORM_DEFAULTS,
  jobOrderSchema,
  MEALS,
  PAYMENT_METHODS,
  PLACEMENT_COSTS,
  TRANSPORT,
  WAGE_PERIODS,
  type JobOrderInput,
} from "~/domain/job-orders/schema";
import { MATCH_PRIORITIES, OCCUPATION_SCOPES } from "~/domain/matching/gates";
import { CERTIFICATES } from "~/domain/reference/certificates";
import { COMMON_CURRENCIES, CURRENCY_CODES } from "~/domain/reference/currencies";
import { OCCUPATIONS } from "~/domain/reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "~/domain/reference/languages";
import { SECTORS } from "~/domain/reference/sectors";
import { languageName, sortedCountries } from "~/i18n/locales";
import { FormKeyField } from "./form-key";
import { Field, FieldErrors, FormErrors, SelectField, fieldErrors } from "./field";
import { useLocale, useT } from "./i18n";
import { dot, SEPARATOR } from "./text";

interface Props {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<JobOrderInput>;
  submitLabel: string;
  /** creating forms: makes a double submission create one order (app/web/form-keys.server.ts) */
  formKey?: string;
  /** the server's today (loader data): the start date is validated against it in the browser too */
  today: string;
  /** the booth lead the form was pre-filled from: the saved order is linked to it */
  fromLead?: string;
}

/** The employer's job-order form. The same schema validates it in the browser, on the server and in the API. */
export function JobOrderForm({ lastResult, defaultValue, submitLabel, formKey, today, fromLead }: Props) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "job-order",
    lastResult,
    defaultValue: defaultValue ?? JOB_ORDER_FORM_DEFAULTS,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: jobOrderSchema(today) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const languages = fields.languages.getFieldList();
  const certificates = fields.certificates.getFieldList();
  const countries = sortedCountries(locale, DESTINATION_CODES);
  const otherCurrencies = CURRENCY_CODES.filter((c) => !(COMMON_CURRENCIES as readonly string[]).includes(c));
  const pays = getInputProps(fields.employerPaysPlacementCosts, { type: "checkbox" });

  return (
    <Form method="post" {...getFormProps(form)} className="stack job-order-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <FormKeyField value={formKey} />
      {fromLead ? <input type="hidden" name="fromLead" value={fromLead} /> : null}
      <fieldset className="card">
        <legend>{t("jo.section_position")}</legend>
        <Field meta={fields.title} label={t("jo.f_title")} />
        <Field
          meta={fields.iscoCode}
          label={t("jo.f_isco")}
          hint={t("jo.f_isco_hint")}
          list="isco-options"
          autoComplete="off"
        />
        <datalist id="isco-options">
          {OCCUPATIONS.map((o) => (
            <option key={o.code} value={o.code}>
              {dot(o[locale], o.aka.join(", "))}
            </option>
          ))}
        </datalist>
        <SelectField meta={fields.sector} label={t("jo.f_sector")}>
          <option value="" />
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sector.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="row">
          <SelectField meta={fields.country} label={t("jo.f_country")}>
            <option value="" />
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <Field meta={fields.city} label={t("jo.f_city")} />
        </div>
        <div className="row">
          <Field meta={fields.vesselName} label={t("jo.f_vessel_name")} />
          <Field meta={fields.vesselType} label={t("jo.f_vessel_type")} />
        </div>
        <Field meta={fields.positions} label={t("jo.f_positions")} type="number" min={1} max={1000} />
      </fieldset>

      <fieldset className="card">
        <legend>{t("jo.section_pay")}</legend>
        <div className="row">
          <Field meta={fields.wageAmount} label={t("jo.f_wage_amount")} type="number" min={0} step="0.01" />
          <SelectField meta={fields.wageCurrency} label={t("jo.f_wage_currency")}>
            <option value="" />
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option disabled>{SEPARATOR}</option>
            {otherCurrencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField meta={fields.wagePeriod} label={t("jo.f_wage_period")}>
            {WAGE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField meta={fields.paymentMethod} label={t("jo.f_payment_method")}>
          {PAYMENT_METHODS.map((p) => (
            <option key={p} value={p}>
              {t(`payment.${p}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="card">
        <legend>{t("jo.section_conditions")}</legend>
        <div className="row">
          <Field meta={fields.hoursPerWeek} label={t("jo.f_hours")} type="number" min={1} max={84} />
          <Field meta={fields.restDaysPerWeek} label={t("jo.f_rest_days")} type="number" min={0} max={7} />
          <Field meta={fields.annualLeaveDays} label={t("jo.f_leave_days")} type="number" min={0} max={60} />
        </div>
        <div className="row">
          <Field meta={fields.contractMonths} label={t("jo.f_contract_months")} type="number" min={1} max={60} />
          <Field meta={fields.startDate} label={t("jo.f_start_date")} type="date" />
        </div>
        <div className="row">
          <SelectField meta={fields.accommodation} label={t("jo.f_accommodation")}>
            <option value="" />
            {ACCOMMODATION.map((a) => (
              <option key={a} value={a}>
                {t(`accommodation.${a}`)}
              </option>
            ))}
          </SelectField>
          <SelectField meta={fields.meals} label={t("jo.f_meals")}>
            <option value="" />
            {MEALS.map((a) => (
              <option key={a} value={a}>
                {t(`meals.${a}`)}
              </option>
            ))}
          </SelectField>
          <SelectField meta={fields.transport} label={t("jo.f_transport")}>
            <option value="" />
            {TRANSPORT.map((a) => (
              <option key={a} value={a}>
                {t(`transport.${a}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField meta={fields.insurance} label={t("jo.f_insurance")}>
          <option value="" />
          {INSURANCE.map((a) => (
            <option key={a} value={a}>
              {t(`insurance.${a}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="card">
        <legend>{t("jo.section_costs")}</legend>
        <p>{t("jo.costs_lead")}</p>
        <ul className="costs">
          {PLACEMENT_COSTS.map((c) => (
            <li key={c}>{t(`cost.${c}`)}</li>
          ))}
        </ul>
        <div className="check">
          <input {...pays} key={pays.key} aria-invalid={fields.employerPaysPlacementCosts.errors ? true : undefined} />
          <label htmlFor={fields.employerPaysPlacementCosts.id}>{t("jo.f_employer_pays")}</label>
        </div>
        <FieldErrors id={fields.employerPaysPlacementCosts.errorId} errors={fields.employerPaysPlacementCosts.errors} />
      </fieldset>

      <fieldset className="card">
        <legend>{t("jo.section_requirements")}</legend>
        <Field meta={fields.minExperienceYears} label={t("jo.f_min_experience")} type="number" min={0} max={40} />
        <SelectField
          meta={fields.occupationScope}
          label={t("jo.f_occupation_scope")}
          hint={t("jo.f_occupation_scope_hint")}
        >
          <option value="">{t("jo.scope.default")}</option>
          {OCCUPATION_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`jo.scope.${scope}`)}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.matchPriority} label={t("jo.f_match_priority")}>
          {MATCH_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`jo.priority.${p}`)}
            </option>
          ))}
        </SelectField>
        <h2 id="lang-h" className="subhead">
          {t("jo.f_languages")}
        </h2>
        {languages.map((item, i) => {
          const l = item.getFieldset();
          return (
            <div className="row list-row" key={item.key} role="group" aria-labelledby="lang-h">
              <SelectField meta={l.code} label={t("jo.f_language")}>
                <option value="" />
                {LANGUAGES.map((c) => (
                  <option key={c} value={c}>
                    {languageName(locale, c)}
                  </option>
                ))}
              </SelectField>
              <SelectField meta={l.minLevel} label={t("jo.f_min_level")}>
                <option value="" />
                {CEFR_LEVELS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectField>
              <button
                {...form.remove.getButtonProps({ name: fields.languages.name, index: i })}
                className="secondary small"
                aria-label={t("jo.remove_language", { n: i + 1 })}
              >
                {"×"}
              </button>
            </div>
          );
        })}
        <FieldErrors id={fields.languages.errorId} errors={fields.languages.errors} />
        <button
          {...form.insert.getButtonProps({ name: fields.languages.name, defaultValue: { code: "", minLevel: "B1" } })}
          className="secondary small"
        >
          {t("jo.add_language")}
        </button>

        <h2 id="cert-h" className="subhead">
          {t("jo.f_certificates")}
        </h2>
        {certificates.length === 0 ? <p className="empty">{t("jo.none_required")}</p> : null}
        {certificates.map((item, i) => {
          const c = item.getFieldset();
          const mandatory = getInputProps(c.mandatory, { type: "checkbox" });
          return (
            <div className="row list-row" key={item.key} role="group" aria-labelledby="cert-h">
              <SelectField meta={c.code} label={t("jo.f_certificate")}>
                <option value="" />
                {CERTIFICATES.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x[locale]}
                  </option>
                ))}
              </SelectField>
              <div className="check">
                <input {...mandatory} key={mandatory.key} />
                <label htmlFor={c.mandatory.id}>{t("jo.f_mandatory")}</label>
              </div>
              <button
                {...form.remove.getButtonProps({ name: fields.certificates.name, index: i })}
                className="secondary small"
                aria-label={t("jo.remove_certificate", { n: i + 1 })}
              >
                {"×"}
              </button>
            </div>
          );
        })}
        <FieldErrors id={fields.certificates.errorId} errors={fields.certificates.errors} />
        <button
          {...form.insert.getButtonProps({
            name: fields.certificates.name,
            defaultValue: { code: "", mandatory: true },
          })}
          className="secondary small"
        >
          {t("jo.add_certificate")}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{t("jo.section_description")}</legend>
        <TextArea meta={fields.descriptionEn} label={t("jo.f_description_en")} lang="en" />
        <TextArea meta={fields.descriptionId} label={t("jo.f_description_id")} lang="id" />
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function TextArea({ meta, label, lang }: { meta: any; label: string; lang: string }) {
  const props = getTextareaProps(meta);
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea {...props} key={props.key} rows={5} lang={lang} aria-invalid={fieldErrors(meta) ? true : undefined} />
      <FieldErrors id={meta.errorId} errors={fieldErrors(meta)} />
    </div>
  );
}
