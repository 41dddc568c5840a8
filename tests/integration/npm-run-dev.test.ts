import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { procStat } from "../../scripts/lib/orphans";
import { getFreePort } from "../../scripts/lib/ports";
import { startReaper } from "../../scripts/lib/reaper";

// `npm run dev` with its own DATA_DIR: it serves the app with live reload from a build tree of its own, so the
// production build the suite and `npm start` serve (build/, public/build/) is never replaced, and Ctrl-C (SIGINT to
// the group, as a terminal sends it) leaves nothing running.

const ROOT = path.resolve(import.meta.dirname, "../..");
let dataDir = "";
let dev: ChildProcess | undefined;

let tree: number[] = [];

afterAll(async () => {
  for (const pid of tree) kill(pid, "SIGKILL");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function kill(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** Every live process below `root` (remix dev runs in a process group of its own, so the tree, not the group). */
function descendants(root: number): number[] {
  const live = readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .map((pid) => ({ pid, stat: procStat(pid) }))
    .filter((p) => p.stat !== null && p.stat.state !== "Z");
  const below = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of live) {
      if (below.has(p.pid) || !below.has(p.stat!.parentPid)) continue;
      below.add(p.pid);
      grew = true;
    }
  }
  return live.map((p) => p.pid).filter((pid) => below.has(pid));
}

const alive = (pid: number) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== "Z";
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("serves with live reload from its own build tree, leaves build/ alone, and stops whole on Ctrl-C", async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "jembatan-dev-"));
  await chmod(dataDir, 0o755);
  const prodBuild = path.join(ROOT, "build/index.js");
  const prodBuiltAt = statSync(prodBuild).mtimeMs;
  const port = await getFreePort();
  let output = "";
  dev = spawn("npm", ["run", "dev"], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED_DEMO_DATA: "false",
      DATABASE_URL: "",
      MEILI_URL: "",
      MEILI_MASTER_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  startReaper({
    watch: process.pid,
    pids: [dev.pid!],
    postgres: [path.join(dataDir, "postgres")],
    meilisearch: [path.join(dataDir, "meilisearch")],
  });
  dev.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  dev.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => dev!.once("exit", () => r()));
  for (let waited = 0; !output.includes("[serve] listening"); waited += 200) {
    if (dev.exitCode !== null) throw new Error(`npm run dev exited (${dev.exitCode}):\n${output}`);
    if (waited > 120_000) throw new Error(`npm run dev was not up in 120 s:\n${output}`);
    await sleep(200);
  }

  const res = await fetch(`http://127.0.0.1:${port}/jobs`);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain("LiveReload"); // the development build, with the reload socket
  const asset = html.match(/\/build\/[^"]+\.js/)?.[0];
  expect(asset).toBeDefined();
  expect((await fetch(`http://127.0.0.1:${port}${asset}`)).status).toBe(200); // served from the dev tree
  expect(existsSync(path.join(ROOT, ".cache/dev/build/index.js"))).toBe(true);
  expect(statSync(prodBuild).mtimeMs).toBe(prodBuiltAt);

  tree = descendants(dev.pid!);
  expect(tree.length).toBeGreaterThan(3); // npm, dev.ts, remix dev, the app, PostgreSQL, Meilisearch
  process.kill(-dev.pid!, "SIGINT");
  await exited;
  for (let waited = 0; tree.some(alive) && waited < 15_000; waited += 200) await sleep(200);
  expect(tree.filter(alive)).toEqual([]);
  expect(statSync(prodBuild).mtimeMs).toBe(prodBuiltAt);
}, 180_000);
