import type { ActionFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { isLocale, negotiateLocale } from "~/i18n/locales";
import { unenrolDevice } from "~/services/booth/unenrol-device.server";
import { apiError } from "~/web/errors.server";
import { getKioskDevice } from "~/web/session.server";

// POST /booth/<event>/unenrol: the kiosk gives up its device credential and its cookie (204). The screen asks only
// when no lead waits in its outbox; 401 without this event's device.

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const asked = form.get("locale");
  const locale =
    typeof asked === "string" && isLocale(asked) ? asked : negotiateLocale(request.headers.get("Accept-Language"));
  try {
    const found = await getKioskDevice(request, context, params.slug ?? "");
    if (!found) throw new DomainError("unauthenticated", "errors.kiosk_not_enrolled");
    await unenrolDevice(context.deps, found.caller);
    return new Response(null, {
      status: 204,
      headers: { "Set-Cookie": await context.cookies.kiosk.serialize("", { maxAge: 0 }) },
    });
  } catch (e) {
    return apiError(e, locale);
  }
}
