import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { dot, withParen } from "~/components/text";
import { certificateName, CERTIFICATES } from "~/domain/reference/certificates";
import { occupationTitle, OCCUPATIONS } from "~/domain/reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "~/domain/reference/languages";
import { PROVINCES, provinceName } from "~/domain/reference/provinces";
import { SECTORS } from "~/domain/reference/sectors";
import { WORKER_STATUSES } from "~/domain/workers/profile-schema";
import { formatDate, languageName } from "~/i18n/locales";
import { searchWorkers } from "~/services/workers/search-workers.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workers.title");

const KEYS = ["q", "sector", "isco", "province", "lang", "minLevel", "cert", "certValidOn", "status", "availableBy"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, org } = await requireSignedIn(request, context);
  if (org.kind !== "agency") throw new Response("errors.not_found", { status: 404 });
  const sp = new URL(request.url).searchParams;
  const params = Object.fromEntries(KEYS.map((k) => [k, sp.get(k) ?? ""])) as Record<(typeof KEYS)[number], string>;
  try {
    const result = await searchWorkers(context.deps, actor, { ...params, q: params.q, page: Number(sp.get("page")) || 1 });
    return { params, result, down: false };
  } catch (e) {
    // Meilisearch unreachable: say so; nothing is lost (the outbox catches up when it is back).
    console.error("[workers search]", e instanceof Error ? e.message : e);
    return { params, result: null, down: true };
  }
}

export default function Workers() {
  const t = useT();
  const locale = useLocale();
  const { params, result, down } = useLoaderData<typeof loader>();
  // Results follow the user's typing: the GET form submits itself 250 ms after the last change (it still works
  // as a plain form without JavaScript).
  const submit = useSubmit();
  const searching = useNavigation().state === "loading";
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onChange = (e: React.FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 250);
  };
  const count = (facet: string, value: string) => result?.facets[facet]?.[value];
  const opt = (facet: string, value: string, label: string) => withParen(label, count(facet, value));
  return (
    <>
      <h1>{t("workers.title")}</h1>
      <p>{t("workers.lead")}</p>
      <p className="actions"><Link className="button" to="/workers/new">{t("workers.new")}</Link><Link className="button secondary" to="/workers/import">{t("workers.import_link")}</Link></p>
      <Form method="get" className="card stack" role="search" onChange={onChange} aria-busy={searching}>
        <div className="field">
          <label htmlFor="w-q">{t("workers.search_label")}</label>
          <input id="w-q" name="q" type="search" defaultValue={params.q} autoComplete="off" />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="w-sector">{t("workers.f_sector")}</label>
            <select id="w-sector" name="sector" defaultValue={params.sector}>
              <option value="">{t("workers.any")}</option>
              {SECTORS.map((s) => <option key={s} value={s}>{opt("sectors", s, t(`sector.${s}`))}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-isco">{t("workers.f_occupation")}</label>
            <select id="w-isco" name="isco" defaultValue={params.isco}>
              <option value="">{t("workers.any")}</option>
              {OCCUPATIONS.map((o) => <option key={o.code} value={o.code}>{withParen(o[locale], o.code)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-province">{t("workers.f_province")}</label>
            <select id="w-province" name="province" defaultValue={params.province}>
              <option value="">{t("workers.any")}</option>
              {PROVINCES.map((p) => <option key={p.code} value={p.code}>{opt("province_code", p.code, p.name)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-status">{t("workers.f_status")}</label>
            <select id="w-status" name="status" defaultValue={params.status}>
              <option value="">{t("workers.any")}</option>
              {WORKER_STATUSES.map((s) => <option key={s} value={s}>{opt("status", s, t(`wstatus.${s}`))}</option>)}
            </select>
          </div>
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="w-lang">{t("workers.f_language")}</label>
            <select id="w-lang" name="lang" defaultValue={params.lang}>
              <option value="">{t("workers.any")}</option>
              {LANGUAGES.map((l) => <option key={l} value={l}>{opt("languages", l, languageName(locale, l))}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-level">{t("workers.f_min_level")}</label>
            <select id="w-level" name="minLevel" defaultValue={params.minLevel}>
              <option value="">{t("workers.any")}</option>
              {CEFR_LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-cert">{t("workers.f_certificate")}</label>
            <select id="w-cert" name="cert" defaultValue={params.cert}>
              <option value="">{t("workers.any")}</option>
              {CERTIFICATES.map((c) => <option key={c.code} value={c.code}>{opt("certificates", c.code, c[locale])}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="w-valid">{t("workers.f_valid_on")}</label>
            <input id="w-valid" name="certValidOn" type="date" defaultValue={params.certValidOn} />
          </div>
          <div className="field">
            <label htmlFor="w-available">{t("workers.f_available_by")}</label>
            <input id="w-available" name="availableBy" type="date" defaultValue={params.availableBy} />
          </div>
        </div>
        <div className="actions"><button type="submit">{t("workers.search")}</button></div>
      </Form>

      {down ? <p className="form-errors" role="alert">{t("workers.search_down")}</p> : null}
      {result ? (
        <>
          <p aria-live="polite">{t("workers.results", { n: result.total })}</p>
          {result.hits.length === 0 ? (
            <p className="empty">{t("workers.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("workers.col_name")}</th>
                    <th scope="col">{t("workers.col_origin")}</th>
                    <th scope="col">{t("workers.col_experience")}</th>
                    <th scope="col">{t("workers.col_languages")}</th>
                    <th scope="col">{t("workers.col_certificates")}</th>
                    <th scope="col">{t("workers.col_available")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.hits.map((h) => (
                    <tr key={h.id}>
                      <td><Link to={`/workers/${h.id}`}>{h.name}</Link><br /><small>{dot(t("workers.born", { year: h.birthYear }), t(`wstatus.${h.status as "available"}`))}</small></td>
                      <td>{provinceName(h.province)}</td>
                      <td>{h.iscoCodes.map((c) => occupationTitle(c, locale)).join(", ")}</td>
                      <td>{h.languages.map((l) => withParen(`${languageName(locale, l.code)} ${l.level}`, l.evidence === l.level ? "" : l.evidence)).join(", ")}</td>
                      <td>{h.certificates.map((c) => certificateName(c, locale)).join("; ")}</td>
                      <td>{formatDate(locale, h.availableFrom)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={result.page} pages={result.pages} />
        </>
      ) : null}
    </>
  );
}
