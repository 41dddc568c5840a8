import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportWorkerData } from "~/services/workers/privacy.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { requireSignedIn } from "~/web/session.server";

/** Everything held about a worker, as a JSON download for the worker (right of access and portability). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const data = await exportWorkerData(context.deps, actor, params.id ?? "").catch(
    throwAsText(await getLocale(request, context)),
  );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="worker-${data.worker.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
