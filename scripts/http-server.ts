import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerEnv } from "~/env.server";
import { SESSION_DAYS } from "~/services/auth/sessions.server";
import { sweepAbuseCounters } from "~/services/abuse/rate-limits.server";
import { expireDueJobOrders } from "~/services/job-orders/lifecycle.server";
import { sweepExpiredHandoffs } from "~/services/booth/sweep-expired-handoffs.server";
import { sweepExpiredLeads } from "~/services/booth/sweep-expired-leads.server";
import { sweepExpiredFailedRows } from "~/services/workers/import-failed-rows.server";
import { startRankingKeeper } from "~/services/matching/ranking-cache.server";
import { startOutboxWorker } from "~/services/search/drain-outbox.server";
import { startFitNotifier } from "~/services/notifications/fit-notifications.server";
import { rateLimitedLog } from "~/services/log/rate-limited-log.server";
import { forgetExpiredIdempotencyKeys } from "~/services/idempotency/run-idempotent.server";
import type { Deps } from "~/services/deps.server";
import { createAppCookies } from "~/web/cookies.server";
import { checkSameOrigin } from "~/web/csrf";
import { withOutageResponses } from "~/web/outages.server";
import { cspNonceOf, securityHeaders } from "~/web/security-headers.server";
import { buildDirs } from "./lib/build-dirs";
import { answerEarly, refuseEmptyIdempotencyKey, rejectUnknownMethods } from "./lib/early-answer";
import { retryAfterOn503, shedLoad } from "./lib/load-shedding";
import { requestBodyRules, withBufferedBody } from "./lib/request-body";
import type { AppContext } from "~/web/context.server";
import { createDb } from "~db/client";
import { createSearch } from "~search/client";

export interface RunningServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "..");

/** The Remix app behind express: static files, the CSRF gate, then Remix with the app context. */
export interface ServerOptions {
  cookieSecure: boolean;
  /**
   * Run the background work (search outbox, expiry sweep) in this process. Under `npm start`'s cluster exactly
   * one process does; every process keeps its own match rankings fresh (they are its own memory).
   */
  background?: boolean;
}

export async function startHttpServer(env: ServerEnv, opts: ServerOptions): Promise<RunningServer> {
  const background = opts.background ?? true;
  const dirs = buildDirs();
  const build = (await import(pathToFileURL(dirs.serverBuildPath).href)) as ServerBuild;
  const deps: Deps = {
    db: createDb(env.DATABASE_URL, { max: env.DB_POOL_MAX, connectionTimeoutMs: env.DB_CONNECT_TIMEOUT_MS }),
    search: createSearch(env.MEILI_URL, env.MEILI_MASTER_KEY),
    now: () => new Date(),
  };
  const appContext: AppContext = {
    deps,
    env,
    cookies: createAppCookies({ secret: env.SESSION_SECRET, secure: opts.cookieSecure, sessionDays: SESSION_DAYS }),
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(rejectUnknownMethods);
  app.use(retryAfterOn503);
  app.use(shedLoad(env.MAX_IN_FLIGHT));
  // A hop count, never `true`: with `true` the client picks its own address (the left-most X-Forwarded-For entry).
  if (env.TRUST_PROXY > 0) app.set("trust proxy", env.TRUST_PROXY);
  // helmet (CSP with a per-request nonce, HSTS in production, …), Permissions-Policy, no-store when signed in.
  const liveReloadOrigin = env.NODE_ENV === "development" ? process.env.REMIX_DEV_ORIGIN : undefined;
  app.use(securityHeaders({ production: env.NODE_ENV === "production", liveReloadOrigin }));
  app.use("/build", express.static(dirs.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  // a compiled asset that is not there is not found: never a file of another build tree from public/ below
  app.use("/build", (_req, res) => void res.status(404).type("text/plain").send("Not found"));
  // Other public files have an extension (favicon.ico, robots.txt): pages never pay for a file-system lookup
  // (two stat() calls per request were 2 % of a /jobs render under load).
  const publicFiles = express.static(path.join(ROOT, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]{2,5}$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use((req, res, next) => {
    const verdict = checkSameOrigin({
      method: req.method,
      path: req.path,
      host: req.headers.host,
      origin: req.headers.origin,
      referer: req.headers.referer,
      secFetchSite: req.header("sec-fetch-site"),
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
    });
    if (!verdict) return next();
    answerEarly(req, res, { status: 403, code: "forbidden", messageKey: "errors.cross_site", api: false });
  });
  // Media type, size (per route) and UTF-8 of every body, read here and handed to Remix from memory.
  app.use(requestBodyRules());
  app.use(refuseEmptyIdempotencyKey);
  const remix = createRequestHandler({
    build: withOutageResponses(build),
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      ...appContext,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cspNonce: cspNonceOf(res),
    }),
  });
  app.all("*", (req, res, next) => remix(withBufferedBody(req), res, next));

  // Hourly, and at start-up: verified orders past their validity become "expired" (the public pages also read
  // validity directly, so nothing depends on this running exactly on time); ended rate-limit counters and
  // idempotency keys past their 24 hours are deleted.
  const sweep = () => {
    void expireDueJobOrders(deps).catch((e: unknown) => console.error("[expire]", e instanceof Error ? e.message : e));
    void sweepAbuseCounters(deps).catch((e: unknown) =>
      console.error("[rate-limits]", e instanceof Error ? e.message : e),
    );
    // booth leads past their event's retention period, unless converted (decision 019, "Follow-up")
    void sweepExpiredLeads(deps).catch((e: unknown) =>
      console.error("[lead-retention]", e instanceof Error ? e.message : e),
    );
    // the kiosk's phone handoff links, a day after they lapsed (decision 019, "Phone handoff")
    void sweepExpiredHandoffs(deps).catch((e: unknown) =>
      console.error("[handoffs]", e instanceof Error ? e.message : e),
    );
    // the rejected rows of imports, 72 hours after (they hold personal data)
    void sweepExpiredFailedRows(deps).catch((e: unknown) =>
      console.error("[import-failed-rows]", e instanceof Error ? e.message : e),
    );
    void forgetExpiredIdempotencyKeys(deps).catch((e: unknown) =>
      console.error("[idempotency]", e instanceof Error ? e.message : e),
    );
  };
  const sweeper = background ? setInterval(sweep, 3_600_000) : undefined;
  if (background) sweep();
  sweeper?.unref();
  // The search outbox worker: PostgreSQL → Meilisearch, retried until Meilisearch takes every change.
  // Failures say their cause, once per cause every 10 s (a Meilisearch outage is retried every poll).
  const outboxLog = rateLimitedLog((line) => console.error(line));
  const outbox = background
    ? startOutboxWorker(deps, {
        intervalMs: env.OUTBOX_POLL_MS,
        onError: (e) => {
          const cause = e instanceof Error ? e.message : String(e);
          outboxLog(cause, `[outbox] could not drain the search outbox: ${cause}; retrying`);
        },
        onBatchFailed: (r) =>
          outboxLog(
            r.error ?? "",
            `[outbox] Meilisearch did not take ${r.failed} change(s): ${r.error}; they back off and are retried`,
          ),
        onReindex: (n) =>
          console.log(`[outbox] search documents were of an older shape: reindexed ${n} profiles from PostgreSQL`),
      })
    : null;
  // Newly verified orders, announced to the agencies whose workers fit them (decision 023); retried until counted.
  const fitLog = rateLimitedLog((line) => console.error(line));
  const fitNotifier =
    background && env.FIT_NOTIFY_POLL_MS > 0
      ? startFitNotifier(deps, {
          intervalMs: env.FIT_NOTIFY_POLL_MS,
          onError: (e) => {
            const cause = e instanceof Error ? e.message : String(e);
            fitLog(cause, `[fit-notifications] could not look for verified orders: ${cause}; retrying`);
          },
          onJobFailed: (r) =>
            fitLog(
              r.error ?? "",
              `[fit-notifications] could not count an order's fitting workers: ${r.error}; retried`,
            ),
        })
      : null;
  // Kept match rankings follow the outbox: recently viewed ones catch up in the background (not on a request).
  const keeper = startRankingKeeper(deps, {
    intervalMs: Math.max(env.OUTBOX_POLL_MS, 250),
    onError: (e) => console.error("[rankings]", e instanceof Error ? e.message : e),
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.PORT, env.HOST, () => resolve(s));
    s.once("error", reject);
  });
  // Keep idle connections open longer than clients do (undici: 4 s; proxies: 60 s), so a client never reuses a
  // socket the server is closing at that moment ("other side closed"). headersTimeout must exceed it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Under `npm run dev` (remix dev): say the rebuilt app is up, so the dev server reloads the browser.
  if (liveReloadOrigin) await broadcastDevReady(build);
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.PORT;
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
  return {
    url: `http://${shownHost}:${port}`,
    deps,
    async close() {
      clearInterval(sweeper);
      await outbox?.stop();
      await fitNotifier?.stop();
      await keeper.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await deps.db.destroy();
    },
  };
}
