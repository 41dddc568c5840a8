// `npm start`: the whole product on one machine. Starts PostgreSQL and Meilisearch from npm packages unless
// DATABASE_URL / MEILI_URL are set, migrates, loads demo data into an empty database, builds the app if
// needed and serves it. Ctrl-C stops everything it started. See docs/decisions/001-embedded-services.md.
import path from "node:path";
import { cookieSecure, EnvError, parseEnv, ServerEnvSchema, StartEnvSchema } from "~/env.server";
import { createDb, migrateToLatest } from "~db/client";
import { findUserByEmail } from "~db/users";
import { startHttpServer, type RunningServer } from "./http-server";
import { buildIfNeeded } from "./lib/build-if-needed";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoDataIfEmpty } from "./lib/demo-data";
import { clearRuntime, persistentSecret, writeRuntime } from "./lib/local-state";
import { ensureServices, stopAll, type Services } from "./lib/services";

let services: Services | undefined;
let server: RunningServer | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n[start] stopping…");
  await server?.close().catch(() => {});
  if (services) await stopAll(services.started);
  await clearRuntime(path.resolve(startEnv?.DATA_DIR ?? ".data")).catch(() => {});
  console.log("[start] stopped.");
  process.exit(code);
}

let startEnv: ReturnType<typeof parseEnv<typeof StartEnvSchema>> | undefined;

async function main() {
  const t0 = performance.now();
  startEnv = parseEnv(StartEnvSchema, process.env);
  const dataDir = path.resolve(startEnv.DATA_DIR);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(0));

  services = await ensureServices(startEnv, { search: true, reuseRunning: false });
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
  await db.destroy();

  const built = buildIfNeeded();
  server = await startHttpServer(env, { cookieSecure: cookieSecure(env) });
  const seeded = startEnv.SEED_DEMO_DATA ? await seedDemoDataIfEmpty(server.deps) : false;
  const hasDemo = startEnv.SEED_DEMO_DATA && (await findUserByEmail(server.deps.db, DEMO_LOGINS[0].email)) !== undefined;
  await writeRuntime(dataDir, {
    pid: process.pid,
    databaseUrl: env.DATABASE_URL,
    meiliUrl: env.MEILI_URL,
    meiliMasterKey: env.MEILI_MASTER_KEY,
    appUrl: server.url,
  });

  const lines = [
    "",
    `Jembatan is running on ${server.url}  (ready in ${Math.round(performance.now() - t0)} ms)`,
    `  PostgreSQL   ${services.describe.postgres}`,
    `  Meilisearch  ${services.describe.meilisearch}`,
    `  migrations   ${applied.length ? `applied ${applied.map((m) => m.migrationName).join(", ")}` : "up to date"}`,
    `  build        ${built === "built" ? "built now" : "up to date"}`,
    `  demo data    ${seeded ? "loaded now" : hasDemo ? "present" : "none"}`,
    `  health       ${server.url}/healthz`,
  ];
  if (hasDemo) {
    lines.push("", `Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) lines.push(`  ${l.email.padEnd(32)} ${l.what}`);
  }
  lines.push("", "Press Ctrl-C to stop.");
  console.log(lines.join("\n"));
}

main().catch(async (e: unknown) => {
  console.error(e instanceof EnvError ? e.message : e);
  await shutdown(1);
});
