import { randomUUID } from "node:crypto";
import { DomainError, isUuid } from "~/domain/errors";
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
export async function oncePerFormKey(
  request: Request,
  ctx: RequestContext,
  userId: string,
  form: FormData,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = form.get(FORM_KEY_FIELD);
  if (typeof key !== "string" || !isUuid(key)) return run();
  // one key per form, however the URL is spelt (/job-orders/new/, /Job-Orders/new)
  const path = new URL(request.url).pathname.toLowerCase().replace(/\/+$/, "");
  // what was sent: the same key with other content (Back, edit, send) is a new submission, not a replay
  const content = [...form.entries()]
    .filter(([k]) => k !== FORM_KEY_FIELD)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : v.name}`);
  let outcome;
  try {
    outcome = await runIdempotent(
      ctx.deps,
      {
        scope: `user:${userId}`,
        key: `form:${path}:${key.toLowerCase()}`,
        fingerprint: fingerprintOf("form", path, ...content),
        waitMs: 10_000,
        field: FORM_KEY_FIELD,
      },
      run,
      async (res) => {
        const location = res.headers.get("Location");
        return res.status >= 300 && res.status < 400 && location
          ? { status: res.status, headers: { Location: location }, body: "" }
          : null;
      },
    );
  } catch (e) {
    if (e instanceof DomainError && e.messageKey === "errors.idempotency_key_reused") return run();
    if (e instanceof DomainError && e.code === "conflict")
      throw new Response("errors.form_in_progress", { status: 409 });
    throw e;
  }
  if (!outcome.replayed) return outcome.result;
  return new Response(null, { status: 303, headers: { Location: outcome.answer.headers.Location ?? "/dashboard" } });
}
