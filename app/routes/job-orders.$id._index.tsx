import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { FindingList } from "~/components/findings";
import { useLocale, useT } from "~/components/i18n";
import { Description, OrderFacts, StatusBadge } from "~/components/job-order-view";
import { pageTitle } from "~/components/page-title";
import { isoDay } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import {
  DECISION_REASONS,
  RecordFilledSchema,
  RevokeSchema,
  VERIFICATION_DECISIONS,
  VerificationSchema,
} from "~/domain/job-orders/schema";
import { displayCode } from "~/domain/job-orders/verification-code";
import { countryName, formatDate, formatDateTime, formatNumber } from "~/i18n/locales";
import { isMessageKey } from "~/i18n/translate";
import { decideJobOrder, revokeJobOrder } from "~/services/job-orders/decide.server";
import { closeJobOrder, recordPlacements } from "~/services/job-orders/lifecycle.server";
import { getJobOrderDetail } from "~/services/job-orders/read.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { statusOf, throwAsResponse } from "~/web/errors.server";
import { handleForm } from "~/web/forms.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { withParen } from "~/components/text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isMatchable } from "~/domain/job-orders/matchable";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.job_orders");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const detail = await getJobOrderDetail(context.deps, actor, params.id ?? "").catch(throwAsResponse);
  return { ...detail, today: isoDay(context.deps.now()) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = async (flash: Parameters<typeof setFlash>[1]) =>
    redirect(`/job-orders/${id}`, { headers: { "Set-Cookie": await setFlash(context, flash) } });
  try {
    switch (intent) {
      case "submit":
        await submitJobOrder(context.deps, actor, id);
        return back("jo.submitted");
      case "close":
        await closeJobOrder(context.deps, actor, id);
        return back("jo.closed_flash");
      case "fill":
        return await handleForm(
          formData,
          RecordFilledSchema,
          { intent },
          async (v) => {
            await recordPlacements(context.deps, actor, id, v.positionsFilled);
            return back("jo.filled_flash");
          },
          ["invalid"],
        );
      case "decide":
        return await handleForm(
          formData,
          VerificationSchema,
          { intent },
          async (v) => {
            await decideJobOrder(context.deps, actor, id, v);
            return back("verify.decided");
          },
          ["conflict"],
        );
      case "revoke":
        return await handleForm(formData, RevokeSchema, { intent }, async (v) => {
          await revokeJobOrder(context.deps, actor, id, v);
          return back("verify.revoked_flash");
        });
      default:
        throw new Response("errors.invalid", { status: 400 });
    }
  } catch (e) {
    // Submitting without company details: explain on the page, next to the button, rather than an error page.
    if (e instanceof DomainError && intent === "submit" && e.code === "invalid") {
      return data({ intent, message: e.messageKey }, { status: statusOf(e) });
    }
    return throwAsResponse(e);
  }
}

export default function JobOrderDetail() {
  const t = useT();
  const locale = useLocale();
  const { order, role, actions, findings, versions, events, candidates, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const latest = versions[0];
  const last = (intent: string) =>
    actionData?.intent === intent && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      <p>
        <Link to="/job-orders">{t("jo.back")}</Link>
      </p>
      <h1>{order.title}</h1>
      <p className="meta">
        {t("jo.reference_value", { reference: order.reference })} <StatusBadge status={order.status} />
        {order.version > 0 ? ` · ${t("jo.version", { n: order.version })}` : null}
      </p>
      {actionData && "message" in actionData ? <FormErrors id="submit-errors" errors={[actionData.message]} /> : null}
      {(role === "agency" || role === "ministry") &&
      isMatchable({ ...order, validUntil: order.validUntil ?? null }, today) ? (
        <p className="actions">
          <Link className="button" to="matches">
            {t("match.find")}
          </Link>
        </p>
      ) : null}
      {role === "agency" && candidates > 0 ? (
        <p className="actions">
          <Link to="shortlist">{withParen(t("sl.nav"), formatNumber(locale, candidates))}</Link>
        </p>
      ) : null}
      {role === "owner" && (candidates > 0 || order.status === "verified") ? (
        <p className="actions">
          <Link to="candidates">{withParen(t("cand.nav"), formatNumber(locale, candidates))}</Link>
        </p>
      ) : null}

      {latest?.decision && latest.decision !== "approve" ? (
        <section className="card notice" aria-labelledby="decision-h">
          <h2 id="decision-h">{t("jo.latest_decision")}</h2>
          <p>
            {t("jo.decided_by", {
              decision: t(`decision.${latest.decision}`),
              mission: latest.decidedBy ?? "",
              date: latest.decidedAt ? formatDate(locale, latest.decidedAt) : "",
            })}
          </p>
          {latest.reason ? (
            <p>
              <strong>{t(`reason.${latest.reason as (typeof DECISION_REASONS)[number]}`)}</strong>
            </p>
          ) : null}
          {latest.note ? <p>{latest.note}</p> : null}
        </section>
      ) : null}

      {order.verificationCode ? (
        <section className="card" aria-labelledby="code-h">
          <h2 id="code-h">{t("jo.verification_code")}</h2>
          <p className="secret">{displayCode(order.verificationCode)}</p>
          <p>
            <Link to={`/verify/${order.verificationCode}`}>{t("jo.verify_page")}</Link>
            {order.validUntil ? ` · ${t("jo.valid_until")} ${formatDate(locale, order.validUntil)}` : null}
            {" · "}
            {t("jo.open_positions", { open: order.positions - order.positionsFilled, total: order.positions })}
          </p>
        </section>
      ) : null}

      {role === "mission" || role === "ministry" ? (
        <section aria-labelledby="checks-h">
          <h2 id="checks-h">{t("verify.checks_title")}</h2>
          <FindingList findings={findings} />
        </section>
      ) : null}

      <Actions actions={actions} order={order} last={last} />

      <section className="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t("jo.section_position")}</h2>
        <OrderFacts o={order} />
        <h3>{t("jo.section_description")}</h3>
        <Description o={order} />
      </section>

      {latest?.employer && role !== "owner" ? (
        <section className="card" aria-labelledby="emp-h">
          <h2 id="emp-h">{t("jo.employer_snapshot")}</h2>
          <dl className="facts">
            <dt>{t("jo.col_employer")}</dt>
            <dd>
              {withParen(latest.employer.name, latest.employer.country && countryName(locale, latest.employer.country))}
            </dd>
            <dt>{t("jo.f_registration")}</dt>
            <dd>{latest.employer.registrationNumber}</dd>
            <dt>{t("jo.f_address")}</dt>
            <dd>{latest.employer.address}</dd>
            <dt>{t("jo.f_contact_email")}</dt>
            <dd>{latest.employer.contactEmail}</dd>
            <dt>{t("jo.f_contact_phone")}</dt>
            <dd>{latest.employer.contactPhone}</dd>
          </dl>
        </section>
      ) : null}

      {versions.length ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{t("jo.versions")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jo.col_version")}</th>
                  <th scope="col">{t("jo.col_submitted")}</th>
                  <th scope="col">{t("jo.col_decision")}</th>
                  <th scope="col">{t("jo.col_reason")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td>{formatDateTime(locale, v.submittedAt)}</td>
                    <td>{v.decision ? `${t(`decision.${v.decision}`)} · ${v.decidedBy ?? ""}` : t("jo.awaiting")}</td>
                    <td>
                      {[v.reason ? t(`reason.${v.reason as (typeof DECISION_REASONS)[number]}`) : "", v.note ?? ""]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {events.length ? (
        <section aria-labelledby="history-h">
          <h2 id="history-h">{t("jo.history")}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jo.col_when")}</th>
                  <th scope="col">{t("jo.col_who")}</th>
                  <th scope="col">{t("jo.col_what")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => {
                  const key = `audit.${e.action}`;
                  const fields = Array.isArray(e.changes.fields)
                    ? (e.changes.fields as string[]).map((f) => fieldLabel(t, f)).join(", ")
                    : "";
                  return (
                    <tr key={e.id}>
                      <td>{formatDateTime(locale, e.at)}</td>
                      <td>{[actorLabel(t, e.who), e.org].filter(Boolean).join(" · ")}</td>
                      <td>
                        {isMessageKey(key) ? t(key) : e.action}
                        {fields ? ` (${t("jo.changed_fields", { fields })})` : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** Field names in the audit trail, as the form labels them. */
function fieldLabel(t: ReturnType<typeof useT>, field: string): string {
  const key = `jo.f_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  const aliases: Record<string, string> = {
    iscoCode: "jo.f_isco",
    wageAmount: "jo.f_wage_amount",
    hoursPerWeek: "jo.f_hours",
    restDaysPerWeek: "jo.f_rest_days",
    annualLeaveDays: "jo.f_leave_days",
    employerPaysPlacementCosts: "jo.section_costs",
    descriptionEn: "jo.f_description_en",
    descriptionId: "jo.f_description_id",
    minExperienceYears: "jo.f_min_experience",
  };
  const k = aliases[field] ?? key;
  return isMessageKey(k) ? t(k) : field;
}

/** Who acted: a person's name, "System" for the expiry sweep and the CLI, or the API key's label. */
function actorLabel(t: ReturnType<typeof useT>, who: string): string {
  if (who.startsWith("api-key:")) return t("jo.via_api_key", { name: who.slice(8) });
  if (who === "system" || who === "cli" || who === "seed") return t("admin.system");
  return who;
}

type Order = ReturnType<typeof useLoaderData<typeof loader>>["order"];

function Actions({
  actions,
  order,
  last,
}: {
  actions: string[];
  order: Order;
  last: (intent: string) => Parameters<typeof useForm>[0]["lastResult"];
}) {
  const t = useT();
  const locale = useLocale();
  const [decideForm, decideFields] = useForm({
    id: "decide",
    lastResult: last("decide") as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerificationSchema }),
    shouldValidate: "onBlur",
  });
  const [revokeForm, revokeFields] = useForm({
    id: "revoke",
    lastResult: last("revoke") as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RevokeSchema }),
    shouldValidate: "onBlur",
  });
  const [fillForm, fillFields] = useForm({
    id: "fill",
    lastResult: last("fill") as never,
    defaultValue: { positionsFilled: order.positionsFilled },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordFilledSchema }),
    shouldValidate: "onBlur",
  });
  if (actions.length === 0) return null;
  return (
    <section className="card" aria-label={t("settings.actions")}>
      {actions.some((a) => a === "edit" || a === "submit" || a === "close") ? (
        <div className="actions">
          {actions.includes("edit") ? (
            <Link className="button secondary" to="edit">
              {t("jo.edit")}
            </Link>
          ) : null}
          {actions.includes("submit") ? (
            <Form method="post">
              <button type="submit" name="intent" value="submit">
                {t("jo.submit")}
              </button>
            </Form>
          ) : null}
          {actions.includes("close") ? (
            <Form method="post">
              <button type="submit" name="intent" value="close" className="secondary">
                {t("jo.close")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {actions.includes("submit") ? (
        <p className="hint">{t("jo.submit_help", { country: countryName(locale, order.country) })}</p>
      ) : null}

      {actions.includes("fill") ? (
        <Form method="post" {...getFormProps(fillForm)} className="stack narrow">
          <h2>{t("jo.record_filled")}</h2>
          <FormErrors id={fillForm.errorId} errors={fillForm.errors} />
          <Field
            meta={fillFields.positionsFilled}
            label={`${t("jo.positions_filled")} (≤ ${order.positions})`}
            type="number"
            min={0}
            max={order.positions}
          />
          <div className="actions">
            <button type="submit" name="intent" value="fill">
              {t("jo.record_filled")}
            </button>
          </div>
        </Form>
      ) : null}

      {actions.includes("approve") ? (
        <Form method="post" {...getFormProps(decideForm)} className="stack narrow">
          <h2>{t("verify.decision_title")}</h2>
          <FormErrors id={decideForm.errorId} errors={decideForm.errors} />
          <SelectField meta={decideFields.decision} label={t("verify.decision")}>
            <option value="" />
            {VERIFICATION_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(`decision.${d}`)}
              </option>
            ))}
          </SelectField>
          <SelectField meta={decideFields.reason} label={t("verify.reason")}>
            <option value="">{t("verify.reason_choose")}</option>
            {DECISION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </SelectField>
          <Field meta={decideFields.note} label={t("verify.note")} />
          <div className="actions">
            <button type="submit" name="intent" value="decide">
              {t("verify.submit")}
            </button>
          </div>
        </Form>
      ) : null}

      {actions.includes("revoke") ? (
        <Form method="post" {...getFormProps(revokeForm)} className="stack narrow">
          <h2>{t("verify.revoke_title")}</h2>
          <FormErrors id={revokeForm.errorId} errors={revokeForm.errors} />
          <SelectField meta={revokeFields.reason} label={t("verify.reason")}>
            <option value="">{t("verify.reason_choose")}</option>
            {DECISION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </SelectField>
          <Field meta={revokeFields.note} label={t("verify.note")} />
          <div className="actions">
            <button type="submit" name="intent" value="revoke" className="danger">
              {t("verify.revoke_submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/job-orders", labelKey: "error.back_job_orders" }} />;
}
