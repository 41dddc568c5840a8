import type { LoaderFunctionArgs } from "@remix-run/node";
import { onlyMethods } from "~/web/api.server";
import { openApiDocument } from "~/web/openapi.server";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description, generated from the zod schemas (public). */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return Response.json(openApiDocument(url.origin), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const action = onlyMethods("GET");
