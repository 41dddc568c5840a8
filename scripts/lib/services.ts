import path from "node:path";
import type { StartEnv } from "~/env.server";
import { startEmbeddedMeilisearch } from "./embedded-meilisearch";
import { DataDirHeldError, startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDir, persistentSecret, readLiveRuntime } from "./local-state";
import { describeHolder, stopProcess } from "./orphans";

export interface StartedService {
  name: "PostgreSQL" | "Meilisearch";
  where: string;
  pid(): number | undefined;
  onUnexpectedExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface Services {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  /** what was started here, to be watched and stopped on exit (empty when external services are used) */
  started: StartedService[];
  describe: { postgres: string; meilisearch: string };
}

/**
 * External services when DATABASE_URL / MEILI_URL are set; otherwise the embedded ones under DATA_DIR.
 * `reuseRunning`: the admin CLI attaches to the services of a running `npm start` instead of starting
 * a second PostgreSQL on the same data directory.
 */
export async function ensureServices(
  env: StartEnv,
  opts: { search: boolean; reuseRunning: boolean; log?: boolean },
): Promise<Services> {
  const dataDir = path.resolve(env.DATA_DIR);
  await ensureDir(dataDir);
  const running = opts.reuseRunning ? await readLiveRuntime(dataDir) : null;
  const started: StartedService[] = [];
  try {
    let databaseUrl = env.DATABASE_URL ?? running?.databaseUrl;
    let pgWhere = env.DATABASE_URL ? "external (DATABASE_URL)" : running ? "shared with the running npm start" : "";
    if (!databaseUrl) {
      const pgDir = path.join(dataDir, "postgres");
      const pg = await clearingOrphans(
        () => startEmbeddedPostgres({ dataDir: pgDir, persistent: true, log: opts.log }),
        "SIGINT",
      );
      databaseUrl = pg.url;
      pgWhere = `embedded, 127.0.0.1:${pg.port}, data in ${path.join(env.DATA_DIR, "postgres")}`;
      started.push({ name: "PostgreSQL", where: pgWhere, ...pick(pg) });
    }

    let meiliUrl = env.MEILI_URL ?? running?.meiliUrl ?? "";
    let meiliMasterKey = env.MEILI_MASTER_KEY ?? running?.meiliMasterKey ?? "";
    let meiliWhere = env.MEILI_URL
      ? "external (MEILI_URL)"
      : running
        ? "shared with the running npm start"
        : "not started";
    if (opts.search && !meiliUrl) {
      meiliMasterKey = await persistentSecret(dataDir, "meili-master-key");
      const dir = path.join(dataDir, "meilisearch");
      const meili = await clearingOrphans(
        () => startEmbeddedMeilisearch({ dir, masterKey: meiliMasterKey, persistent: true, log: opts.log }),
        "SIGTERM",
      );
      meiliUrl = meili.url;
      meiliWhere = `embedded, ${meili.url}, data in ${path.join(env.DATA_DIR, "meilisearch")}`;
      started.push({ name: "Meilisearch", where: meiliWhere, ...pick(meili) });
    }
    return { databaseUrl, meiliUrl, meiliMasterKey, started, describe: { postgres: pgWhere, meilisearch: meiliWhere } };
  } catch (e) {
    await stopAll(started);
    throw e;
  }
}

function pick<S extends Omit<StartedService, "name" | "where">>(s: S): Omit<StartedService, "name" | "where"> {
  return { pid: s.pid, onUnexpectedExit: s.onUnexpectedExit, start: s.start, stop: s.stop };
}

/**
 * A data directory held by a server whose starter is gone (an earlier `npm start` killed with SIGKILL, or
 * signalled through npm alone) is ours: stop that orphan, say so, and start again. Held by a live process
 * (another `npm start`, `npm run admin`): say which, and what to do.
 */
async function clearingOrphans<T>(start: () => Promise<T>, stopSignal: NodeJS.Signals): Promise<T> {
  try {
    return await start();
  } catch (e) {
    if (!(e instanceof DataDirHeldError)) throw e;
    const holder = await describeHolder(e.pid);
    if (!holder.orphan) {
      throw new Error(
        `${e.service} is already running on ${e.dataDir} as process ${e.pid}, started by process ${holder.parentPid} ` +
          `(${holder.parentCommand || "unknown command"}). Is Jembatan already running? Stop it first (Ctrl-C in its ` +
          `terminal, or \`kill ${holder.parentPid}\`), or give this one another DATA_DIR.`,
      );
    }
    console.log(
      `[start] ${e.service} (process ${e.pid}) was left running on ${e.dataDir} by an earlier start that did not stop it; stopping it.`,
    );
    await stopProcess(e.pid, stopSignal);
    return await start();
  }
}

/** Stops what was started, in reverse order. */
export async function stopAll(started: Services["started"]) {
  for (const s of [...started].reverse()) await s.stop().catch((e: unknown) => console.error(`[stop] ${s.name}:`, e));
}
