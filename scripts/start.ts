// `npm start`: the whole product on one machine. Starts PostgreSQL and Meilisearch from npm packages unless
// DATABASE_URL / MEILI_URL are set, migrates, loads demo data into an empty database, builds the app if
// needed and serves it from one process per core (node:cluster). It watches what it started (a crashed
// service or app process is started again), and Ctrl-C — or SIGTERM/SIGHUP, or the death of the npm process
// that ran it — stops everything. See docs/decisions/001-embedded-services.md and 009-faults-and-load.md.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { cookieSecure, EnvError, parseEnv, ServerEnvSchema, StartEnvSchema, type ServerEnv } from "~/env.server";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { findUserByEmail } from "~db/users";
import { startHttpServer, type RunningServer } from "./http-server";
import { buildIfNeeded } from "./lib/build-if-needed";
import { DEMO_LOGINS, DEMO_PASSWORD, demoKioskCode, seedDemoDataIfEmpty } from "./lib/demo-data";
import { clearRuntime, persistentSecret, readLiveRuntime, writeRuntime } from "./lib/local-state";
import { ensureServices, stopAll, type Services } from "./lib/services";
import { isAlive, procStat } from "./lib/orphans";
import { describeStartupError } from "./lib/startup-errors";

const ROLE_ENV = "JEMBATAN_ROLE";
// npm start builds and serves the production build in build/, whatever a shell left set for `npm run dev`
// (scripts/lib/build-dirs.js); its worker processes inherit this environment.
delete process.env.JEMBATAN_DEV_BUILD;

// ---------------------------------------------------------------------------------------------- primary

let services: Services | undefined;
let stopping = false;
let startEnv: ReturnType<typeof parseEnv<typeof StartEnvSchema>> | undefined;
const roles = new Map<Worker, "background" | "web">();

async function shutdown(code: number, why?: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n[start] stopping${why ? ` (${why})` : ""}…`);
  await stopWorkers();
  if (services) await stopAll(services.started);
  await clearRuntime(path.resolve(startEnv?.DATA_DIR ?? ".data")).catch(() => {});
  console.log("[start] stopped.");
  process.exit(code);
}

async function stopWorkers() {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => w.process.kill("SIGKILL"), 10_000);
          w.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          w.process.kill("SIGTERM");
        }),
    ),
  );
}

async function primary() {
  const t0 = performance.now();
  try {
    startEnv = parseEnv(StartEnvSchema, process.env);
    const dataDir = path.resolve(startEnv.DATA_DIR);
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(0, sig));
    watchParent();

    const other = await readLiveRuntime(dataDir);
    if (other && other.pid !== process.pid) {
      throw new Error(
        `Jembatan is already running from this folder (process ${other.pid}, ${other.appUrl}). Stop it first ` +
          `(Ctrl-C in its terminal, or \`kill ${other.pid}\`), or give this one another DATA_DIR and PORT.`,
      );
    }

    services = await ensureServices(startEnv, { search: true, reuseRunning: false });
    superviseServices(services);
    const sessionSecret = startEnv.SESSION_SECRET ?? (await persistentSecret(dataDir, "session-secret"));
    const env = parseEnv(ServerEnvSchema, {
      ...process.env,
      DATABASE_URL: services.databaseUrl,
      MEILI_URL: services.meiliUrl,
      MEILI_MASTER_KEY: services.meiliMasterKey,
      SESSION_SECRET: sessionSecret,
    });

    const db = createDb(env.DATABASE_URL, { max: 2 });
    const applied = await migrateToLatest(db);
    const built = buildIfNeeded();
    const deps = { db, search: createSearch(env.MEILI_URL, env.MEILI_MASTER_KEY), now: () => new Date() };
    const seeded = startEnv.SEED_DEMO_DATA ? await seedDemoDataIfEmpty(deps) : false;
    const hasDemo = startEnv.SEED_DEMO_DATA && (await findUserByEmail(db, DEMO_LOGINS[0].email)) !== undefined;
    const kiosk = hasDemo ? await demoKioskCode(deps) : null;
    await db.destroy();

    const count = env.WEB_CONCURRENCY || os.availableParallelism();
    const url = await forkWorkers(env, count);
    await writeRuntime(dataDir, {
      pid: process.pid,
      databaseUrl: env.DATABASE_URL,
      meiliUrl: env.MEILI_URL,
      meiliMasterKey: env.MEILI_MASTER_KEY,
      appUrl: url,
    });

    const lines = [
      "",
      `Jembatan is running on ${url}  (ready in ${Math.round(performance.now() - t0)} ms)`,
      `  app          ${count} process${count === 1 ? "" : "es"} (WEB_CONCURRENCY), background work in one`,
      `  PostgreSQL   ${services.describe.postgres}`,
      `  Meilisearch  ${services.describe.meilisearch}`,
      `  migrations   ${applied.length ? `applied ${applied.map((m) => m.migrationName).join(", ")}` : "up to date"}`,
      `  build        ${built === "built" ? "built now" : "up to date"}`,
      `  demo data    ${seeded ? "loaded now" : hasDemo ? "present" : "none"}`,
      `  health       ${url}/healthz`,
    ];
    if (hasDemo) {
      lines.push("", `Demo logins (password: ${DEMO_PASSWORD}):`);
      for (const l of DEMO_LOGINS) lines.push(`  ${l.email.padEnd(32)} ${l.what}`);
    }
    if (kiosk) {
      lines.push(
        "",
        `Booth kiosk (${kiosk.slug}): open ${url}/booth/enrol?code=${kiosk.code} and press Enrol`,
        `  (the code works once, for 10 minutes; staff make more on ${url}/events/${kiosk.slug})`,
      );
    }
    lines.push("", "Press Ctrl-C to stop.");
    console.log(lines.join("\n"));
  } catch (e) {
    console.error(`[start] ${e instanceof EnvError ? e.message : describeStartupError(e)}`);
    await shutdown(1);
  }
}

/** Forks `count` app processes; the first runs the background work. Resolves with the URL once all listen. */
function forkWorkers(env: ServerEnv, count: number): Promise<string> {
  // Workers inherit this environment; what was found or generated here is added (and parsed again there).
  const extra = {
    DATABASE_URL: env.DATABASE_URL,
    MEILI_URL: env.MEILI_URL,
    MEILI_MASTER_KEY: env.MEILI_MASTER_KEY,
    SESSION_SECRET: env.SESSION_SECRET,
  };
  const fork = (role: "background" | "web") => {
    const w = cluster.fork({ ...extra, [ROLE_ENV]: role });
    roles.set(w, role);
    return w;
  };
  // A process that dies is replaced (with the same role), unless it keeps dying at once: then stop, saying so.
  const recentDeaths: number[] = [];
  cluster.on("exit", (w, code, signal) => {
    const role = roles.get(w) ?? "web";
    roles.delete(w);
    if (stopping) return;
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && now - recentDeaths[0]! > 60_000) recentDeaths.shift();
    if (recentDeaths.length > 5) {
      void shutdown(1, `app processes keep exiting (last: ${signal ?? `code ${code}`}); see the messages above`);
      return;
    }
    console.error(`[start] an app process (${role}) exited (${signal ?? `code ${code}`}); starting another`);
    fork(role);
  });
  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on("message", (_w, msg: unknown) => {
      const m = msg as { type?: string; url?: string; error?: string };
      if (m.type === "listening" && ++listening === count) resolve(m.url ?? "");
      if (m.type === "failed") reject(new Error(m.error));
    });
    for (let i = 0; i < count; i++) fork(i === 0 ? "background" : "web");
  });
}

/** PostgreSQL or Meilisearch exiting on their own (a crash, an OOM kill) is said, and they are started again. */
function superviseServices(s: Services) {
  for (const svc of s.started) {
    const deaths: number[] = [];
    svc.onUnexpectedExit((code, signal) => {
      if (stopping) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && now - deaths[0]! > 60_000) deaths.shift();
      if (deaths.length > 3) {
        void shutdown(1, `${svc.name} keeps exiting (${signal ?? `code ${code}`}); its log is in the data directory`);
        return;
      }
      console.error(`[start] ${svc.name} exited unexpectedly (${signal ?? `code ${code}`}); starting it again…`);
      const again = async (attempt: number): Promise<void> => {
        try {
          await svc.start();
          console.log(`[start] ${svc.name} is back (${svc.where}).`);
        } catch (e) {
          if (attempt >= 5)
            return void shutdown(1, `${svc.name} could not be started again: ${describeStartupError(e)}`);
          await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
          return again(attempt + 1);
        }
      };
      void again(0);
    });
  }
}

/**
 * npm passes a signal sent to it alone to its direct child only. `npm start` execs this process (package.json), so
 * that child is us; run another way (a `sh -c` that does not exec, tsx's wrapper), the signal would stop at the
 * shell. As a backstop the primary watches its ancestors up to npm: when any of them ends, it stops what it
 * started instead of holding .data/ as orphans.
 */
function watchParent() {
  const watched = ancestors();
  const timer = setInterval(() => {
    const gone = watched.find((a) => !isAlive(a.pid));
    if (gone) void shutdown(0, `${gone.name} (process ${gone.pid}), which started Jembatan, ended`);
  }, 1000);
  timer.unref();
}

/** The chain of parents up to and including the first npm (at most 4), from /proc. */
function ancestors(): { pid: number; name: string }[] {
  const chain: { pid: number; name: string }[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 4) {
    const stat = procStat(pid);
    if (!stat) break; // not Linux, or already gone
    chain.push({ pid, name: stat.name });
    if (/^npm/.test(stat.name)) break;
    pid = stat.parentPid;
  }
  return chain.length ? chain : [{ pid: process.ppid, name: "the parent process" }];
}

// ---------------------------------------------------------------------------------------------- worker

async function worker() {
  let server: RunningServer | undefined;
  const exit = async () => {
    await server?.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void exit());
  process.on("SIGINT", () => {}); // Ctrl-C reaches the whole group; the primary decides and sends SIGTERM
  process.on("disconnect", () => void exit()); // the primary is gone
  try {
    const env = parseEnv(ServerEnvSchema, process.env);
    server = await startHttpServer(env, {
      cookieSecure: cookieSecure(env),
      background: process.env[ROLE_ENV] === "background",
    });
    process.send?.({ type: "listening", url: server.url });
  } catch (e) {
    process.send?.({ type: "failed", error: describeStartupError(e) });
    process.exit(1);
  }
}

// Last, so every module-level binding above is initialised before either side runs.
if (cluster.isPrimary) void primary();
else void worker();
