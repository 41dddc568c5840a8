import type { ActionFunctionArgs } from "@remix-run/node";
import { leadSchema } from "~/domain/booth/lead-schema";
import { DomainError } from "~/domain/errors";
import { isLocale, negotiateLocale } from "~/i18n/locales";
import { captureLead } from "~/services/booth/capture-lead.server";
import { apiError, apiValidationError } from "~/web/errors.server";
import { rejectBots } from "~/web/forms.server";
import { limitBoothLead } from "~/web/rate-limits.server";
import { getKioskDevice } from "~/web/session.server";

// POST /booth/<event>/leads (urlencoded): a lead the kiosk captured, sent when it was captured or later from the
// device's queue. 201 when stored, 200 when that id was already stored (a repeat changes nothing), 401 without this
// event's device credential, 422 naming the fields in the screen's language, 409 for an id another device used,
// 429 + Retry-After past the device's limit. The answer carries the id and nothing of the visitor's.

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  let locale = negotiateLocale(request.headers.get("Accept-Language"));
  try {
    if (request.method !== "POST")
      throw new DomainError("method_not_allowed", "errors.method_not_allowed", {}, { allow: "POST" });
    const found = await getKioskDevice(request, context, params.slug ?? "");
    if (!found) throw new DomainError("unauthenticated", "errors.kiosk_not_enrolled");
    const form = await request.formData();
    const asked = form.get("locale");
    if (typeof asked === "string" && isLocale(asked)) locale = asked;
    rejectBots(form);
    await limitBoothLead(context, found.device.id);
    const raw: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === "string" && !(k in raw)) raw[k] = v;
    const parsed = leadSchema({ eventStartsOn: found.event.startsOn, now: context.deps.now() }).safeParse(raw);
    if (!parsed.success) return apiValidationError(parsed.error.issues, locale);
    const r = await captureLead(context.deps, found.caller, parsed.data);
    return Response.json(r, { status: r.stored ? 201 : 200, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return apiError(e, locale);
  }
}
