import type { Vacancy } from "~/domain/booth/vacancy";
import { certificateName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import type { MessageKey } from "~/i18n/en";
import { countText, formatMonth } from "~/i18n/follow-up-text";
import { countryName, formatDate, formatDateTime, languageName } from "~/i18n/locales";
import { useLocale, useT } from "../i18n";

// The read-only parts of a lead's page: what the visitor left, the vacancy they described, and the lead's history.

type When = string | Date;

export interface LeadView {
  id: string;
  source: "kiosk" | "phone";
  capturedAt: When;
  receivedAt: When;
  locale: string;
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  website: string | null;
  consentContact: boolean;
  consentShare: boolean;
  consentVersion: string;
  vacancy: Vacancy;
  status: string;
  ownerId: string | null;
  followUpOn: string | null;
  erasedAt: When | null;
}

export interface HistoryView {
  id: string;
  kind: string;
  detail: Record<string, unknown>;
  note: string | null;
  actorName: string | null;
  at: When;
}

export interface StaffView {
  userId: string;
  name: string;
  orgName: string;
}

/** What the visitor left at the booth, and what they agreed to. */
export function LeadFacts({ lead }: { lead: LeadView }) {
  const t = useT();
  const locale = useLocale();
  const none = t("follow.not_given");
  const erased = lead.erasedAt !== null;
  const personal = (v: string | null) => (erased ? t("follow.erased") : (v ?? none));
  return (
    <section aria-labelledby="visitor-h" className="card">
      <h2 id="visitor-h">{t("follow.visitor")}</h2>
      <dl className="facts">
        <dt>{t("follow.name")}</dt>
        <dd>{personal(lead.name)}</dd>
        <dt>{t("follow.company")}</dt>
        <dd>{personal(lead.company)}</dd>
        <dt>{t("follow.job_title")}</dt>
        <dd>{personal(lead.jobTitle)}</dd>
        <dt>{t("follow.email")}</dt>
        <dd>{lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : personal(null)}</dd>
        <dt>{t("follow.phone")}</dt>
        <dd>{personal(lead.phone)}</dd>
        <dt>{t("follow.country")}</dt>
        <dd>{lead.country ? countryName(locale, lead.country) : personal(null)}</dd>
        <dt>{t("follow.website")}</dt>
        <dd className="break">{personal(lead.website)}</dd>
        <dt>{t("follow.received")}</dt>
        <dd>
          {t(lead.source === "phone" ? "follow.received_phone" : "follow.received_kiosk", {
            time: formatDateTime(locale, lead.capturedAt),
          })}
        </dd>
        <dt>{t("follow.screen_language")}</dt>
        <dd>{t(lead.locale === "id" ? "lang.id" : "lang.en")}</dd>
        <dt>{t("follow.consent_contact")}</dt>
        <dd>{t(lead.consentContact ? "follow.yes" : "follow.no")}</dd>
        <dt>{t("follow.consent_share")}</dt>
        <dd>{t(lead.consentShare ? "follow.yes" : "follow.no")}</dd>
        <dt>{t("follow.consent_version")}</dt>
        <dd>
          {t(lead.consentVersion.endsWith("/gdpr") ? "follow.wording_gdpr" : "follow.wording_pdp", {
            version: lead.consentVersion,
          })}
        </dd>
      </dl>
    </section>
  );
}

/** The vacancy in full, as the visitor described it on the kiosk. */
export function LeadVacancy({ vacancy: v }: { vacancy: Vacancy }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="vacancy-h" className="card">
      <h2 id="vacancy-h">{t("follow.vacancy")}</h2>
      <dl className="facts">
        <dt>{t("follow.occupation")}</dt>
        <dd>{t("follow.occupation_value", { title: occupationTitle(v.iscoCode, locale), code: v.iscoCode })}</dd>
        <dt>{t("follow.sector")}</dt>
        <dd>{t(`sector.${v.sector}` as MessageKey)}</dd>
        <dt>{t("follow.destination")}</dt>
        <dd>{countryName(locale, v.country)}</dd>
        <dt>{t("follow.positions")}</dt>
        <dd>{countText(locale, v.positions, "follow.positions_one", "follow.positions_many")}</dd>
        <dt>{t("follow.start_month")}</dt>
        <dd>{formatMonth(locale, v.startMonth)}</dd>
        <dt>{t("follow.contract")}</dt>
        <dd>{countText(locale, v.contractMonths, "follow.months_one", "follow.months_many")}</dd>
        <dt>{t("follow.languages")}</dt>
        <dd>
          {v.languages.length
            ? v.languages
                .map((l) => t("follow.language_level", { language: languageName(locale, l.code), level: l.minLevel }))
                .join(", ")
            : t("follow.none_required")}
        </dd>
        <dt>{t("follow.certificates")}</dt>
        <dd>
          {v.certificates.length
            ? v.certificates.map((c) => certificateName(c, locale)).join(", ")
            : t("follow.none_required")}
        </dd>
      </dl>
    </section>
  );
}

const KNOWN_KINDS = new Set([
  "captured",
  "status",
  "owner",
  "follow_up",
  "note",
  "invited",
  "invitation_revoked",
  "accepted",
  "order_linked",
  "exported",
  "erased",
]);

/** Every change to the lead, oldest first, with who made it. */
export function LeadHistory({ history, staff }: { history: HistoryView[]; staff: StaffView[] }) {
  const t = useT();
  const locale = useLocale();
  const who = (id: unknown) =>
    id === null || id === undefined
      ? t("follow.nobody")
      : (staff.find((s) => s.userId === id)?.name ?? t("follow.former_staff"));
  const day = (d: unknown) => (typeof d === "string" ? formatDate(locale, d) : t("follow.no_date"));
  const status = (s: unknown) => t(`follow.stage.${String(s)}` as MessageKey);
  const describe = (h: HistoryView): string => {
    const d = h.detail;
    switch (h.kind) {
      case "captured":
        return t(d.source === "phone" ? "follow.event.captured_phone" : "follow.event.captured");
      case "status":
        return t("follow.event.status", { from: status(d.from), to: status(d.to) });
      case "owner":
        return t("follow.event.owner", { to: who(d.to) });
      case "follow_up":
        return d.to ? t("follow.event.follow_up", { date: day(d.to) }) : t("follow.event.follow_up_cleared");
      case "note":
        return t(h.note === null ? "follow.event.note_erased" : "follow.event.note");
      case "erased":
        return t(d.reason === "retention" ? "follow.event.erased_retention" : "follow.event.erased");
      default:
        return KNOWN_KINDS.has(h.kind) ? t(`follow.event.${h.kind}` as MessageKey) : t("follow.event.other");
    }
  };
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t("follow.history")}</h2>
      <div className="table-wrap">
        <table className="stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("follow.col_when")}</th>
              <th scope="col">{t("follow.col_what")}</th>
              <th scope="col">{t("follow.col_by")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td data-label={t("follow.col_when")}>{formatDateTime(locale, h.at)}</td>
                <td data-label={t("follow.col_what")}>{describe(h)}</td>
                <td data-label={t("follow.col_by")}>{h.actorName ?? t("follow.by_system")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
