import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportLeadData } from "~/services/booth/export-lead-data.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { requireSignedIn } from "~/web/session.server";

/** Everything held about the person behind a lead, as a JSON download to hand them (right of access). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const data = await exportLeadData(context.deps, actor, params.slug ?? "", params.id ?? "").catch(
    throwAsText(await getLocale(request, context)),
  );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="lead-${data.lead.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
