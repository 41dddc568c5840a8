import type { LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLocale } from "~/i18n/locales";
import { apiError } from "~/web/errors.server";
import { requireApiActor } from "~/web/session.server";
import { onlyMethods } from "~/web/api.server";

/** GET /api/v1/me: which organisation this API key acts as. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    const { org } = await requireApiActor(request, context);
    return Response.json({ organisation: { id: org.id, slug: org.slug, name: org.name, kind: org.kind } });
  } catch (e) {
    return apiError(e, negotiateLocale(request.headers.get("Accept-Language")));
  }
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
