import type { ActionFunctionArgs } from "@remix-run/node";
import QRCode from "qrcode";
import { handoffPath, HANDOFF_MINUTES } from "~/domain/booth/handoff";
import { vacancySchema } from "~/domain/booth/vacancy";
import { fromVacancyQuery } from "~/domain/booth/vacancy-query";
import { isoDay } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { isLocale, negotiateLocale } from "~/i18n/locales";
import { createHandoff } from "~/services/booth/create-handoff.server";
import { apiError, apiValidationError } from "~/web/errors.server";
import { limitBoothHandoff } from "~/web/rate-limits.server";
import { getKioskDevice } from "~/web/session.server";

// POST /booth/<event>/handoffs (urlencoded: the vacancy as the count's query, isco=…&sector=…, and ui=en|id): the
// kiosk asks for a one-time link that continues on the visitor's phone. 201 with the link, when it lapses and its
// QR code (an SVG data URL: no <style>, so the CSP's img-src data: shows it); 401 without this event's device
// credential; 422 naming the vacancy's fields in the screen's language; 429 + Retry-After past the device's limit.
// The link carries only the token; the vacancy stays on the server.

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
    const asked = form.get("ui");
    if (typeof asked === "string" && isLocale(asked)) locale = asked;
    await limitBoothHandoff(context, found.device.id);
    const query = new URLSearchParams();
    for (const [k, v] of form) if (typeof v === "string" && k !== "ui") query.append(k, v);
    const parsed = vacancySchema(isoDay(context.deps.now())).safeParse(fromVacancyQuery(query));
    if (!parsed.success) return apiValidationError(parsed.error.issues, locale);
    const { token, expiresAt } = await createHandoff(context.deps, found.caller, parsed.data);
    const url = new URL(handoffPath(token), request.url).toString();
    const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return Response.json(
      {
        url,
        expiresAt: expiresAt.toISOString(),
        minutes: HANDOFF_MINUTES,
        qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    return apiError(e, locale);
  }
}
