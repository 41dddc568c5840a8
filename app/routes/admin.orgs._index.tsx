import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { DomainError } from "~/domain/errors";
import { effectiveLicence, ORG_KINDS, type OrgKind } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { createOrgSchema } from "~/domain/schemas/org";
import { countryName, formatDate } from "~/i18n/locales";
import { createOrg } from "~/services/orgs/create-org.server";
import { listOrganisations } from "~/services/orgs/admin-orgs.server";
import { invalid, replyWithDomainError, throwAsResponse } from "~/web/errors.server";
import { requireSignedIn } from "~/web/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

const asKind = (v: string | null): OrgKind | undefined => ORG_KINDS.find((k) => k === v);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const url = new URL(request.url);
  const kind = asKind(url.searchParams.get("kind"));
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const list = await listOrganisations(context.deps, actor, { kind, page }).catch(throwAsResponse);
  const today = isoDay(context.deps.now());
  return {
    today,
    kind: kind ?? "",
    page: list.page,
    pages: list.pages,
    orgs: list.orgs.map((o) => ({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      countries: o.countries,
      licence: o.kind === "agency" ? effectiveLicence(o.licence, today) : null,
      createdAt: o.createdAt,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const submission = parseWithZod(await request.formData(), { schema: createOrgSchema(isoDay(context.deps.now())) });
  if (submission.status !== "success") return invalid(submission);
  try {
    const org = await createOrg(context.deps, actor, submission.value);
    return redirect(`/admin/orgs/${org.slug}?created=1`);
  } catch (e) {
    if (e instanceof DomainError && e.code === "conflict") return replyWithDomainError(submission, e);
    return throwAsResponse(e);
  }
}

export default function AdminOrgs() {
  const t = useT();
  const locale = useLocale();
  const { orgs, kind, page, pages, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-org",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createOrgSchema(today) }),
    shouldValidate: "onBlur",
    defaultValue: { kind: "agency" },
  });
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <Form method="get" className="actions">
        <label htmlFor="kind-filter">{t("admin.filter_kind")}</label>
        <select id="kind-filter" name="kind" defaultValue={kind} style={{ width: "auto" }}>
          <option value="">{t("admin.all_kinds")}</option>
          {ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("admin.filter_submit")}
        </button>
      </Form>
      {orgs.length === 0 ? (
        <p className="empty">{t("admin.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.col_name")}</th>
                <th scope="col">{t("admin.col_kind")}</th>
                <th scope="col">{t("admin.col_countries")}</th>
                <th scope="col">{t("admin.col_licence")}</th>
                <th scope="col">{t("admin.col_created")}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <tr key={o.slug}>
                  <td>
                    <Link to={`/admin/orgs/${o.slug}`}>{o.name}</Link>
                  </td>
                  <td>{t(`kind.${o.kind}`)}</td>
                  <td>{o.countries.map((c) => countryName(locale, c)).join(", ")}</td>
                  <td>
                    {o.licence ? <span className={`badge ${o.licence}`}>{t(`licence.${o.licence}`)}</span> : null}
                  </td>
                  <td>{formatDate(locale, o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("admin.pagination")}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("admin.prev")}</Link> : null}
          <span>{t("admin.page", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("admin.next")}</Link> : null}
        </nav>
      ) : null}

      <section aria-labelledby="create-h" className="narrow">
        <h2 id="create-h">{t("admin.create_title")}</h2>
        <Form method="post" {...getFormProps(form)} className="card stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField meta={fields.kind} label={t("admin.kind")}>
            {ORG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field meta={fields.name} label={t("admin.name")} />
          <Field meta={fields.slug} label={t("admin.slug")} hint={t("admin.slug_hint")} />
          <Field meta={fields.countries} label={t("admin.countries")} hint={t("admin.countries_hint")} />
          <Field meta={fields.country} label={t("admin.country")} />
          <Field meta={fields.licenceNumber} label={t("admin.licence_number")} />
          <Field meta={fields.licenceValidUntil} label={t("admin.licence_valid_until")} type="date" />
          <div className="actions">
            <button type="submit">{t("admin.create_submit")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
