import { negotiateLocale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";

// Unknown API paths answer in the API's error format, not with an HTML page.
function notFound({ request }: { request: Request }) {
  const locale = negotiateLocale(request.headers.get("Accept-Language"));
  return Response.json(
    { error: { code: "not_found", message: translate(locale, "errors.not_found"), fields: {} } },
    { status: 404 },
  );
}
export const loader = notFound;
export const action = notFound;
