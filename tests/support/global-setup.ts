import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb, migrateToLatest } from "~db/client";
import { startEmbeddedMeilisearch } from "../../scripts/lib/embedded-meilisearch";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { startReaper } from "../../scripts/lib/reaper";
import { startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    meiliUrl: string;
    meiliMasterKey: string;
    sessionSecret: string;
  }
}

/**
 * Once per `vitest run`: a throwaway PostgreSQL and Meilisearch (deleted afterwards), migrations, and the
 * built app served against them. Test files share these and keep apart by creating their own organisations.
 */
export default async function setup(project: TestProject) {
  const t0 = performance.now();
  const [pgDir, meiliDir] = await Promise.all([
    mkdtemp(path.join(os.tmpdir(), "jembatan-test-pg-")),
    mkdtemp(path.join(os.tmpdir(), "jembatan-test-meili-")),
  ]);
  // if this run is killed, nothing is left running or on disk
  startReaper({ watch: process.pid, postgres: [pgDir], meilisearch: [meiliDir], remove: [pgDir, meiliDir] });
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: pgDir, persistent: false }),
    startEmbeddedMeilisearch({ dir: meiliDir, masterKey: randomBytes(24).toString("hex"), persistent: false }),
  ]);
  const db = createDb(pg.url, { max: 1 });
  await migrateToLatest(db);
  await db.destroy();

  const sessionSecret = randomBytes(32).toString("hex");
  const app = await startAppServer({
    DATABASE_URL: pg.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    SESSION_SECRET: sessionSecret,
    // Tests give each client its own X-Forwarded-For address, so per-address limits stay per test.
    TRUST_PROXY: "1",
    LOGIN_MAX_FAILURES_PER_IP: "30",
    OUTBOX_POLL_MS: "200",
    // tests run the fit-notification processor's tick themselves (tests/integration/fit-notifications.test.ts)
    FIT_NOTIFY_POLL_MS: "0",
  });
  console.log(
    `[global-setup] postgres + meilisearch + app up in ${Math.round(performance.now() - t0)} ms (${app.url})`,
  );
  project.provide("baseUrl", app.url);
  project.provide("databaseUrl", pg.url);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliMasterKey", meili.masterKey);
  project.provide("sessionSecret", sessionSecret);
  return async () => {
    await app.stop();
    await Promise.allSettled([pg.stop(), meili.stop()]);
  };
}
