import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { InviteLink } from "~/components/invite-link";
import { DomainError } from "~/domain/errors";
import { ROLES } from "~/domain/org";
import { CreateApiKeySchema, InviteMemberSchema } from "~/domain/schemas/org";
import { EmployerDetailsSchema } from "~/domain/job-orders/schema";
import { updateEmployerDetails } from "~/services/orgs/employer-details.server";
import { formatDate, formatDateTime } from "~/i18n/locales";
import { createApiKey, revokeOrgApiKey } from "~/services/api-keys/api-keys.server";
import { cancelInvitation, inviteMember } from "~/services/orgs/invitations.server";
import { getOrgSettings } from "~/services/orgs/org-settings.server";
import { invalid, replyWithDomainError, throwAsResponse, retryAfterFromAction } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { invitationRule } from "~/web/rate-limits.server";
import { pageTitle } from "~/components/page-title";
import { RowAction } from "~/components/row-action";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.settings");

export const headers = retryAfterFromAction;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  return getOrgSettings(context.deps, actor, params.slug ?? "").catch(throwAsResponse);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const slug = params.slug ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/orgs/${slug}/settings`;
  try {
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
    if (intent === "create-key") {
      const submission = parseWithZod(formData, { schema: CreateApiKeySchema });
      if (submission.status !== "success") return invalid(submission, { intent });
      const key = await createApiKey(context.deps, actor, slug, submission.value.name);
      return { intent, result: submission.reply({ resetForm: true }), key: { name: key.name, key: key.key } };
    }
    if (intent === "details") {
      const submission = parseWithZod(formData, { schema: EmployerDetailsSchema });
      if (submission.status !== "success") return invalid(submission, { intent });
      await updateEmployerDetails(context.deps, actor, slug, submission.value);
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "details.saved") } });
    }
    if (intent === "revoke-key") {
      await revokeOrgApiKey(context.deps, actor, slug, String(formData.get("keyId") ?? ""));
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.key_revoked") } });
    }
    if (intent === "cancel-invite") {
      await cancelInvitation(context.deps, actor, slug, String(formData.get("invitationId") ?? ""));
      return redirect(back, { headers: { "Set-Cookie": await setFlash(context, "flash.invite_revoked") } });
    }
    throw new Response("errors.invalid", { status: 400 });
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function OrgSettings() {
  const t = useT();
  const locale = useLocale();
  const { org, isAdmin, members, invitations, keys, details } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("settings.title", { org: org.name })}</h1>
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("settings.members")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("settings.col_name")}</th>
                <th scope="col">{t("settings.col_email")}</th>
                <th scope="col">{t("settings.col_role")}</th>
                <th scope="col">{t("settings.col_joined")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>{t(`role.${m.role}`)}</td>
                  <td>{formatDate(locale, m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {isAdmin && details ? (
        <DetailsSection
          details={details}
          lastResult={actionData?.intent === "details" ? actionData.result : undefined}
        />
      ) : null}
      {isAdmin ? (
        <>
          <InviteSection
            lastResult={actionData?.intent === "invite" ? actionData.result : undefined}
            invite={actionData && "invite" in actionData ? actionData.invite : undefined}
            slug={org.slug}
          />
          <section aria-labelledby="pending-h">
            <h2 id="pending-h">{t("settings.pending")}</h2>
            {invitations.length === 0 ? (
              <p className="empty">{t("settings.no_pending")}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("settings.col_email")}</th>
                      <th scope="col">{t("settings.col_role")}</th>
                      <th scope="col">{t("settings.col_expires")}</th>
                      <th scope="col">{t("settings.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((i) => (
                      <tr key={i.id}>
                        <td>{i.email}</td>
                        <td>{t(`role.${i.role}`)}</td>
                        <td>{formatDateTime(locale, i.expiresAt)}</td>
                        <td>
                          <RowAction
                            intent="cancel-invite"
                            field="invitationId"
                            value={i.id}
                            label={t("settings.cancel")}
                            ariaLabel={t("settings.cancel_invite", { email: i.email })}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <KeysSection
            orgName={org.name}
            keys={keys}
            lastResult={actionData?.intent === "create-key" ? actionData.result : undefined}
            created={actionData && "key" in actionData ? actionData.key : undefined}
          />
        </>
      ) : (
        <p className="notice">{t("settings.admin_only")}</p>
      )}
    </>
  );
}

type LastResult = SubmissionResult<string[]> | undefined;

function InviteSection({
  lastResult,
  invite,
  slug,
}: {
  lastResult: LastResult;
  invite?: { email: string; link: string };
  slug: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: `invite-${slug}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteMemberSchema }),
    shouldValidate: "onBlur",
    defaultValue: { role: "member" },
  });
  return (
    <section aria-labelledby="invite-h">
      <h2 id="invite-h">{t("settings.invite_title")}</h2>
      {invite ? <InviteLink email={invite.email} link={invite.link} /> : null}
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.email} label={t("settings.invite_email")} type="email" autoComplete="off" />
        <SelectField meta={fields.role} label={t("settings.invite_role")}>
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
  );
}

function DetailsSection({
  details,
  lastResult,
}: {
  details: { registrationNumber: string; address: string; contactEmail: string; contactPhone: string };
  lastResult: LastResult;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "details",
    lastResult,
    defaultValue: details,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmployerDetailsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="details-h">
      <h2 id="details-h">{t("details.title")}</h2>
      <p>{t("details.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.registrationNumber} label={t("jo.f_registration")} />
        <Field meta={fields.address} label={t("jo.f_address")} autoComplete="street-address" />
        <div className="row">
          <Field meta={fields.contactEmail} label={t("jo.f_contact_email")} type="email" autoComplete="email" />
          <Field meta={fields.contactPhone} label={t("jo.f_contact_phone")} autoComplete="tel" />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="details">
            {t("details.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function KeysSection({
  orgName,
  keys,
  lastResult,
  created,
}: {
  orgName: string;
  keys: KeyRow[];
  lastResult: LastResult;
  created?: { name: string; key: string };
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "create-key",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateApiKeySchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="keys-h">
      <h2 id="keys-h">{t("settings.keys")}</h2>
      <p>{t("settings.keys_lead", { org: orgName })}</p>
      {created ? (
        <div className="card" role="status">
          <p>{t("settings.key_created", { name: created.name })}</p>
          <p className="secret" data-testid="new-api-key">
            {created.key}
          </p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field meta={fields.name} label={t("settings.key_name")} autoComplete="off" />
        <div className="actions">
          <button type="submit" name="intent" value="create-key">
            {t("settings.key_submit")}
          </button>
        </div>
      </Form>
      {keys.length === 0 ? (
        <p className="empty">{t("settings.no_keys")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("settings.col_name")}</th>
                <th scope="col">{t("settings.col_key")}</th>
                <th scope="col">{t("settings.col_created")}</th>
                <th scope="col">{t("settings.col_last_used")}</th>
                <th scope="col">{t("settings.col_status")}</th>
                <th scope="col">{t("settings.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}</code>
                    {"…"}
                  </td>
                  <td>{formatDate(locale, k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatDateTime(locale, k.lastUsedAt) : t("settings.key_never_used")}</td>
                  <td>
                    {k.revokedAt
                      ? t("settings.key_revoked", { date: formatDate(locale, k.revokedAt) })
                      : t("settings.key_active")}
                  </td>
                  <td>
                    {k.revokedAt ? null : (
                      <RowAction
                        intent="revoke-key"
                        field="keyId"
                        value={k.id}
                        label={t("settings.revoke")}
                        ariaLabel={t("settings.revoke_key", { name: k.name })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
