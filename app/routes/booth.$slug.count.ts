import type { LoaderFunctionArgs } from "@remix-run/node";
import { vacancySchema } from "~/domain/booth/vacancy";
import { fromVacancyQuery } from "~/domain/booth/vacancy-query";
import { isoDay } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { isLocale, negotiateLocale } from "~/i18n/locales";
import { countVacancy } from "~/services/booth/count-vacancy.server";
import { apiError, apiValidationError } from "~/web/errors.server";
import { limitBoothCount } from "~/web/rate-limits.server";
import { getKioskDevice } from "~/web/session.server";

// GET /booth/<event>/count?isco=…&sector=…&ui=en: the kiosk's live count for the vacancy in the query, as JSON
// (counts only, small cells hidden). Only an enrolled device of this event (401 otherwise), 300 a minute (429 +
// Retry-After past it); a bad value is a 422
// naming the field, in the screen's language (`ui`, else Accept-Language).

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("ui");
  const locale = isLocale(asked) ? asked : negotiateLocale(request.headers.get("Accept-Language"));
  try {
    const found = await getKioskDevice(request, context, params.slug ?? "");
    if (!found) throw new DomainError("unauthenticated", "errors.kiosk_not_enrolled");
    await limitBoothCount(context, found.device.id);
    const parsed = vacancySchema(isoDay(context.deps.now())).safeParse(fromVacancyQuery(url.searchParams));
    if (!parsed.success) return apiValidationError(parsed.error.issues, locale);
    return Response.json(await countVacancy(context.deps, parsed.data), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (e) {
    return apiError(e, locale);
  }
}
