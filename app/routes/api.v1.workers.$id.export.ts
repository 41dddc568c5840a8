import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportWorkerData } from "~/services/workers/privacy.server";
import { api, onlyMethods } from "~/web/api.server";

/** GET /api/v1/workers/:id/export (agency key): everything held about the worker, for the worker. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => exportWorkerData(context.deps, actor, params.id ?? ""));
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
