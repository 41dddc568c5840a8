import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/field";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { DomainError } from "~/domain/errors";
import { StandardSchema } from "~/domain/job-orders/reference-schemas";
import { WAGE_PERIODS } from "~/domain/job-orders/schema";
import { OCCUPATION_GROUPS, occupationTitle } from "~/domain/reference/isco";
import { countryName, formatMoney } from "~/i18n/locales";
import { addStandard, getStandards, removeStandard } from "~/services/job-orders/reference-lists.server";
import { invalid, replyWithDomainError, throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { requireSignedIn } from "~/web/session.server";
import { dot } from "~/components/text";
import { RowAction } from "~/components/row-action";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "standards.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  return { standards: await getStandards(context.deps, actor).catch(throwAsResponse) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "remove") {
      await removeStandard(context.deps, actor, String(formData.get("id") ?? ""));
      return redirect("/admin/standards", { headers: { "Set-Cookie": await setFlash(context, "standards.removed") } });
    }
    const s = parseWithZod(formData, { schema: StandardSchema });
    if (s.status !== "success") return invalid(s);
    const v = s.value;
    try {
      await addStandard(context.deps, actor, {
        country: v.country,
        iscoCode: v.iscoCode ?? null,
        minWageAmount: v.minWageAmount ?? null,
        minWageCurrency: v.minWageCurrency ?? null,
        minWagePeriod: v.minWagePeriod ?? null,
        maxHoursPerWeek: v.maxHoursPerWeek ?? null,
        source: v.source ?? null,
      });
    } catch (e) {
      if (e instanceof DomainError && e.code === "conflict") return replyWithDomainError(s, e);
      throw e;
    }
    return redirect("/admin/standards", { headers: { "Set-Cookie": await setFlash(context, "standards.added") } });
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function Standards() {
  const t = useT();
  const locale = useLocale();
  const { standards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "standard",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StandardSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("standards.title")}</h1>
      <p>{t("standards.lead")}</p>
      {standards.length === 0 ? (
        <p className="empty">{t("standards.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("standards.country")}</th>
                <th scope="col">{t("board.filter_occupation")}</th>
                <th scope="col">{t("standards.min_wage")}</th>
                <th scope="col">{t("standards.max_hours")}</th>
                <th scope="col">{t("standards.source")}</th>
                <th scope="col">{t("settings.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {standards.map((s) => {
                const what = `${countryName(locale, s.country)} · ${s.iscoCode ? occupationTitle(s.iscoCode, locale) : t("standards.all_occupations")}`;
                return (
                  <tr key={s.id}>
                    <td>{countryName(locale, s.country)}</td>
                    <td>
                      {s.iscoCode
                        ? `${s.iscoCode} · ${occupationTitle(s.iscoCode, locale)}`
                        : t("standards.all_occupations")}
                    </td>
                    <td>
                      {s.minWageAmount !== null && s.minWageCurrency && s.minWagePeriod
                        ? `${formatMoney(locale, s.minWageAmount, s.minWageCurrency)} ${t(`period.${s.minWagePeriod}`)}`
                        : ""}
                    </td>
                    <td>{s.maxHoursPerWeek ?? ""}</td>
                    <td>{s.source ?? ""}</td>
                    <td>
                      <RowAction
                        intent="remove"
                        field="id"
                        value={s.id}
                        label={t("standards.remove")}
                        ariaLabel={t("standards.remove_row", { what })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("standards.add")}</h2>
      <Form method="post" {...getFormProps(form)} className="card stack narrow-wide">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <Field meta={fields.country} label={t("standards.country")} hint={t("admin.countries_hint")} />
          <SelectField meta={fields.iscoCode} label={t("standards.occupation")}>
            <option value="">{t("standards.all_occupations")}</option>
            {OCCUPATION_GROUPS.map((g) => (
              <optgroup key={g.code} label={g[locale]}>
                {g.occupations.map((o) => (
                  <option key={o.code} value={o.code}>
                    {dot(o.code, o[locale])}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <div className="row">
          <Field meta={fields.minWageAmount} label={t("standards.min_wage")} type="number" min={0} step="0.01" />
          <Field meta={fields.minWageCurrency} label={t("jo.f_wage_currency")} />
          <SelectField meta={fields.minWagePeriod} label={t("jo.f_wage_period")}>
            <option value="" />
            {WAGE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="row">
          <Field meta={fields.maxHoursPerWeek} label={t("standards.max_hours")} type="number" min={1} max={84} />
          <Field meta={fields.source} label={t("standards.source")} />
        </div>
        <div className="actions">
          <button type="submit">{t("standards.add")}</button>
        </div>
      </Form>
    </>
  );
}
