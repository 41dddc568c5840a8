// `npm run dev`: the product for someone changing it. The same embedded PostgreSQL and Meilisearch as `npm start`
// (those of a running `npm start` in the same DATA_DIR are reused, otherwise they are started here), migrated and
// with demo data, then Remix's own dev server (`remix dev`, the classic compiler in watch mode): every saved change
// rebuilds the app, restarts the one app process (scripts/serve.ts) and reloads the browser (`<LiveReload>` in
// app/root.tsx; it renders nothing outside development). Ctrl-C stops what this started.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv, StartEnvSchema } from "~/env.server";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoDataIfEmpty } from "./lib/demo-data";
import { persistentSecret } from "./lib/local-state";
import { getFreePort } from "./lib/ports";
import { ensureServices, stopAll, type Services } from "./lib/services";
import { describeStartupError } from "./lib/startup-errors";

const ROOT = path.resolve(import.meta.dirname, "..");
let services: Services | undefined;
let remix: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (remix && remix.exitCode === null) {
    const exited = new Promise((r) => remix!.once("exit", r));
    try {
      process.kill(-remix.pid!, "SIGTERM");
    } catch {
      remix.kill("SIGTERM");
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  if (services) await stopAll(services.started);
  process.exit(code);
}

try {
  const env = parseEnv(StartEnvSchema, process.env);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void stop(0));
  services = await ensureServices(env, { search: true, reuseRunning: true });
  const sessionSecret = env.SESSION_SECRET ?? (await persistentSecret(path.resolve(env.DATA_DIR), "session-secret"));
  const db = createDb(services.databaseUrl, { max: 2 });
  await migrateToLatest(db);
  const deps = { db, search: createSearch(services.meiliUrl, services.meiliMasterKey), now: () => new Date() };
  if (env.SEED_DEMO_DATA) await seedDemoDataIfEmpty(deps);
  await db.destroy();
  console.log(
    [
      "[dev] PostgreSQL   " + services.describe.postgres,
      "[dev] Meilisearch  " + services.describe.meilisearch,
      `[dev] demo logins (password: ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(", ")}`,
      "[dev] starting remix dev: saved changes rebuild, restart the app and reload the browser",
    ].join("\n"),
  );
  const port = String(env.PORT ?? 3000);
  // the live-reload socket on a free port (remix dev's default, 8002, would clash with a second checkout's dev)
  const reloadPort = String(await getFreePort());
  const cli = path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js");
  remix = spawn(
    process.execPath,
    [cli, "dev", "--port", reloadPort, "-c", `${process.execPath} --import tsx scripts/serve.ts`],
    {
      cwd: ROOT,
      stdio: "inherit",
      // its own process group: remix dev leaves its app server running when only it is signalled
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "development",
        // its own build tree (.cache/dev/), so npm start and npm test keep the production build in build/
        JEMBATAN_DEV_BUILD: "1",
        PORT: port,
        DATABASE_URL: services.databaseUrl,
        MEILI_URL: services.meiliUrl,
        MEILI_MASTER_KEY: services.meiliMasterKey,
        SESSION_SECRET: sessionSecret,
      },
    },
  );
  remix.once("exit", (code) => {
    if (!stopping) {
      console.error(`[dev] remix dev exited (${code ?? "signal"})`);
      void stop(code ?? 1);
    }
  });
} catch (e) {
  console.error(`[dev] ${e instanceof EnvError ? e.message : describeStartupError(e)}`);
  await stop(1);
}
