// Load benchmark: the product as `npm start` serves it (a node:cluster of WEB_CONCURRENCY processes, embedded
// PostgreSQL and Meilisearch in a throwaway DATA_DIR, demo data), hit by autocannon on four targets, and in the
// same run a plain node:http server rendering the same /jobs React tree (jobs-ceiling.tsx) as the ceiling.
//   npx tsx scripts/bench/load/load.ts [--connections 200] [--seconds 30] [--rounds 3] [--only jobs,login,orders,matches,ceiling]
// Prints req/s, p50/p99 latency, status codes, errors and timeouts per target, and /jobs ÷ ceiling: /jobs and the
// ceiling are hit in alternation for --rounds rounds (the machine's own drift over a minute is 10–20 %, as large
// as what is measured), and the ratio reported is the median of the rounds' ratios.
// Runs on the same machine as the load generator (here: 2 cores), so absolute figures are shared with autocannon.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import { createDb } from "~db/client";
import { findOrgBySlug } from "~db/orgs";
import { DEMO_PASSWORD } from "../../lib/demo-data";
import { getFreePort } from "../../lib/ports";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const CONNECTIONS = Number(arg("connections", "200"));
const SECONDS = Number(arg("seconds", "30"));
const ONLY = new Set(arg("only", "jobs,login,orders,matches,ceiling").split(","));
const ROUNDS = Math.max(1, Number(arg("rounds", "3")));
const ROOT = path.resolve(import.meta.dirname, "../../..");
const processes = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: string,
): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  // NODE_ENV=production as `npm start` sets it: React's development build is several times slower
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 180_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${args.join(" ")} not ready:\n${output}`);
    await sleep(200);
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(20_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

interface Row {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  codes: Record<string, number>;
  errors: number;
  timeouts: number;
  fivexx: number;
}

async function hit(target: string, opts: autocannon.Options): Promise<Row> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...opts });
  const codes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) codes[code] = (s as { count: number }).count;
  const fivexx = Object.entries(codes)
    .filter(([c]) => c.startsWith("5") && c !== "503")
    .reduce((n, [, v]) => n + v, 0);
  const row = {
    target,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    codes,
    errors: r.errors,
    timeouts: r.timeouts,
    fivexx,
  };
  console.log(
    `  ${target.padEnd(34)} ${String(Math.round(row.rps)).padStart(6)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms  ${Object.entries(
      codes,
    )
      .map(([c, n]) => `${c}×${n}`)
      .join(" ")}  errors ${row.errors}  timeouts ${row.timeouts}`,
  );
  return row;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "jembatan-bench-load-"));
await chmod(dataDir, 0o755);
let app: ChildProcess | undefined;
let ceiling: ChildProcess | undefined;
try {
  const port = await getFreePort();
  console.log(`[load] starting the product (${processes} app processes, demo data) in ${dataDir} …`);
  const started = await startProcess(
    ["scripts/start.ts"],
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO_DATA: "true",
      WEB_CONCURRENCY: String(processes),
      DATABASE_URL: "",
      MEILI_URL: "",
      MEILI_MASTER_KEY: "",
    },
    "Press Ctrl-C to stop.",
  );
  app = started.child;
  const base = `http://127.0.0.1:${port}`;
  const runtime = JSON.parse(await readFile(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
  const db = createDb(runtime.databaseUrl, { max: 2 });
  const deps = { db, search: undefined as never, now: () => new Date() };
  const employer = (await findOrgBySlug(db, "aurora-cruises"))!;
  const agency = (await findOrgBySlug(db, "pt-maju-bersama"))!;
  const [employerKey, agencyKey] = await Promise.all([
    unsafeCreateApiKey(deps, employer, "bench", { userId: null, label: "bench" }),
    unsafeCreateApiKey(deps, agency, "bench", { userId: null, label: "bench" }),
  ]);
  const order = await db
    .selectFrom("job_orders")
    .select("id")
    .where("employer_org_id", "=", employer.id)
    .where("status", "=", "verified")
    .where("title", "=", "Assistant Waiter")
    .executeTakeFirstOrThrow();
  // the demo profiles are still going into Meilisearch (the outbox) right after the start: measure after
  for (;;) {
    const { n } = await db
      .selectFrom("search_outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("done_at", "is", null)
      .executeTakeFirstOrThrow();
    if (Number(n) === 0) break;
    await sleep(500);
  }
  await sleep(3000); // and the ranking keeper has caught up
  await db.destroy();
  // warm every process (the first render of a route compiles and loads modules)
  for (let i = 0; i < 20; i++) await fetch(`${base}/jobs`).then((r) => r.arrayBuffer());

  console.log(
    `\n[load] ${CONNECTIONS} connections × ${SECONDS} s per target (autocannon, 10 s timeout), ${processes} processes:`,
  );
  const rows: Row[] = [];
  let cbase: string | undefined;
  if (ONLY.has("ceiling")) {
    const cport = await getFreePort();
    const c = await startProcess(
      ["scripts/bench/load/jobs-ceiling.tsx"],
      { DATABASE_URL: runtime.databaseUrl, PORT: String(cport), PROCESSES: String(processes) },
      "[ceiling] listening",
    );
    ceiling = c.child;
    cbase = `http://127.0.0.1:${cport}`;
    for (let i = 0; i < 20; i++) await fetch(`${cbase}/jobs`).then((r) => r.arrayBuffer());
    const [page, bare] = await Promise.all([
      fetch(`${base}/jobs`).then((r) => r.text()),
      fetch(`${cbase}/jobs`).then((r) => r.text()),
    ]);
    console.log(
      `  (one /jobs page: ${(page.length / 1024).toFixed(1)} KB from the product, ${(bare.length / 1024).toFixed(1)} KB from the ceiling)`,
    );
  }
  // /jobs and the ceiling alternate, so both see the same drift of the machine
  const ratios: number[] = [];
  const ceilingTarget = "ceiling: node:http + renderToPipeableStream";
  for (let round = 1; round <= (ONLY.has("jobs") && cbase ? ROUNDS : 1); round++) {
    const jobs = ONLY.has("jobs") ? await hit("GET /jobs", { url: `${base}/jobs` }) : undefined;
    const bare = cbase ? await hit(ceilingTarget, { url: `${cbase}/jobs` }) : undefined;
    rows.push(...[jobs, bare].filter((r): r is Row => r !== undefined));
    if (jobs && bare) {
      ratios.push(jobs.rps / bare.rps);
      console.log(`  round ${round}: /jobs ÷ ceiling = ${(jobs.rps / bare.rps).toFixed(2)}`);
    }
  }
  if (ONLY.has("login")) {
    rows.push(
      await hit("POST /login (demo employer)", {
        url: `${base}/login`,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
        body: new URLSearchParams({ email: "hr@aurora-cruises.example", password: DEMO_PASSWORD }).toString(),
      }),
    );
  }
  if (ONLY.has("orders"))
    rows.push(
      await hit("GET /api/v1/job-orders", {
        url: `${base}/api/v1/job-orders`,
        headers: { Authorization: `Bearer ${employerKey.key}` },
      }),
    );
  if (ONLY.has("matches"))
    rows.push(
      await hit("GET /api/v1/job-orders/:id/matches", {
        url: `${base}/api/v1/job-orders/${order.id}/matches?limit=20`,
        headers: { Authorization: `Bearer ${agencyKey.key}` },
      }),
    );
  if (ratios.length) {
    const sorted = [...ratios].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `\n[load] /jobs ÷ ceiling = ${median.toFixed(2)} (median of ${ratios.length} round(s): ${ratios.map((r) => r.toFixed(2)).join(", ")}; goal ≥ 0.80)`,
    );
  }
  const bad = rows.filter((r) => r.target !== ceilingTarget && (r.fivexx > 0 || r.timeouts > 0 || r.errors > 0));
  console.log(
    bad.length
      ? `[load] NOT MET: 5xx other than 503, errors or timeouts on ${bad.map((r) => r.target).join(", ")}`
      : "[load] 0 × 5xx (other than shed 503s), 0 errors, 0 timeouts on every target",
  );
} finally {
  if (ceiling) await stop(ceiling);
  if (app) await stop(app);
  await rm(dataDir, { recursive: true, force: true });
}
