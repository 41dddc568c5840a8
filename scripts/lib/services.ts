import path from "node:path";
import type { StartEnv } from "~/env.server";
import { startEmbeddedMeilisearch } from "./embedded-meilisearch";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDir, persistentSecret, readLiveRuntime } from "./local-state";

export interface Services {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  /** what was started here, to be stopped on exit (empty when external services are used) */
  started: { name: string; where: string; stop: () => Promise<void> }[];
  describe: { postgres: string; meilisearch: string };
}

/**
 * External services when DATABASE_URL / MEILI_URL are set; otherwise the embedded ones under DATA_DIR.
 * `reuseRunning`: the admin CLI attaches to the services of a running `npm start` instead of starting
 * a second PostgreSQL on the same data directory.
 */
export async function ensureServices(env: StartEnv, opts: { search: boolean; reuseRunning: boolean; log?: boolean }): Promise<Services> {
  const dataDir = path.resolve(env.DATA_DIR);
  await ensureDir(dataDir);
  const running = opts.reuseRunning ? await readLiveRuntime(dataDir) : null;
  const started: Services["started"] = [];
  try {
    let databaseUrl = env.DATABASE_URL ?? running?.databaseUrl;
    let pgWhere = env.DATABASE_URL ? "external (DATABASE_URL)" : running ? "shared with the running npm start" : "";
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: true, log: opts.log });
      databaseUrl = pg.url;
      pgWhere = `embedded, 127.0.0.1:${pg.port}, data in ${path.join(env.DATA_DIR, "postgres")}`;
      started.push({ name: "postgres", where: pgWhere, stop: pg.stop });
    }

    let meiliUrl = env.MEILI_URL ?? running?.meiliUrl ?? "";
    let meiliMasterKey = env.MEILI_MASTER_KEY ?? running?.meiliMasterKey ?? "";
    let meiliWhere = env.MEILI_URL ? "external (MEILI_URL)" : running ? "shared with the running npm start" : "not started";
    if (opts.search && !meiliUrl) {
      meiliMasterKey = await persistentSecret(dataDir, "meili-master-key");
      const meili = await startEmbeddedMeilisearch({ dir: path.join(dataDir, "meilisearch"), masterKey: meiliMasterKey, persistent: true, log: opts.log });
      meiliUrl = meili.url;
      meiliWhere = `embedded, ${meili.url}, data in ${path.join(env.DATA_DIR, "meilisearch")}`;
      started.push({ name: "meilisearch", where: meiliWhere, stop: meili.stop });
    }
    return { databaseUrl, meiliUrl, meiliMasterKey, started, describe: { postgres: pgWhere, meilisearch: meiliWhere } };
  } catch (e) {
    await stopAll(started);
    throw e;
  }
}

/** Stops what was started, in reverse order. */
export async function stopAll(started: Services["started"]) {
  for (const s of [...started].reverse()) await s.stop().catch((e: unknown) => console.error(`[stop] ${s.name}:`, e));
}
