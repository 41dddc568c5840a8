import { certificateName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import { provinceName } from "~/domain/reference/provinces";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import { profileView, type CertificateLine, type EvidenceLine } from "~/domain/workers/profile-view";
import { countryName, formatDate, formatNumber, languageName } from "~/i18n/locales";
import { useLocale, useT } from "./i18n";
import { dot } from "./text";

/** The agency's own profile, read-only: what it holds, with each language's evidence next to its CEFR level. */
export function WorkerProfileView({ input, today }: { input: WorkerProfileInput; today: string }) {
  const t = useT();
  const locale = useLocale();
  const v = profileView(input, today);
  const day = (d: string) => formatDate(locale, d, "long");
  return (
    <div className="stack">
      <section className="card" aria-labelledby="profile-work-h">
        <h2 id="profile-work-h">{t("profile.occupations")}</h2>
        {v.experiences.length === 0 ? (
          <p className="empty">{t("profile.no_experience")}</p>
        ) : (
          <ul className="plain">
            {v.experiences.map((e, i) => (
              <li key={i}>
                <strong>{dot(e.iscoCode, occupationTitle(e.iscoCode, locale))}</strong>
                {": "}
                {dot(
                  t(e.years === 1 ? "profile.years_one" : "profile.years", { n: formatNumber(locale, e.years) }),
                  t(`sector.${e.sector}`),
                  e.employer ? t("profile.employer", { employer: e.employer }) : null,
                  e.country ? t("profile.worked_in", { country: countryName(locale, e.country) }) : null,
                )}
              </li>
            ))}
          </ul>
        )}
        <dl className="facts">
          <dt>{t("profile.sectors")}</dt>
          <dd>{v.sectors.map((s) => t(`sector.${s}`)).join(", ") || "—"}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="profile-lang-h">
        <h2 id="profile-lang-h">{t("profile.languages")}</h2>
        {v.languages.length === 0 ? (
          <p className="empty">{t("profile.no_languages")}</p>
        ) : (
          <dl className="facts">
            {v.languages.map((l) => (
              <div key={l.code} style={{ display: "contents" }}>
                <dt>{languageName(locale, l.code)}</dt>
                <dd>
                  <strong>{t("profile.level", { level: l.level ?? t("profile.no_level") })}</strong>
                  <ul className="plain">
                    {l.evidence.map((e, i) => (
                      <li key={i}>
                        <Evidence e={e} many={l.evidence.length > 1} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="profile-cert-h">
        <h2 id="profile-cert-h">{t("profile.certificates")}</h2>
        {v.certificates.length === 0 ? (
          <p className="empty">{t("profile.no_certificates")}</p>
        ) : (
          <ul className="plain">
            {v.certificates.map((c, i) => (
              <li key={i}>
                <strong>{certificateName(c.code, locale)}</strong>
                {c.number || c.issuedOn ? " · " : null}
                {dot(
                  c.number ? t("profile.cert_number", { number: c.number }) : null,
                  c.issuedOn ? t("profile.issued", { date: day(c.issuedOn) }) : null,
                )}
                <CertificateState c={c} horizon={v.horizon} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="profile-place-h">
        <h2 id="profile-place-h">{t("profile.placement")}</h2>
        <dl className="facts">
          <dt>{t("profile.availability")}</dt>
          <dd>
            {t(v.availability.now ? "profile.available_now" : "profile.available_from", {
              date: day(v.availability.from),
            })}
          </dd>
          <dt>{t("profile.status")}</dt>
          <dd>{t(`wstatus.${input.status}`)}</dd>
          <dt>{t("profile.home")}</dt>
          <dd>{[provinceName(input.provinceCode), input.regency].filter(Boolean).join(", ")}</dd>
          {input.preferredCountries.length > 0 ? (
            <>
              <dt>{t("profile.preferred")}</dt>
              <dd>{input.preferredCountries.map((c) => countryName(locale, c)).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("profile.consent")}</dt>
          <dd>{t(input.consentToMatching ? "profile.consent_given" : "profile.consent_not_given")}</dd>
          <dt>{t("profile.born")}</dt>
          <dd>{day(input.dateOfBirth)}</dd>
          <dt>{t("profile.sex")}</dt>
          <dd>{t(input.sex === "female" ? "wf.female" : "wf.male")}</dd>
        </dl>
      </section>
    </div>
  );
}

/** "IELTS 6.5 → B2", with the test date and how firm the equivalence is. */
function Evidence({ e, many }: { e: EvidenceLine; many: boolean }) {
  const t = useT();
  const locale = useLocale();
  const main = e.converted ? `${e.evidence} → ${e.level ?? t("profile.no_level")}` : e.evidence;
  return (
    <>
      {dot(
        main,
        e.quality === "official" ? null : t(`profile.quality_${e.quality}`),
        e.takenOn ? t("profile.taken_on", { date: formatDate(locale, e.takenOn, "long") }) : null,
        many && e.counts ? t("profile.counts") : null,
      )}
    </>
  );
}

function CertificateState({ c, horizon }: { c: CertificateLine; horizon: string }) {
  const t = useT();
  const locale = useLocale();
  const date = c.expiresOn ? formatDate(locale, c.expiresOn, "long") : "";
  const text = t(`profile.state_${c.state}`, { date, horizon: formatDate(locale, horizon, "long") });
  // lapsed or lapsing: flagged the way the other pages flag a problem; a valid one reads as plain text
  const cls = c.state === "expired" ? "finding hold" : c.state === "expires_before" ? "finding" : undefined;
  return <div className={cls}>{text}</div>;
}
