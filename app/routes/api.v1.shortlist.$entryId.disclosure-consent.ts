import type { ActionFunctionArgs } from "@remix-run/node";
import { recordDisclosureConsent } from "~/services/shortlists/record-disclosure-consent.server";
import { api, methodNotAllowed, onlyMethods } from "~/web/api.server";

/** POST /api/v1/shortlist/:entryId/disclosure-consent (agency key): the worker consented to show their identity to this order's employer. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return api(request, context, async (actor) => {
    if (request.method !== "POST") methodNotAllowed("POST");
    await recordDisclosureConsent(context.deps, actor, params.entryId ?? "");
    return { ok: true };
  });
}

/** Any other method: 405 with `Allow: POST`. */
export const loader = onlyMethods("POST");
