import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { normaliseCode } from "~/domain/job-orders/verification-code";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vp.title");

/** A GET form (no state changes): /verify?code=ab3k-9mxp → /verify/AB3K9MXP. */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw !== null && raw.trim() !== "")
    throw redirect(`/verify/${encodeURIComponent(normaliseCode(raw) ?? raw.trim().slice(0, 20))}`);
  return { empty: raw !== null };
}

export default function VerifyForm() {
  const t = useT();
  useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("vp.title")}</h1>
      <p>{t("vp.lead")}</p>
      <Form method="get" className="card stack">
        <div className="field">
          <label htmlFor="code">{t("vp.code")}</label>
          <input
            id="code"
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
          />
        </div>
        <div className="actions">
          <button type="submit">{t("vp.check")}</button>
        </div>
      </Form>
    </div>
  );
}
