import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { DomainError } from "~/domain/errors";
import { isoDay } from "~/domain/dates";
import { problemListingSchema } from "~/domain/job-orders/reference-schemas";
import { countryName, formatDate } from "~/i18n/locales";
import {
  getProblemEmployers,
  liftProblemEmployer,
  listProblemEmployer,
} from "~/services/job-orders/reference-lists.server";
import { invalid, replyWithDomainError, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { withParen } from "~/components/text";
import { RowAction } from "~/components/row-action";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "problem.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const lists = await getProblemEmployers(context.deps, actor).catch(throwAsResponse);
  return { ...lists, today: isoDay(context.deps.now()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "lift") {
      await liftProblemEmployer(context.deps, actor, String(formData.get("listingId") ?? ""));
      return redirect("/admin/problem-employers", {
        headers: { "Set-Cookie": await setFlash(context, "problem.lifted") },
      });
    }
    const s = parseWithZod(formData, { schema: problemListingSchema(isoDay(context.deps.now())) });
    if (s.status !== "success") return invalid(s);
    try {
      await listProblemEmployer(context.deps, actor, s.value);
    } catch (e) {
      if (e instanceof DomainError && (e.code === "conflict" || e.code === "invalid"))
        return replyWithDomainError(s, e);
      throw e;
    }
    return redirect("/admin/problem-employers", {
      headers: { "Set-Cookie": await setFlash(context, "problem.added") },
    });
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function ProblemEmployers() {
  const t = useT();
  const locale = useLocale();
  const { listed, employers, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "listing",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: problemListingSchema(today) }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("problem.title")}</h1>
      <p className="notice">{t("problem.lead")}</p>
      {listed.length === 0 ? (
        <p className="empty">{t("problem.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("problem.employer")}</th>
                <th scope="col">{t("problem.reason")}</th>
                <th scope="col">{t("problem.listed_on")}</th>
                <th scope="col">{t("settings.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((l) => (
                <tr key={l.id}>
                  <td>{withParen(l.employerName, l.employerCountry && countryName(locale, l.employerCountry))}</td>
                  <td>{l.reason}</td>
                  <td>{formatDate(locale, l.listedOn)}</td>
                  <td>
                    <RowAction
                      intent="lift"
                      field="listingId"
                      value={l.id}
                      tone="secondary"
                      label={t("problem.lift")}
                      ariaLabel={t("problem.lift_employer", { name: l.employerName })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("problem.add")}</h2>
      <Form method="post" {...getFormProps(form)} className="card stack narrow">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField meta={fields.employer} label={t("problem.employer")}>
          <option value="">{t("problem.employer_choose")}</option>
          {employers.map((e) => (
            <option key={e.slug} value={e.slug}>
              {e.name}
            </option>
          ))}
        </SelectField>
        <Field meta={fields.reason} label={t("problem.reason")} />
        <Field meta={fields.listedOn} label={t("problem.listed_on")} type="date" />
        <div className="actions">
          <button type="submit">{t("problem.add")}</button>
        </div>
      </Form>
    </>
  );
}
