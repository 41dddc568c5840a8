import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { FormErrors } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { LEAD_CONSENT_VERSION, leadContactSchema } from "~/domain/booth/lead-schema";
import type { Vacancy } from "~/domain/booth/vacancy";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import type { KioskEvent } from "./kiosk";
import { LeadFields } from "./lead-fields";
import type { LeadQueue } from "./use-lead-queue";

// The kiosk's lead form: checked in the browser with the endpoint's own schema, then written to the device's queue
// under a fresh UUID and sent from there (so "Send" never waits on the venue's Wi-Fi and nothing is lost).

export interface LeadSent {
  name: string;
  queued: boolean;
}

export function LeadPanel({
  event,
  vacancy,
  queue,
  onSent,
  onCancel,
}: {
  event: KioskEvent;
  vacancy: Vacancy;
  queue: LeadQueue;
  onSent: (s: LeadSent) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [form, fields] = useForm({
    id: "kiosk-lead",
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: leadContactSchema }),
    onSubmit(e, { formData, submission }) {
      e.preventDefault();
      if (submission?.status !== "success" || busy) return;
      setBusy(true);
      const id = crypto.randomUUID();
      const body = new URLSearchParams();
      for (const [k, v] of formData) if (typeof v === "string") body.append(k, v);
      body.set("id", id);
      // the device's own clock says when the visitor pressed Send; the server clamps it to the event's window
      // eslint-disable-next-line no-restricted-syntax -- the moment of capture is the device's, not a server's
      body.set("capturedAt", new Date(Date.now()).toISOString());
      body.set("consentVersion", LEAD_CONSENT_VERSION);
      body.set("locale", locale);
      body.set("vacancy", toVacancyQuery(vacancy));
      void queue
        .add(id, body.toString())
        .then((queued) => onSent({ name: submission.value.name, queued }))
        .finally(() => setBusy(false));
    },
  });
  return (
    <section className="kiosk-form kiosk-lead" aria-labelledby="kiosk-lead-title">
      <h2 id="kiosk-lead-title">{t("booth.lead.title")}</h2>
      <p>{t("booth.lead.intro")}</p>
      <form {...getFormProps(form)} className="stack" noValidate>
        <FormErrors id={form.errorId} errors={form.errors} />
        <LeadFields fields={fields} retentionDays={event.leadRetentionDays} />
        <div className="kiosk-row">
          <button type="submit" className="kiosk-button" disabled={busy}>
            {t("booth.lead.send")}
          </button>
          <button type="button" className="kiosk-chip" onClick={onCancel}>
            {t("booth.lead.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
