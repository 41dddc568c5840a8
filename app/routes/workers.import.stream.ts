import type { ActionFunctionArgs } from "@remix-run/node";
import { importWorkers } from "~/services/workers/import-workers.server";
import { requireAgencyUser } from "~/web/session.server";
import { throwAsText } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { importFormUpload, uploadedRows } from "~/web/worker-import.server";

/**
 * The import page's progress channel: the same import as the page's form, answered as NDJSON lines —
 * {"type":"progress","done":500,"total":10000} after each batch, then {"type":"report",…} — so large files show
 * progress while they are written.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireAgencyUser(request, context); // before the stream starts: a refusal is a status
  const upload = await importFormUpload(request).catch(async (e: unknown) =>
    throwAsText(await getLocale(request, context))(e),
  );
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const rows = await uploadedRows(context.deps, upload);
        if (!rows) {
          send({ type: "unreadable" });
        } else {
          send({ type: "progress", done: 0, total: rows.total });
          const report = await importWorkers(
            context.deps,
            actor,
            rows,
            upload.mode,
            (done, total) => send({ type: "progress", done, total }),
            { source: "page", file: upload.file ?? undefined },
          );
          send({ type: "report", report });
        }
      } catch (e) {
        console.error("[import]", e);
        send({ type: "failed" });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
