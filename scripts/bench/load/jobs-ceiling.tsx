// The ceiling for /jobs: a plain node:http server (no express, no Remix request pipeline) that reads the same
// board from the same PostgreSQL with the same use case and renders the same React component (app/routes/jobs.tsx's
// Board, under react-router's static router, which its <Form> and <Link> need) with renderToPipeableStream.
// The page's React tree is the same: the site header (signed out) and footer around the board, as the root layout
// renders them. It leaves out what the framework and the product add around that tree: express, Remix's request
// pipeline (route matching, the root loader's session and locale, loader data), security headers, the CSP nonce,
// the hydration data, route manifest and scripts. Run by load.ts with the same number of processes.
import cluster from "node:cluster";
import http from "node:http";
import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { LocaleProvider } from "~/components/i18n";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import Board from "~/routes/jobs";
import { publicBoard } from "~/services/job-orders/read.server";
import { createDb } from "~db/client";
import { createSearch } from "~search/client";

const PROCESSES = Number(process.env.PROCESSES ?? 1);
const PORT = Number(process.env.PORT ?? 0);

if (cluster.isPrimary && PROCESSES > 1) {
  let up = 0;
  for (let i = 0; i < PROCESSES; i++) {
    cluster.fork().on("message", (m: { listening?: boolean }) => {
      if (m.listening && ++up === PROCESSES) console.log(`[ceiling] listening on ${PORT}`);
    });
  }
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const deps = {
    db: createDb(process.env.DATABASE_URL!, { max: Number(process.env.DB_POOL_MAX ?? 10) }),
    search: createSearch("http://127.0.0.1:1", "x"),
    now: () => new Date(),
  };
  // the loader reads the board per request, as the route's loader does (same use case, same pool size)
  // the root layout's body as the product renders it signed out (header, main, footer) around the board
  const Shell = () => (
    <>
      <SiteHeader user={null} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      Component: Shell,
      children: [
        {
          id: "routes/jobs",
          path: "jobs",
          loader: async () => ({
            filters: { country: "", sector: "", occupation: "" },
            ...(await publicBoard(deps, { page: 1 })),
          }),
          Component: Board,
        },
      ],
    },
  ]);
  const server = http.createServer((req, res) => {
    void (async () => {
      const context = await handler.query(new Request(`http://localhost${req.url ?? "/jobs"}`));
      if (context instanceof Response) throw new Error("unexpected redirect");
      const router = createStaticRouter(handler.dataRoutes, context);
      const stream = renderToPipeableStream(
        <html lang="en">
          <head>
            <meta charSet="utf-8" />
            <title>Jobs</title>
            <link rel="stylesheet" href="/build/app.css" />
          </head>
          <body>
            <LocaleProvider locale="en">
              <StaticRouterProvider router={router} context={context} hydrate={false} />
            </LocaleProvider>
          </body>
        </html>,
        {
          onShellReady() {
            res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
            const body = new PassThrough();
            body.pipe(res);
            stream.pipe(body);
          },
          onShellError(e) {
            res.writeHead(500).end(String(e));
          },
        },
      );
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(PORT, "127.0.0.1", () => {
    if (cluster.isWorker) process.send?.({ listening: true });
    else console.log(`[ceiling] listening on ${PORT}`);
  });
  process.on("SIGTERM", () => process.exit(0));
}
