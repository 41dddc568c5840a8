import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useErrorText, useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { rankLabel, withParen } from "~/components/text";
import { DomainError } from "~/domain/errors";
import { MatchQuerySchema } from "~/domain/matching/api-schema";
import type { GateKey } from "~/domain/matching/gates";
import { pageCount } from "~/domain/paging";
import type { MessageKey } from "~/i18n/en";
import { formatNumber } from "~/i18n/locales";
import { formatExplanation, formatFailure, formatFix, formatGateItem, formatRankingBasis } from "~/i18n/matching-text";
import { matchJobOrder, type MatchView } from "~/services/matching/match-order.server";
import { AddCandidatesSchema } from "~/domain/shortlists/schema";
import { addCandidates } from "~/services/shortlists/add-candidates.server";
import { alreadyShortlisted } from "~/services/shortlists/already-shortlisted.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { isShownOnRow, parseRow, rowDomainError } from "~/web/row-forms.server";
import { requireSignedIn } from "~/web/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ChooseAll } from "~/components/choose-all";
import trustStyles from "~/styles/matching-trust.css";
import type { LinksFunction } from "@remix-run/node";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trustStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "match.qualified");

const PAGE = 20;
const pageParam = (v: string | null) => Math.max(1, Math.floor(Number(v)) || 1);

/** Agencies: their own ranked candidates and near misses. Ministry: counts only, across licensed agencies. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const shortlistedOn = (v: MatchView) =>
    v.kind === "agency"
      ? alreadyShortlisted(context.deps, actor, params.id ?? "", [
          ...v.results.map((r) => r.workerId),
          ...v.nearMisses.map((n) => n.workerId),
        ])
      : Promise.resolve([]);
  const sp = new URL(request.url).searchParams;
  // absurd page numbers are clamped to the schema's range here and to the last page below
  const page = Math.min(pageParam(sp.get("page")), 1 + Math.floor(1_000_000 / PAGE));
  const npage = Math.min(pageParam(sp.get("npage")), 1 + Math.floor(1_000_000 / PAGE));
  const parsed = MatchQuerySchema.safeParse({
    limit: PAGE,
    offset: (page - 1) * PAGE,
    nearLimit: PAGE,
    nearOffset: (npage - 1) * PAGE,
    item: sp.get("item") || undefined,
  });
  const q = parsed.success ? parsed.data : { limit: PAGE, offset: 0, nearLimit: PAGE, nearOffset: 0 };
  try {
    let view: MatchView = await matchJobOrder(context.deps, actor, params.id ?? "", q);
    if (view.kind === "agency" && (page > pageCount(view.total, PAGE) || npage > pageCount(view.nearMissTotal, PAGE))) {
      // past the end: show the last page of each list instead of an empty one
      const last = {
        ...q,
        offset: (Math.min(page, pageCount(view.total, PAGE)) - 1) * PAGE,
        nearOffset: (Math.min(npage, pageCount(view.nearMissTotal, PAGE)) - 1) * PAGE,
      };
      view = await matchJobOrder(context.deps, actor, params.id ?? "", last);
      return {
        ok: true as const,
        view,
        page: last.offset / PAGE + 1,
        npage: last.nearOffset / PAGE + 1,
        item: q.item ?? null,
        shortlisted: await shortlistedOn(view),
      };
    }
    return { ok: true as const, view, page, npage, item: q.item ?? null, shortlisted: await shortlistedOn(view) };
  } catch (e) {
    if (e instanceof DomainError && e.code === "conflict") return { ok: false as const, id: params.id ?? "" };
    if (e instanceof DomainError && e.code === "invalid") {
      // an item that is not one of this order's gates: show every near miss instead
      return {
        ok: true as const,
        view: await matchJobOrder(context.deps, actor, params.id ?? "", { ...q, item: undefined }).catch(
          throwAsResponse,
        ),
        page,
        npage,
        item: null,
        shortlisted: [],
      };
    }
    return throwAsResponse(e);
  }
}

/** Adds the ticked candidates to the agency's shortlist for this order (one or many at once). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const form = await request.formData();
  const id = params.id ?? "";
  // which list's form was sent (its errors are shown on it): the ranked candidates or the near misses
  const row = form.get("list") === "near" ? "add-near" : "add-qualified";
  const parsed = parseRow(AddCandidatesSchema, { workerIds: form.getAll("workerIds") }, row, "shortlist");
  if (!parsed.ok) return parsed.reply;
  try {
    await addCandidates(context.deps, actor, id, parsed.value);
  } catch (e) {
    if (isShownOnRow(e)) return rowDomainError(e, row, "shortlist");
    return throwAsResponse(e);
  }
  return redirect(`/job-orders/${id}/shortlist`, {
    headers: { "Set-Cookie": await setFlash(context, "sl.added_flash") },
  });
}

export default function Matches() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (!data.ok) {
    return (
      <>
        <p>
          <Link to={`/job-orders/${data.id}`}>{t("nav.job_orders")}</Link>
        </p>
        <h1>{t("match.qualified")}</h1>
        <p className="notice" role="status">
          {t("match.not_matchable")}
        </p>
      </>
    );
  }
  const { view } = data;
  return (
    <>
      <p>
        <Link to={`/job-orders/${view.order.id}`}>{withParen(view.order.title, view.order.reference)}</Link>
      </p>
      <h1>{t("match.title", { title: view.order.title })}</h1>
      <p className="hint">{t(view.kind === "agency" ? "match.intro" : "match.intro_ministry")}</p>
      {view.kind === "agency" ? (
        <AgencyMatches
          view={view}
          page={data.page}
          npage={data.npage}
          item={data.item}
          shortlisted={data.shortlisted}
        />
      ) : (
        <MinistryCounts view={view} />
      )}
    </>
  );
}

type AgencyView = Extract<MatchView, { kind: "agency" }>;

function AgencyMatches({
  view,
  page,
  npage,
  item,
  shortlisted,
}: {
  view: AgencyView;
  page: number;
  npage: number;
  item: string | null;
  shortlisted: string[];
}) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const reply = useActionData<typeof action>()?.rowReply ?? null;
  const busy = useNavigation().state === "submitting";
  const onList = new Set(shortlisted);
  const addErrorOn = (row: "add-qualified" | "add-near") =>
    reply?.row === row ? (reply.fields.workerIds ?? reply.message) : null;
  const addError = addErrorOn("add-qualified");
  const nearError = addErrorOn("add-near");
  const itemLabel = (key: GateKey) => formatGateItem(locale, key, view.order);
  const filterTo = (key: string | null) => {
    const sp = new URLSearchParams();
    if (key) sp.set("item", key);
    return `?${sp}#near-misses`;
  };
  return (
    <>
      <section aria-labelledby="qualified">
        <h2 id="qualified">{t("match.qualified_count", { n: formatNumber(locale, view.total) })}</h2>
        <p className="hint">{formatRankingBasis(locale, view.order)}</p>
        {view.updating ? (
          <p className="hint" role="status">
            {t("match.updating_note")}
          </p>
        ) : null}
        {view.stale > 0 ? (
          <p className="hint" role="status">
            {t("match.stale_note", { n: view.stale })}
          </p>
        ) : null}
        {view.results.length === 0 ? (
          <p className="empty">{t("match.none")}</p>
        ) : (
          <Form method="post" id="add-qualified" aria-describedby={addError ? "add-error" : undefined}>
            <ChooseAll formId="add-qualified" name="workerIds" label={t("match.choose_page")} />
            {addError ? (
              <p id="add-error" className="form-errors" role="alert">
                {errorText(addError)}
              </p>
            ) : null}
            <ol className="match-list" start={(page - 1) * PAGE + 1}>
              {view.results.map((r, i) => (
                <li key={r.workerId} className="card match">
                  <div className="match-head">
                    {onList.has(r.workerId) ? (
                      <span className="badge active">{t("sl.on_shortlist")}</span>
                    ) : (
                      <input
                        type="checkbox"
                        name="workerIds"
                        value={r.workerId}
                        className="pick"
                        aria-label={t("sl.select_candidate", { name: r.name })}
                      />
                    )}
                    <span className="rank">{rankLabel(formatNumber(locale, (page - 1) * PAGE + i + 1))}</span>
                    <Link to={`/workers/${r.workerId}`} className="match-name">
                      {withParen(r.name, r.externalRef)}
                    </Link>
                    <span className="score">
                      <span className="visually-hidden">{t("match.score")}</span> {formatNumber(locale, r.score)}
                    </span>
                  </div>
                  <p className="why">{formatExplanation(locale, r.explanation)}</p>
                  <details>
                    <summary>{t("match.points")}</summary>
                    <dl className="points">
                      {Object.entries(r.components).map(([name, points]) => (
                        <div key={name} className={points === 0 ? "zero" : undefined}>
                          <dt>{t(`match.component.${name}` as MessageKey)}</dt>
                          <dd>{formatNumber(locale, points)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
            </ol>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t("sl.add_selected")}
              </button>
              <Link to={`/job-orders/${view.order.id}/shortlist`}>{t("sl.nav")}</Link>
            </div>
          </Form>
        )}
        <Pagination page={page} pages={pageCount(view.total, PAGE)} label={t("match.qualified")} />
      </section>

      <section aria-labelledby="near-misses-title" id="near-misses">
        <h2 id="near-misses-title">{t("match.near_title")}</h2>
        <p className="hint">{t("match.near_intro")}</p>
        <nav aria-label={t("match.missing_item")}>
          <ul className="chips">
            <li>
              <Link to={filterTo(null)} aria-current={item === null ? "true" : undefined}>
                {withParen(
                  t("match.all_items"),
                  formatNumber(
                    locale,
                    view.nearMissCounts.reduce((s, c) => s + c.count, 0),
                  ),
                )}
              </Link>
            </li>
            {view.nearMissCounts.map((c) => (
              <li key={c.key}>
                <Link to={filterTo(c.key)} aria-current={item === c.key ? "true" : undefined}>
                  {withParen(itemLabel(c.key), formatNumber(locale, c.count))}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {view.nearMisses.length === 0 ? (
          <p className="empty">{t("match.none_near")}</p>
        ) : (
          <Form method="post" id="add-near" aria-describedby={nearError ? "add-near-error" : undefined}>
            <input type="hidden" name="list" value="near" />
            <p className="hint">{t("match.near_shortlist_hint")}</p>
            <ChooseAll formId="add-near" name="workerIds" label={t("match.choose_page")} />
            {nearError ? (
              <p id="add-near-error" className="form-errors" role="alert">
                {errorText(nearError)}
              </p>
            ) : null}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t("match.choose")}</span>
                    </th>
                    <th scope="col">{t("match.candidate")}</th>
                    <th scope="col">{t("match.missing_item")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.nearMisses.map((n) => (
                    <tr key={n.workerId}>
                      <td>
                        {onList.has(n.workerId) ? (
                          <span className="badge active">{t("sl.on_shortlist")}</span>
                        ) : (
                          <input
                            type="checkbox"
                            name="workerIds"
                            value={n.workerId}
                            className="pick"
                            aria-label={t("sl.select_candidate", { name: n.name })}
                          />
                        )}
                      </td>
                      <td>
                        <Link to={`/workers/${n.workerId}`}>{withParen(n.name, n.externalRef)}</Link>
                      </td>
                      <td>
                        {formatFailure(locale, n.failed)}
                        <span className="fix">{formatFix(locale, n.failed, view.order)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button type="submit" className="secondary" disabled={busy}>
                {t("sl.add_selected")}
              </button>
            </div>
          </Form>
        )}
        <Pagination
          page={npage}
          pages={pageCount(view.nearMissTotal, PAGE)}
          param="npage"
          label={t("match.near_title")}
        />
      </section>
    </>
  );
}

function MinistryCounts({ view }: { view: Extract<MatchView, { kind: "ministry" }> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="big-number">
        <strong>{formatNumber(locale, view.total)}</strong> {t("match.qualified")}
      </p>
      <section aria-labelledby="by-agency">
        <h2 id="by-agency">{t("match.by_agency")}</h2>
        {view.byAgency.length === 0 ? (
          <p className="empty">{t("match.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("match.agency")}</th>
                  <th scope="col">{t("match.qualified")}</th>
                </tr>
              </thead>
              <tbody>
                {view.byAgency.map((a) => (
                  <tr key={a.agencyId}>
                    <td>{a.name}</td>
                    <td>{formatNumber(locale, a.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="near-counts">
        <h2 id="near-counts">{t("match.near_count", { n: formatNumber(locale, view.nearMissTotal) })}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("match.missing_item")}</th>
                <th scope="col">{t("match.near_title")}</th>
              </tr>
            </thead>
            <tbody>
              {view.nearMissCounts.map((c) => (
                <tr key={c.key}>
                  <td>{formatGateItem(locale, c.key, view.order)}</td>
                  <td>{formatNumber(locale, c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/job-orders", labelKey: "error.back_job_orders" }} />;
}
