import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { livePostmasterPid } from "../../scripts/lib/embedded-postgres";
import { procStat } from "../../scripts/lib/orphans";
import { getFreePort } from "../../scripts/lib/ports";
import { startReaper } from "../../scripts/lib/reaper";

// `npm start` itself, with its own DATA_DIR (embedded PostgreSQL and Meilisearch) and no demo data: how it stops,
// how it treats what a killed start left behind, and how it watches the services it started.

const ROOT = path.resolve(import.meta.dirname, "../..");
let dataDir = "";
const started: ChildProcess[] = [];

afterAll(async () => {
  for (const c of started) if (c.pid && c.exitCode === null) kill(-c.pid, "SIGKILL");
  for (const pid of groupMembers(started.map((c) => c.pid!))) kill(pid, "SIGKILL");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function kill(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** Live processes in these process groups (from /proc). */
function groupMembers(pgids: number[]): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => {
      const stat = procStat(pid); // null: exited while we looked
      return stat !== null && stat.state !== "Z" && pgids.includes(stat.groupId);
    });
}

interface Run {
  npm: ChildProcess;
  output(): string;
  url: string;
  exited: Promise<void>;
}

async function npmStart(port: number): Promise<Run> {
  let output = "";
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true, // its own process group, as in a terminal: signals below go to npm alone
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO_DATA: "false",
      WEB_CONCURRENCY: "2",
      DATABASE_URL: "",
      MEILI_URL: "",
      MEILI_MASTER_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(npm);
  startReaper({
    watch: process.pid,
    pids: [npm.pid!],
    postgres: [path.join(dataDir, "postgres")],
    meilisearch: [path.join(dataDir, "meilisearch")],
  });
  npm.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  npm.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => npm.once("exit", () => r()));
  const deadline = Date.now() + 90_000;
  while (!output.includes("Press Ctrl-C to stop.")) {
    if (npm.exitCode !== null) throw new Error(`npm start exited (${npm.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start was not up in 90 s:\n${output}`);
    await sleep(200);
  }
  return { npm, output: () => output, url: `http://127.0.0.1:${port}`, exited };
}

/** As a project folder is: readable by the user PostgreSQL drops to when started as root (mkdtemp gives 0700). */
async function newDataDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "jembatan-npm-start-"));
  await chmod(dir, 0o755);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const healthy = async (url: string) => (await fetch(`${url}/healthz`).catch(() => null))?.status === 200;
const runtime = () => JSON.parse(readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as { pid: number };

describe("npm start", () => {
  it("restarts a crashed PostgreSQL and says so, and stops everything on SIGTERM to the npm process alone", async () => {
    dataDir = await newDataDir();
    const run = await npmStart(await getFreePort());
    expect(await healthy(run.url)).toBe(true);

    const postmaster = livePostmasterPid(path.join(dataDir, "postgres"))!;
    expect(postmaster).toBeGreaterThan(0);
    process.kill(postmaster, "SIGKILL");
    await until("PostgreSQL to be back", () => run.output().includes("PostgreSQL is back"));
    expect(run.output()).toMatch(/PostgreSQL exited unexpectedly \(SIGKILL\); starting it again/);
    await until("health", () => healthy(run.url));

    process.kill(run.npm.pid!, "SIGTERM");
    await Promise.race([run.exited, sleep(30_000)]);
    await until("every process of the start to end", () => groupMembers([run.npm.pid!]).length === 0);
    expect(run.output()).toContain("[start] stopped.");
    expect(livePostmasterPid(path.join(dataDir, "postgres"))).toBeNull();
    expect(existsSync(path.join(dataDir, "runtime.json"))).toBe(false);
  }, 150_000);

  it("after a start killed with SIGKILL, the next one stops the servers it left, says so, and stops on SIGINT to npm alone", async () => {
    dataDir ||= await newDataDir();
    const first = await npmStart(await getFreePort());
    const primary = runtime().pid;
    process.kill(primary, "SIGKILL"); // its workers leave with it; PostgreSQL and Meilisearch stay as orphans
    await Promise.race([first.exited, sleep(30_000)]);
    expect(livePostmasterPid(path.join(dataDir, "postgres"))).not.toBeNull();

    const second = await npmStart(await getFreePort());
    expect(second.output()).toMatch(/was left running on .* by an earlier start that did not stop it; stopping it/);
    expect(await healthy(second.url)).toBe(true);

    process.kill(second.npm.pid!, "SIGINT");
    await Promise.race([second.exited, sleep(30_000)]);
    await until(
      "every process of the start to end",
      () => groupMembers([first.npm.pid!, second.npm.pid!]).length === 0,
    );
    expect(livePostmasterPid(path.join(dataDir, "postgres"))).toBeNull();
  }, 200_000);
});
