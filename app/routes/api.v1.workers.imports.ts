import type { LoaderFunctionArgs } from "@remix-run/node";
import { listImports } from "~/services/workers/import-records.server";
import { api, onlyMethods } from "~/web/api.server";

/** GET /api/v1/workers/imports (agency key): the agency's 20 most recent imports with their status and counts. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => ({ imports: await listImports(context.deps, actor) }));
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
