import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { LocaleProvider, useLocale, useT } from "~/components/i18n";
import type { BoothCounts, Cell } from "~/domain/booth/breakdown";
import { VACANCY_MAX_CERTIFICATES, VACANCY_MAX_LANGUAGES, type Vacancy } from "~/domain/booth/vacancy";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { addMonths } from "~/domain/dates";
import { certificateName, certificateShortName } from "~/domain/reference/certificates";
import { OCCUPATIONS } from "~/domain/reference/isco";
import { searchOccupations } from "~/domain/reference/isco-search";
import { CEFR_LEVELS, type CefrLevel } from "~/domain/reference/languages";
import { provinceName } from "~/domain/reference/provinces";
import { SECTORS, type Sector } from "~/domain/reference/sectors";
import type { MessageKey } from "~/i18n/en";
import { countryName, formatNumber, languageName, type Locale } from "~/i18n/locales";
import { BarChart, type Bar } from "./bar-chart";
import { HandoffPanel } from "./handoff-panel";
import { LeadPanel, type LeadSent } from "./lead-panel";
import { StaffPanel } from "./staff-panel";
import { QueueStatus, useLeadQueue } from "./use-lead-queue";

// The kiosk's screen: the visitor describes a vacancy, the count of candidates who fit it follows every change
// (debounced), with its breakdowns. Touch first: every target at least 48 px, large type, one screen in portrait and
// landscape. Idle for IDLE_MS, a countdown shows; at its end everything typed is wiped. The screen speaks the
// visitor's choice of the event's languages, whatever the page was served in.

export const IDLE_MS = 60_000;
export const COUNTDOWN_S = 10;
const DEBOUNCE_MS = 250;
const MINUS = "\u2212";
const PLUS = "+";

export interface KioskEvent {
  slug: string;
  name: string;
  city: string;
  country: string;
  locales: readonly Locale[];
  leadRetentionDays: number;
}

export interface KioskCountAnswer {
  at: string;
  counts: BoothCounts;
}

type Draft = Omit<Vacancy, "iscoCode" | "sector"> & { iscoCode: string | null; sector: Sector | null };

/** Languages offered on the kiosk: the corridors' own first. */
const KIOSK_LANGUAGES = ["en", "ja", "ko", "zh", "de", "ar", "ms", "it", "el", "nl"] as const;
const KIOSK_DESTINATIONS = ["US", "MT", "AU", "GR", "RS", "LV", "DE", "JP", "KR", "TW", "HK", "SG", "MY", "SA", "AE"];

export function newDraft(event: KioskEvent, today: string): Draft {
  const start = addMonths(today, 3).slice(0, 7);
  return {
    iscoCode: null,
    sector: null,
    country: KIOSK_DESTINATIONS.includes(event.country) ? event.country : "US",
    positions: 1,
    startMonth: start,
    contractMonths: 12,
    languages: [{ code: "en", minLevel: "A2" }],
    certificates: [],
  };
}

export function Kiosk({ event, today }: { event: KioskEvent; today: string }) {
  const [locale, setLocale] = useState<Locale>(event.locales[0] ?? "en");
  return (
    <LocaleProvider locale={locale}>
      <KioskScreen event={event} today={today} locale={locale} setLocale={setLocale} />
    </LocaleProvider>
  );
}

function KioskScreen({
  event,
  today,
  locale,
  setLocale,
}: {
  event: KioskEvent;
  today: string;
  locale: Locale;
  setLocale: (l: Locale) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => newDraft(event, today));
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<KioskCountAnswer | null>(null);
  const [offline, setOffline] = useState(false);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [mode, setMode] = useState<"describe" | "lead" | "thanks" | "phone">("describe");
  const [sent, setSent] = useState<LeadSent | null>(null);
  const [staffOpen, setStaffOpen] = useState(false);
  // set once the screen answers touches (hydrated): tests and staff can tell a live screen from a picture of one
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const queue = useLeadQueue(event.slug);
  const lastTouch = useRef(0);

  const reset = useCallback(() => {
    setDraft(newDraft(event, today));
    setQuery("");
    setAnswer(null);
    setCountdown(null);
    setMode("describe");
    setSent(null);
    setLocale(event.locales[0] ?? "en");
    window.scrollTo(0, 0);
  }, [event, today, setLocale]);

  // offline: the page and its scripts are kept by the kiosk's service worker
  useEffect(() => {
    void import("./offline.client").then((m) => m.registerKioskWorker()).catch(() => undefined);
  }, []);

  // idle: any touch, key or pointer movement starts the minute again
  useEffect(() => {
    lastTouch.current = performance.now();
    const touched = () => {
      lastTouch.current = performance.now();
      setCountdown(null);
    };
    const events = ["pointerdown", "keydown", "input", "wheel"] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    const timer = window.setInterval(() => {
      const idle = performance.now() - lastTouch.current;
      if (idle < IDLE_MS) return;
      const left = COUNTDOWN_S - Math.floor((idle - IDLE_MS) / 1000);
      if (left <= 0) {
        reset();
        lastTouch.current = performance.now();
      } else setCountdown(left);
    }, 250);
    return () => {
      for (const e of events) window.removeEventListener(e, touched);
      window.clearInterval(timer);
    };
  }, [reset]);

  // the count follows the draft, debounced; a failed request keeps the last figures, marked as such
  const complete = draft.iscoCode !== null && draft.sector !== null;
  const q = complete ? toVacancyQuery(draft as Vacancy) : null;
  useEffect(() => {
    if (!q) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const res = await fetch(`/booth/${event.slug}/count?${q}&ui=${locale}`, {
          signal: ctl.signal,
          headers: { Accept: "application/json" },
        });
        if (!res.ok) throw new Error(String(res.status));
        setAnswer((await res.json()) as KioskCountAnswer);
        setOffline(false);
      } catch {
        if (!ctl.signal.aborted) setOffline(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      ctl.abort();
      window.clearTimeout(timer);
    };
  }, [q, event.slug, locale]);

  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const occupation = OCCUPATIONS.find((o) => o.code === draft.iscoCode) ?? null;
  // Most ISCO unit groups carry no sector tag (isco-08.ts): the visitor then chooses among all sectors.
  const sectorChoices: readonly Sector[] = occupation ? (occupation.sectors.length ? occupation.sectors : SECTORS) : [];
  const suggestions = useMemo(() => searchOccupations(query, 6), [query]);

  return (
    <div className="kiosk" data-testid="kiosk" data-ready={ready ? "true" : undefined}>
      <header className="kiosk-top">
        <div>
          <p className="kiosk-event">{event.name}</p>
          <h1>{t("booth.kiosk.title")}</h1>
        </div>
        {event.locales.length > 1 ? (
          <div className="kiosk-langs" role="group" aria-label={t("booth.kiosk.language")}>
            {event.locales.map((l) => (
              <button
                key={l}
                type="button"
                className={l === locale ? "kiosk-chip on" : "kiosk-chip"}
                aria-pressed={l === locale}
                lang={l}
                onClick={() => setLocale(l)}
              >
                {l === "en" ? "English" : "Bahasa Indonesia"}
              </button>
            ))}
          </div>
        ) : null}
        <button type="button" className="kiosk-chip kiosk-staff" onClick={() => setStaffOpen(true)}>
          {t("booth.staff")}
        </button>
      </header>

      <QueueStatus state={queue.state} />

      <div className="kiosk-body">
        {mode === "lead" && complete ? (
          <LeadPanel
            event={event}
            vacancy={draft as Vacancy}
            onCancel={() => setMode("describe")}
            onSent={async (s) => {
              setSent(s);
              setMode("thanks");
            }}
            queue={queue}
          />
        ) : mode === "phone" && complete ? (
          <HandoffPanel slug={event.slug} vacancy={draft as Vacancy} onClose={() => setMode("describe")} />
        ) : mode === "thanks" && sent ? (
          <section className="kiosk-form kiosk-thanks" aria-labelledby="kiosk-thanks">
            <h2 id="kiosk-thanks">
              {t(sent.queued ? "booth.lead.thanks_queued" : "booth.lead.thanks", { name: sent.name })}
            </h2>
            <button type="button" className="kiosk-button" onClick={reset}>
              {t("booth.lead.done")}
            </button>
          </section>
        ) : (
          <section className="kiosk-form" aria-labelledby="kiosk-describe">
            <h2 id="kiosk-describe">{t("booth.kiosk.describe")}</h2>

            <fieldset className="kiosk-step">
              <legend>{t("booth.kiosk.occupation")}</legend>
              {occupation ? (
                <div className="kiosk-picked">
                  <p className="kiosk-picked-name">{locale === "id" ? occupation.id : occupation.en}</p>
                  <button
                    type="button"
                    className="kiosk-chip"
                    onClick={() => patch({ iscoCode: null, sector: null, certificates: [] })}
                  >
                    {t("booth.kiosk.change")}
                  </button>
                </div>
              ) : (
                <>
                  <label htmlFor="kiosk-occupation" className="visually-hidden">
                    {t("booth.kiosk.occupation_search")}
                  </label>
                  <input
                    id="kiosk-occupation"
                    className="kiosk-input"
                    type="search"
                    autoComplete="off"
                    placeholder={t("booth.kiosk.occupation_placeholder")}
                    value={query}
                    onChange={(e) => setQuery(e.currentTarget.value)}
                  />
                  <ul className="kiosk-suggestions">
                    {suggestions.map((o) => (
                      <li key={o.code}>
                        <button
                          type="button"
                          className="kiosk-option"
                          onClick={() => {
                            patch({ iscoCode: o.code, sector: o.sectors[0] ?? null });
                            setQuery("");
                          }}
                        >
                          {locale === "id" ? o.id : o.en}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {sectorChoices.length > 1 ? (
                <div className="kiosk-row" role="group" aria-label={t("booth.kiosk.sector")}>
                  {sectorChoices.map((s) => (
                    <button
                      key={s}
                      type="button"
                      className={s === draft.sector ? "kiosk-chip on" : "kiosk-chip"}
                      aria-pressed={s === draft.sector}
                      onClick={() => patch({ sector: s })}
                    >
                      {t(`sector.${s}` as MessageKey)}
                    </button>
                  ))}
                </div>
              ) : null}
            </fieldset>

            <fieldset className="kiosk-step">
              <legend>{t("booth.kiosk.where_when")}</legend>
              <label className="kiosk-label" htmlFor="kiosk-country">
                {t("booth.kiosk.destination")}
              </label>
              <select
                id="kiosk-country"
                className="kiosk-input"
                value={draft.country}
                onChange={(e) => patch({ country: e.currentTarget.value })}
              >
                {KIOSK_DESTINATIONS.map((c) => (
                  <option key={c} value={c}>
                    {countryName(locale, c)}
                  </option>
                ))}
              </select>
              <Stepper
                id="kiosk-positions"
                label={t("booth.kiosk.positions")}
                value={draft.positions}
                min={1}
                max={1000}
                onChange={(positions) => patch({ positions })}
              />
              <label className="kiosk-label" htmlFor="kiosk-start">
                {t("booth.kiosk.start")}
              </label>
              <input
                id="kiosk-start"
                className="kiosk-input"
                type="month"
                min={today.slice(0, 7)}
                value={draft.startMonth}
                onChange={(e) => e.currentTarget.value && patch({ startMonth: e.currentTarget.value })}
              />
              <Stepper
                id="kiosk-months"
                label={t("booth.kiosk.contract_months")}
                value={draft.contractMonths}
                min={1}
                max={60}
                onChange={(contractMonths) => patch({ contractMonths })}
              />
            </fieldset>

            <fieldset className="kiosk-step">
              <legend>{t("booth.kiosk.languages")}</legend>
              {draft.languages.map((l, i) => (
                <div key={l.code} className="kiosk-lang">
                  <p className="kiosk-label">{languageName(locale, l.code)}</p>
                  <div className="kiosk-row" role="group" aria-label={languageName(locale, l.code)}>
                    {CEFR_LEVELS.map((level) => (
                      <button
                        key={level}
                        type="button"
                        className={level === l.minLevel ? "kiosk-chip on" : "kiosk-chip"}
                        aria-pressed={level === l.minLevel}
                        onClick={() =>
                          patch({
                            languages: draft.languages.map((x, j) =>
                              j === i ? { ...x, minLevel: level as CefrLevel } : x,
                            ),
                          })
                        }
                      >
                        {level}
                      </button>
                    ))}
                    <button
                      type="button"
                      className="kiosk-chip"
                      onClick={() => patch({ languages: draft.languages.filter((_, j) => j !== i) })}
                    >
                      {t("booth.kiosk.remove")}
                    </button>
                  </div>
                </div>
              ))}
              {draft.languages.length < VACANCY_MAX_LANGUAGES ? (
                <div className="kiosk-row" role="group" aria-label={t("booth.kiosk.add_language")}>
                  {KIOSK_LANGUAGES.filter((c) => !draft.languages.some((l) => l.code === c))
                    .slice(0, 6)
                    .map((c) => (
                      <button
                        key={c}
                        type="button"
                        className="kiosk-chip"
                        onClick={() => patch({ languages: [...draft.languages, { code: c, minLevel: "A2" }] })}
                      >
                        {t("booth.kiosk.add_one", { language: languageName(locale, c) })}
                      </button>
                    ))}
                </div>
              ) : null}
            </fieldset>

            <fieldset className="kiosk-step">
              <legend>{t("booth.kiosk.certificates")}</legend>
              <div className="kiosk-row">
                {certificatesFor(draft.sector).map((code) => {
                  const on = draft.certificates.includes(code);
                  const full = !on && draft.certificates.length >= VACANCY_MAX_CERTIFICATES;
                  return (
                    <button
                      key={code}
                      type="button"
                      className={on ? "kiosk-chip on" : "kiosk-chip"}
                      aria-pressed={on}
                      disabled={full}
                      onClick={() =>
                        patch({
                          certificates: on
                            ? draft.certificates.filter((c) => c !== code)
                            : [...draft.certificates, code],
                        })
                      }
                    >
                      {certificateName(code, locale)}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          </section>
        )}

        <section className="kiosk-result" aria-labelledby="kiosk-count" aria-live="polite">
          <Count answer={complete ? answer : null} offline={offline} positions={draft.positions}>
            {complete && mode === "describe" ? (
              <div className="kiosk-row kiosk-lead-open">
                <button type="button" className="kiosk-button" onClick={() => setMode("lead")}>
                  {t("booth.lead.open")}
                </button>
                <button type="button" className="kiosk-chip kiosk-handoff-open" onClick={() => setMode("phone")}>
                  {t("booth.handoff.open")}
                </button>
              </div>
            ) : null}
          </Count>
          {complete && answer ? <Breakdowns counts={answer.counts} draft={draft as Vacancy} /> : null}
        </section>
      </div>

      {staffOpen ? <StaffPanel slug={event.slug} queue={queue.state} onClose={() => setStaffOpen(false)} /> : null}

      {countdown !== null ? (
        <div className="kiosk-idle" role="alertdialog" aria-labelledby="kiosk-idle-title">
          <p id="kiosk-idle-title">{t("booth.kiosk.idle", { seconds: countdown })}</p>
          <button type="button" className="kiosk-button" onClick={() => setCountdown(null)}>
            {t("booth.kiosk.still_here")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Stepper({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  const t = useT();
  const clamp = (n: number) => Math.min(max, Math.max(min, Math.round(n)));
  return (
    <div className="kiosk-stepper">
      <label className="kiosk-label" htmlFor={id}>
        {label}
      </label>
      <div className="kiosk-row">
        <button
          type="button"
          className="kiosk-chip"
          aria-label={t("booth.kiosk.less", { what: label })}
          onClick={() => onChange(clamp(value - 1))}
        >
          {MINUS}
        </button>
        <input
          id={id}
          className="kiosk-input kiosk-number"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isFinite(n) && e.currentTarget.value !== "") onChange(clamp(n));
          }}
        />
        <button
          type="button"
          className="kiosk-chip"
          aria-label={t("booth.kiosk.more", { what: label })}
          onClick={() => onChange(clamp(value + 1))}
        >
          {PLUS}
        </button>
      </div>
    </div>
  );
}

function useCellText() {
  const t = useT();
  const locale = useLocale();
  return (c: Cell) => (c === null ? t("booth.kiosk.fewer_than_5") : formatNumber(locale, c));
}

function Count({
  answer,
  offline,
  positions,
  children,
}: {
  answer: KioskCountAnswer | null;
  offline: boolean;
  positions: number;
  children?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const cellText = useCellText();
  if (!answer)
    return (
      <div className="kiosk-count" id="kiosk-count">
        <p className="kiosk-count-hint">{t(offline ? "booth.kiosk.offline_no_count" : "booth.kiosk.start_hint")}</p>
        {children}
      </div>
    );
  const total = answer.counts.total;
  const taken = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeStyle: "short" }).format(
    new Date(answer.at),
  );
  return (
    <div className="kiosk-count" id="kiosk-count">
      <p className="kiosk-count-number" data-testid="kiosk-count">
        {cellText(total)}
      </p>
      <p className="kiosk-count-words">
        {total === null
          ? t("booth.kiosk.fit_few")
          : t(total === 1 ? "booth.kiosk.fit_one" : "booth.kiosk.fit_many", { positions })}
      </p>
      <p className="kiosk-rounded">{t("booth.kiosk.rounded")}</p>
      {offline ? (
        <p className="kiosk-offline" role="status">
          {t("booth.kiosk.last_known", { time: taken })}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function Breakdowns({ counts, draft }: { counts: BoothCounts; draft: Vacancy }) {
  const t = useT();
  const locale = useLocale();
  const cellText = useCellText();
  const fewer = t("booth.kiosk.fewer_than_5");
  const headers = {
    valueHeader: t("booth.kiosk.candidates"),
    labelHeader: t("booth.kiosk.group"),
    format: (n: number) => formatNumber(locale, n),
  };
  const near = counts.nearMisses.filter((n) => n.count !== 0);
  if (!counts.detailed) return <p className="kiosk-facts">{t("booth.kiosk.no_details")}</p>;
  return (
    <div className="kiosk-charts">
      {near.length ? (
        <ul className="kiosk-near">
          {near.map((n) => (
            <li key={n.key}>
              {t("booth.kiosk.near_miss", { count: cellText(n.count), what: gateLabel(n.key, locale, t) })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="kiosk-facts">
        {t("booth.kiosk.same_occupation", { count: cellText(counts.sameOccupation) })}
        {" · "}
        {t("booth.kiosk.prefer_country", {
          count: cellText(counts.preferCountry),
          country: countryName(locale, draft.country),
        })}
      </p>
      {counts.languages.map((l) => (
        <BarChart
          key={l.code}
          title={t("booth.kiosk.chart_language", { language: languageName(locale, l.code) })}
          bars={l.levels.map((x): Bar => ({
            label: x.level === "none" ? t("booth.kiosk.no_evidence") : x.level,
            value: x.count,
            fits: x.meets,
          }))}
          fewerLabel={fewer}
          {...headers}
        />
      ))}
      {counts.certificates.length ? (
        <BarChart
          title={t("booth.kiosk.chart_certificates")}
          bars={counts.certificates.flatMap((c): Bar[] => [
            {
              label: `${certificateShortName(c.code, locale)}: ${t("booth.kiosk.cert_valid")}`,
              value: c.validThrough,
              fits: true,
            },
            {
              label: `${certificateShortName(c.code, locale)}: ${t("booth.kiosk.cert_expires")}`,
              value: c.expiresDuring,
            },
            { label: `${certificateShortName(c.code, locale)}: ${t("booth.kiosk.cert_missing")}`, value: c.notHeld },
          ])}
          fewerLabel={fewer}
          {...headers}
        />
      ) : null}
      {counts.availability ? (
        <BarChart
          title={t("booth.kiosk.chart_availability")}
          bars={[
            { label: t("booth.kiosk.available_now"), value: counts.availability.now, fits: true },
            ...counts.availability.months.map((m): Bar => ({ label: m.month, value: m.count, fits: m.byStart })),
            ...(counts.availability.later !== 0
              ? [{ label: t("booth.kiosk.later"), value: counts.availability.later }]
              : []),
          ]}
          fewerLabel={fewer}
          {...headers}
        />
      ) : null}
      {counts.provinces.length ? (
        <BarChart
          title={t("booth.kiosk.chart_provinces")}
          bars={[
            ...counts.provinces.map((p): Bar => ({ label: provinceName(p.code), value: p.count, fits: true })),
            ...(counts.otherProvinces !== 0
              ? [{ label: t("booth.kiosk.other_provinces"), value: counts.otherProvinces }]
              : []),
          ]}
          fewerLabel={fewer}
          {...headers}
        />
      ) : null}
    </div>
  );
}

function gateLabel(key: string, locale: Locale, t: ReturnType<typeof useT>): string {
  if (key === "sector") return t("booth.kiosk.gate_sector");
  if (key === "availability") return t("booth.kiosk.gate_availability");
  const [kind, code = ""] = key.split(":");
  if (kind === "language") return t("booth.kiosk.gate_language", { language: languageName(locale, code) });
  return t("booth.kiosk.gate_certificate", { certificate: certificateName(code, locale) });
}

/** The certificates a visitor may require, the sector's own first. */
function certificatesFor(sector: Sector | null): string[] {
  const maritime = ["stcw_bst", "seafarer_medical", "seaman_book", "crowd_management", "us_c1d_visa", "stcw_pscrb"];
  const bySector: Partial<Record<Sector, string[]>> = {
    cruise: [...maritime, "food_safety"],
    merchant_ship: maritime,
    fishing_vessel: ["stcw_bst", "seafarer_medical", "seaman_book"],
    nursing: ["nurse_registration", "bnsp_competency"],
    care_work: ["ssw_care_skill", "bnsp_competency"],
    hospitality: ["food_safety", "bnsp_competency"],
    construction: ["welding_6g", "eps_topik", "bnsp_competency"],
  };
  return sector && SECTORS.includes(sector) ? (bySector[sector] ?? ["bnsp_competency"]) : [];
}
