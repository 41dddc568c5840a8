import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useState } from "react";
import { Field, FieldErrors, fieldErrors } from "~/components/field";
import { Honeypot } from "~/components/honeypot";
import { useLocale, useT } from "~/components/i18n";
import { consentWordingFor, LEAD_CONSENT_VERSION, type LeadContact } from "~/domain/booth/lead-schema";
import { COUNTRY_CODES } from "~/domain/countries";
import { sortedCountries } from "~/i18n/locales";

// The lead form's fields, for the kiosk (sent to its queue) and the visitor's phone (a page form): who they are,
// consent per purpose, and the privacy notice for their country's law, which follows the country they choose.

type Fields = { [K in keyof LeadContact]-?: FieldMetadata<unknown> };

export function LeadFields({
  fields,
  retentionDays,
  recordWording = false,
}: {
  fields: Fields;
  retentionDays: number;
  /** post which notice was shown (the phone's page form, which may run without JavaScript) */
  recordWording?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const [country, setCountry] = useState<string>(String(fields.country.initialValue ?? ""));
  const countries = sortedCountries(locale, COUNTRY_CODES);
  const optional = ` (${t("booth.lead.optional")})`;
  const wording = consentWordingFor(country);
  return (
    <>
      <Field meta={fields.name} label={t("booth.lead.name")} autoComplete="name" required />
      <Field meta={fields.company} label={t("booth.lead.company")} autoComplete="organization" required />
      <Field meta={fields.jobTitle} label={t("booth.lead.job_title") + optional} autoComplete="organization-title" />
      <Field meta={fields.email} label={t("booth.lead.email")} type="email" autoComplete="email" required />
      <Field meta={fields.phone} label={t("booth.lead.phone") + optional} type="tel" autoComplete="tel" />
      <div className="field">
        <label htmlFor={fields.country.id}>{t("booth.lead.country")}</label>
        <select
          {...getSelectProps(fields.country)}
          key={fields.country.key}
          onChange={(e) => setCountry(e.currentTarget.value)}
          aria-invalid={fieldErrors(fields.country) ? true : undefined}
        >
          <option value="">{t("booth.lead.choose_country")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.country.errorId} errors={fieldErrors(fields.country)} />
      </div>
      <Field meta={fields.companyWebsite} label={t("booth.lead.website") + optional} type="url" autoComplete="url" />
      <Consent meta={fields.consentContact} label={t("booth.lead.consent_contact")} />
      <Consent meta={fields.consentShare} label={t("booth.lead.consent_share")} />
      <p className="hint kiosk-privacy" data-wording={wording}>
        {t(wording === "gdpr" ? "booth.lead.privacy_gdpr" : "booth.lead.privacy_pdp", {
          days: retentionDays,
          version: LEAD_CONSENT_VERSION,
        })}
      </p>
      {recordWording ? <input type="hidden" name="consentWording" value={wording} /> : null}
      <Honeypot />
    </>
  );
}

function Consent({ meta, label }: { meta: FieldMetadata<unknown>; label: string }) {
  const input = getInputProps(meta, { type: "checkbox" });
  return (
    <div className="check kiosk-consent">
      <input {...input} key={input.key} aria-invalid={fieldErrors(meta) ? true : undefined} />
      <label htmlFor={meta.id}>{label}</label>
      <FieldErrors id={meta.errorId} errors={fieldErrors(meta)} />
    </div>
  );
}
