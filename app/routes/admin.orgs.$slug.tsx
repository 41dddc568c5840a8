import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { InviteLink } from "~/components/invite-link";
import { DomainError } from "~/domain/errors";
import { effectiveLicence, LICENCE_STATUSES, ROLES } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { isMessageKey } from "~/i18n/translate";
import { changeLicenceSchema, InviteMemberSchema } from "~/domain/schemas/org";
import { countryName, formatDate, formatDateTime } from "~/i18n/locales";
import { changeLicence, getOrganisationDetail } from "~/services/orgs/admin-orgs.server";
import { inviteMember } from "~/services/orgs/invitations.server";
import { invalid, replyWithDomainError, throwAsResponse, retryAfterFromAction } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { invitationRule } from "~/web/rate-limits.server";
import { pageTitle } from "~/components/page-title";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.details");

export const headers = retryAfterFromAction;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const detail = await getOrganisationDetail(context.deps, actor, params.slug ?? "").catch(throwAsResponse);
  const { org } = detail;
  const today = isoDay(context.deps.now());
  const licence = effectiveLicence(org.licence, today);
  return { ...detail, licence, today };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const slug = params.slug ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "licence") {
      const submission = parseWithZod(formData, { schema: changeLicenceSchema(isoDay(context.deps.now())) });
      if (submission.status !== "success") return invalid(submission, { intent });
      await changeLicence(context.deps, actor, slug, submission.value);
      return redirect(`/admin/orgs/${slug}`, {
        headers: { "Set-Cookie": await setFlash(context, "flash.licence_changed") },
      });
    }
    if (intent === "invite") {
      const submission = parseWithZod(formData, { schema: InviteMemberSchema });
      if (submission.status !== "success") return invalid(submission, { intent });
      try {
        const { token } = await inviteMember(context.deps, actor, slug, submission.value, {
          limit: invitationRule(context.env),
        });
        const link = new URL(`/invite/${token}`, request.url).toString();
        return {
          intent,
          result: submission.reply({ resetForm: true }),
          invite: { email: submission.value.email, link },
        };
      } catch (e) {
        if (e instanceof DomainError && (e.code === "conflict" || e.code === "rate_limited"))
          return replyWithDomainError(submission, e, { intent });
        throw e;
      }
    }
    throw new Response("errors.invalid", { status: 400 });
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function AdminOrgDetail() {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { org, members, licenceHistory, licence, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [inviteForm, inviteFields] = useForm({
    id: "admin-invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteMemberSchema }),
    shouldValidate: "onBlur",
    defaultValue: { role: "admin" },
  });
  const [licForm, licFields] = useForm({
    id: "licence",
    lastResult: actionData?.intent === "licence" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeLicenceSchema(today) }),
    shouldValidate: "onBlur",
    defaultValue: { status: "suspended" },
  });
  const invite = actionData && "invite" in actionData ? actionData.invite : undefined;
  return (
    <>
      <p>
        <Link to="/admin/orgs">{t("admin.back")}</Link>
      </p>
      <h1>{org.name}</h1>
      {search.get("created") ? (
        <p className="flash" role="status">
          {t("admin.created", { name: org.name })}
        </p>
      ) : null}
      <section className="card" aria-labelledby="details-h">
        <h2 id="details-h">{t("admin.details")}</h2>
        <dl className="facts">
          <dt>{t("admin.col_kind")}</dt>
          <dd>{t(`kind.${org.kind}`)}</dd>
          <dt>{t("admin.col_slug")}</dt>
          <dd>
            <code>{org.slug}</code>
          </dd>
          {org.country ? (
            <>
              <dt>{t("dashboard.country")}</dt>
              <dd>{countryName(locale, org.country)}</dd>
            </>
          ) : null}
          {org.countries.length ? (
            <>
              <dt>{t("dashboard.countries")}</dt>
              <dd>{org.countries.map((c) => countryName(locale, c)).join(", ")}</dd>
            </>
          ) : null}
          {org.kind === "agency" ? (
            <>
              <dt>{t("dashboard.licence_number")}</dt>
              <dd>{org.licenceNumber}</dd>
              <dt>{t("dashboard.licence")}</dt>
              <dd>
                <span className={`badge ${licence}`}>{t(`licence.${licence}`)}</span>
                {licence === "suspended" && org.licence.suspendedUntil
                  ? ` → ${formatDate(locale, org.licence.suspendedUntil)}`
                  : null}
              </dd>
              {org.licence.validUntil ? (
                <>
                  <dt>{t("dashboard.valid_until")}</dt>
                  <dd>{formatDate(locale, org.licence.validUntil)}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("settings.members")}</h2>
        {members.length === 0 ? (
          <p className="empty">{t("common.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("settings.col_name")}</th>
                  <th scope="col">{t("settings.col_email")}</th>
                  <th scope="col">{t("settings.col_role")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>{t(`role.${m.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2 id="invite-h">{t("admin.invite_admin")}</h2>
        {invite ? <InviteLink email={invite.email} link={invite.link} /> : null}
        <Form method="post" {...getFormProps(inviteForm)} className="card stack narrow">
          <FormErrors id={inviteForm.errorId} errors={inviteForm.errors} />
          <Field meta={inviteFields.email} label={t("settings.invite_email")} type="email" autoComplete="off" />
          <SelectField meta={inviteFields.role} label={t("settings.invite_role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" name="intent" value="invite">
              {t("settings.invite_submit")}
            </button>
          </div>
        </Form>
      </section>

      {org.kind === "agency" ? (
        <section aria-labelledby="licence-h">
          <h2 id="licence-h">{t("admin.licence_change")}</h2>
          <Form method="post" {...getFormProps(licForm)} className="card stack narrow">
            <FormErrors id={licForm.errorId} errors={licForm.errors} />
            <SelectField meta={licFields.status} label={t("admin.licence_status")}>
              {LICENCE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`licence.${s}`)}
                </option>
              ))}
            </SelectField>
            <Field meta={licFields.reason} label={t("admin.licence_reason")} />
            <Field meta={licFields.suspendedUntil} label={t("admin.licence_until")} type="date" />
            <Field meta={licFields.scope} label={t("admin.licence_scope")} />
            <Field meta={licFields.validUntil} label={t("admin.licence_renew")} type="date" />
            <div className="actions">
              <button type="submit" name="intent" value="licence">
                {t("admin.licence_submit")}
              </button>
            </div>
          </Form>
          <h2>{t("admin.licence_history")}</h2>
          {licenceHistory.length === 0 ? (
            <p className="empty">{t("admin.no_history")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("admin.col_date")}</th>
                    <th scope="col">{t("admin.col_status")}</th>
                    <th scope="col">{t("admin.col_scope")}</th>
                    <th scope="col">{t("admin.col_until")}</th>
                    <th scope="col">{t("admin.col_reason")}</th>
                    <th scope="col">{t("admin.col_by")}</th>
                  </tr>
                </thead>
                <tbody>
                  {licenceHistory.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(locale, e.createdAt)}</td>
                      <td>
                        <span className={`badge ${e.status}`}>{t(`licence.${e.status}`)}</span>
                      </td>
                      <td>{e.scope ?? ""}</td>
                      <td>{e.suspendedUntil ? formatDate(locale, e.suspendedUntil) : ""}</td>
                      <td>{isMessageKey(e.reason) ? t(e.reason) : e.reason}</td>
                      <td>{e.recordedByName ?? t("admin.system")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

/** Not found, refused or failed: said on the page, with the way back to the list. */
export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/admin/orgs", labelKey: "error.back_orgs" }} />;
}
