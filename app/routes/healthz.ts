import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkHealth } from "~/services/health.server";

/** 200 when PostgreSQL and Meilisearch both answer, 503 (with which one is down) otherwise. */
export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkHealth(context.deps);
  return Response.json(
    { status: health.ok ? "ok" : "degraded", postgres: health.postgres, meilisearch: health.meilisearch },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
