import type { LoaderFunctionArgs } from "@remix-run/node";
import { disclosureLog } from "~/services/workers/privacy.server";
import { api, onlyMethods } from "~/web/api.server";

/** GET /api/v1/workers/:id/disclosures (agency key): every time the worker's identity was shown to an employer. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return api(request, context, async (actor) => {
    const rows = await disclosureLog(context.deps, actor, params.id ?? "");
    return {
      disclosures: rows.map((d) => ({
        at: d.at.toISOString(),
        employer: d.employerName,
        jobOrder: d.reference,
        fields: d.fields,
        via: d.via,
        viewer: d.viewerName ?? d.viewerLabel,
      })),
    };
  });
}

/** Any other method: 405 with `Allow: GET`. */
export const action = onlyMethods("GET");
