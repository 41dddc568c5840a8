// A watchdog for throwaway servers (the test suite's PostgreSQL, Meilisearch and app processes): a detached
// process that waits for the process that started them to end and then stops whatever still holds their
// directories, and deletes the directories. Normal teardown stops them first; the reaper is for a run that was
// killed (Ctrl-C twice, a CI timeout, SIGKILL), which otherwise left servers running and ports taken.
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { meiliHoldingDir } from "./embedded-meilisearch";
import { livePostmasterPid } from "./embedded-postgres";
import { isAlive } from "./orphans";

export interface ReaperOrders {
  /** the process whose end sets the reaper off */
  watch: number;
  /** PostgreSQL data directories (the postmaster in postmaster.pid is stopped) */
  postgres?: string[];
  /** Meilisearch directories as given to startEmbeddedMeilisearch (the one serving <dir>/data.ms is stopped) */
  meilisearch?: string[];
  /** other processes to stop (app servers) */
  pids?: number[];
  /** directories to delete afterwards */
  remove?: string[];
}

/** Starts a reaper for these orders; it outlives the caller by design and ends once it has acted. */
export function startReaper(orders: ReaperOrders): void {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, JSON.stringify(orders)], {
    detached: true,
    stdio: "ignore",
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: process.env,
  });
  child.unref();
}

const signal = (pid: number | null | undefined, sig: NodeJS.Signals) => {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
};

async function reap(o: ReaperOrders): Promise<void> {
  while (isAlive(o.watch)) await new Promise((r) => setTimeout(r, 500));
  for (const pid of o.pids ?? []) signal(pid, "SIGKILL");
  // PostgreSQL: an immediate shutdown (SIGQUIT ends its backends too), then SIGKILL if it lingers
  const postmasters = (o.postgres ?? []).map((d) => livePostmasterPid(d));
  for (const pid of postmasters) signal(pid, "SIGQUIT");
  for (const dir of o.meilisearch ?? []) signal(await meiliHoldingDir(path.resolve(dir, "data.ms")), "SIGKILL");
  await new Promise((r) => setTimeout(r, 2000));
  for (const pid of postmasters) if (pid && isAlive(pid)) signal(pid, "SIGKILL");
  for (const dir of o.remove ?? []) await rm(dir, { recursive: true, force: true }).catch(() => {});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void reap(JSON.parse(process.argv[2] ?? "{}") as ReaperOrders).finally(() => process.exit(0));
}
