import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { FilterSelect } from "~/components/filter-select";
import { Pagination } from "~/components/pagination";
import { dot, withParen } from "~/components/text";
import { certificateName, CERTIFICATES } from "~/domain/reference/certificates";
import { occupationTitle, majorGroupTitle, OCCUPATIONS } from "~/domain/reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "~/domain/reference/languages";
import { PROVINCES, provinceName } from "~/domain/reference/provinces";
import { SECTORS } from "~/domain/reference/sectors";
import { WORKER_STATUSES } from "~/domain/workers/profile-schema";
import { formatDate, languageName } from "~/i18n/locales";
import { searchWorkers } from "~/services/workers/search-workers.server";
import { requireAgencyUser } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workers.title");

const KEYS = [
  "q",
  "sector",
  "isco",
  "province",
  "lang",
  "minLevel",
  "cert",
  "certValidOn",
  "status",
  "availableBy",
] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireAgencyUser(request, context);
  const sp = new URL(request.url).searchParams;
  const params = Object.fromEntries(KEYS.map((k) => [k, sp.get(k) ?? ""])) as Record<(typeof KEYS)[number], string>;
  try {
    const result = await searchWorkers(context.deps, actor, {
      ...params,
      q: params.q,
      page: Number(sp.get("page")) || 1,
    });
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
      <p className="actions">
        <Link className="button" to="/workers/new">
          {t("workers.new")}
        </Link>
        <Link className="button secondary" to="/workers/import">
          {t("workers.import_link")}
        </Link>
        <Link to="/workers/all">{t("workers.all_title")}</Link>
      </p>
      <Form method="get" className="card stack" role="search" onChange={onChange} aria-busy={searching}>
        <div className="field">
          <label htmlFor="w-q">{t("workers.search_label")}</label>
          <input id="w-q" name="q" type="search" defaultValue={params.q} autoComplete="off" />
        </div>
        <div className="row">
          <FilterSelect
            id="w-sector"
            name="sector"
            label={t("workers.f_sector")}
            value={params.sector}
            anyLabel={t("workers.any")}
            options={SECTORS.map((s) => ({ value: s, label: opt("sectors", s, t(`sector.${s}`)) }))}
          />
          <FilterSelect
            id="w-isco"
            name="isco"
            label={t("workers.f_occupation")}
            value={params.isco}
            anyLabel={t("workers.any")}
            options={OCCUPATIONS.map((o) => ({
              value: o.code,
              label: withParen(o[locale], o.code),
              group: majorGroupTitle(o.code, locale),
            }))}
          />
          <FilterSelect
            id="w-province"
            name="province"
            label={t("workers.f_province")}
            value={params.province}
            anyLabel={t("workers.any")}
            options={PROVINCES.map((p) => ({ value: p.code, label: opt("province_code", p.code, p.name) }))}
          />
          <FilterSelect
            id="w-status"
            name="status"
            label={t("workers.f_status")}
            value={params.status}
            anyLabel={t("workers.any")}
            options={WORKER_STATUSES.map((s) => ({ value: s, label: opt("status", s, t(`wstatus.${s}`)) }))}
          />
        </div>
        <div className="row">
          <FilterSelect
            id="w-lang"
            name="lang"
            label={t("workers.f_language")}
            value={params.lang}
            anyLabel={t("workers.any")}
            options={LANGUAGES.map((l) => ({ value: l, label: opt("languages", l, languageName(locale, l)) }))}
          />
          <FilterSelect
            id="w-level"
            name="minLevel"
            label={t("workers.f_min_level")}
            value={params.minLevel}
            anyLabel={t("workers.any")}
            options={CEFR_LEVELS.map((l) => ({ value: l, label: l }))}
          />
          <FilterSelect
            id="w-cert"
            name="cert"
            label={t("workers.f_certificate")}
            value={params.cert}
            anyLabel={t("workers.any")}
            options={CERTIFICATES.map((c) => ({ value: c.code, label: opt("certificates", c.code, c[locale]) }))}
          />
          <div className="field">
            <label htmlFor="w-valid">{t("workers.f_valid_on")}</label>
            <input id="w-valid" name="certValidOn" type="date" defaultValue={params.certValidOn} />
          </div>
          <div className="field">
            <label htmlFor="w-available">{t("workers.f_available_by")}</label>
            <input id="w-available" name="availableBy" type="date" defaultValue={params.availableBy} />
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t("workers.search")}</button>
        </div>
      </Form>

      {down ? (
        <p className="form-errors" role="alert">
          {t("workers.search_down")}
        </p>
      ) : null}
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
                      <td>
                        <Link to={`/workers/${h.id}`}>{h.name}</Link>
                        <br />
                        <small>
                          {dot(t("workers.born", { year: h.birthYear }), t(`wstatus.${h.status as "available"}`))}
                        </small>
                      </td>
                      <td>{provinceName(h.province)}</td>
                      <td>{h.iscoCodes.map((c) => occupationTitle(c, locale)).join(", ")}</td>
                      <td>
                        {h.languages
                          .map((l) =>
                            withParen(
                              `${languageName(locale, l.code)} ${l.level}`,
                              l.evidence === l.level ? "" : l.evidence,
                            ),
                          )
                          .join(", ")}
                      </td>
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
