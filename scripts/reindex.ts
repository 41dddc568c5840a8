// `npm run reindex`: rebuilds the workers index from PostgreSQL into a new index and swaps it in (no empty window).
// Uses DATABASE_URL / MEILI_URL when set, else the services of a running `npm start`, else starts the embedded ones.
import { EnvError, parseEnv, StartEnvSchema } from "~/env.server";
import { reindexWorkers } from "~/services/search/drain-outbox.server";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { ensureServices, stopAll } from "./lib/services";

async function main() {
  const env = parseEnv(StartEnvSchema, process.env);
  const services = await ensureServices(env, { search: true, reuseRunning: true });
  const db = createDb(services.databaseUrl, { max: 3 });
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const n = await reindexWorkers({
      db,
      search: createSearch(services.meiliUrl, services.meiliMasterKey),
      now: () => new Date(),
    });
    console.log(`reindexed ${n} worker profiles in ${Math.round(performance.now() - t0)} ms (new index swapped in)`);
  } finally {
    await db.destroy();
    await stopAll(services.started);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});
