import { randomUUID } from "node:crypto";
import { isUuid } from "~/domain/errors";
import { fingerprintOf, runIdempotent } from "~/services/idempotency/run-idempotent.server";
import { FORM_KEY_FIELD } from "~/components/form-key";
import type { RequestContext } from "./context.server";

/** A fresh key for one rendering of a creating form (its loader returns it; the form sends it back). */
export const newFormKey = () => randomUUID();

/**
 * A creating form, safe to double-submit: the first submission with the form's key runs, and a second one (a
 * double click, a resend after a dropped connection) waits for it and is sent to the same place, instead of
 * creating the thing twice. Only a redirect (a success) is kept; a form with errors can be corrected and sent again.
 */
export async function oncePerFormKey(request: Request, ctx: RequestContext, userId: string, form: FormData, run: () => Promise<Response>): Promise<Response> {
  const key = form.get(FORM_KEY_FIELD);
  if (typeof key !== "string" || !isUuid(key)) return run();
  const path = new URL(request.url).pathname;
  const outcome = await runIdempotent(
    ctx.deps,
    { scope: `user:${userId}`, key: `form:${path}:${key.toLowerCase()}`, fingerprint: fingerprintOf("form", path), waitMs: 10_000, field: FORM_KEY_FIELD },
    run,
    async (res) => {
      const location = res.headers.get("Location");
      return res.status >= 300 && res.status < 400 && location ? { status: res.status, headers: { Location: location }, body: "" } : null;
    },
  );
  if (!outcome.replayed) return outcome.result;
  return new Response(null, { status: 303, headers: { Location: outcome.answer.headers.Location ?? "/dashboard" } });
}
