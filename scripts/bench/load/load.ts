// Load benchmark: the product as `npm start` serves it (a node:cluster of WEB_CONCURRENCY processes, embedded
// PostgreSQL and Meilisearch in a throwaway DATA_DIR, demo data), hit by autocannon on four targets, and in the
// same run a plain node:http server rendering the same /jobs React tree (jobs-ceiling.tsx) as the ceiling.
//   npx tsx scripts/bench/load/load.ts [--connections 200] [--seconds 30] [--only jobs,login,orders,matches,ceiling]
// Prints req/s, p50/p99 latency, status codes, errors and timeouts per target, and /jobs ÷ ceiling.
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
const ROOT = path.resolve(import.meta.dirname, "../../..");
const processes = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startProcess(args: string[], env: Record<string, string>, ready: string): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  // NODE_ENV=production as `npm start` sets it: React's development build is several times slower
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
  const fivexx = Object.entries(codes).filter(([c]) => c.startsWith("5") && c !== "503").reduce((n, [, v]) => n + v, 0);
  const row = { target, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, codes, errors: r.errors, timeouts: r.timeouts, fivexx };
  console.log(`  ${target.padEnd(34)} ${String(Math.round(row.rps)).padStart(6)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms  ${Object.entries(codes).map(([c, n]) => `${c}×${n}`).join(" ")}  errors ${row.errors}  timeouts ${row.timeouts}`);
  return row;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "jembatan-bench-load-"));
await chmod(dataDir, 0o755);
let app: ChildProcess | undefined;
let ceiling: ChildProcess | undefined;
try {
  const port = await getFreePort();
  console.log(`[load] starting the product (${processes} app processes, demo data) in ${dataDir} …`);
  const started = await startProcess(["scripts/start.ts"], { DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO_DATA: "true", WEB_CONCURRENCY: String(processes), DATABASE_URL: "", MEILI_URL: "", MEILI_MASTER_KEY: "" }, "Press Ctrl-C to stop.");
  app = started.child;
  const base = `http://127.0.0.1:${port}`;
  const runtime = JSON.parse(await readFile(path.join(dataDir, "runtime.json"), "utf8")) as { databaseUrl: string };
  const db = createDb(runtime.databaseUrl, { max: 2 });
  const deps = { db, search: undefined as never, now: () => new Date() };
  const employer = (await findOrgBySlug(db, "aurora-cruises"))!;
  const agency = (await findOrgBySlug(db, "pt-maju-bersama"))!;
  const [employerKey, agencyKey] = await Promise.all([unsafeCreateApiKey(deps, employer, "bench", { userId: null, label: "bench" }), unsafeCreateApiKey(deps, agency, "bench", { userId: null, label: "bench" })]);
  const order = await db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employer.id).where("status", "=", "verified").where("title", "=", "Assistant Waiter").executeTakeFirstOrThrow();
  // the demo profiles are still going into Meilisearch (the outbox) right after the start: measure after
  for (;;) {
    const { n } = await db.selectFrom("search_outbox").select((eb) => eb.fn.countAll<string>().as("n")).where("done_at", "is", null).executeTakeFirstOrThrow();
    if (Number(n) === 0) break;
    await sleep(500);
  }
  await sleep(3000); // and the ranking keeper has caught up
  await db.destroy();
  // warm every process (the first render of a route compiles and loads modules)
  for (let i = 0; i < 20; i++) await fetch(`${base}/jobs`).then((r) => r.arrayBuffer());

  console.log(`\n[load] ${CONNECTIONS} connections × ${SECONDS} s per target (autocannon, 10 s timeout), ${processes} processes:`);
  const rows: Row[] = [];
  if (ONLY.has("jobs")) rows.push(await hit("GET /jobs", { url: `${base}/jobs` }));
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
  if (ONLY.has("orders")) rows.push(await hit("GET /api/v1/job-orders", { url: `${base}/api/v1/job-orders`, headers: { Authorization: `Bearer ${employerKey.key}` } }));
  if (ONLY.has("matches")) rows.push(await hit("GET /api/v1/job-orders/:id/matches", { url: `${base}/api/v1/job-orders/${order.id}/matches?limit=20`, headers: { Authorization: `Bearer ${agencyKey.key}` } }));

  let ceilingRow: Row | undefined;
  if (ONLY.has("ceiling")) {
    const cport = await getFreePort();
    const c = await startProcess(["scripts/bench/load/jobs-ceiling.tsx"], { DATABASE_URL: runtime.databaseUrl, PORT: String(cport), PROCESSES: String(processes) }, "[ceiling] listening");
    ceiling = c.child;
    for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${cport}/jobs`).then((r) => r.arrayBuffer());
    ceilingRow = await hit("ceiling: node:http + renderToPipeableStream", { url: `http://127.0.0.1:${cport}/jobs` });
    rows.push(ceilingRow);
  }
  const jobs = rows.find((r) => r.target === "GET /jobs");
  if (jobs && ceilingRow) console.log(`\n[load] /jobs ÷ ceiling = ${(jobs.rps / ceilingRow.rps).toFixed(2)} (goal ≥ 0.80)`);
  const bad = rows.filter((r) => r.target !== ceilingRow?.target && (r.fivexx > 0 || r.timeouts > 0 || r.errors > 0));
  console.log(bad.length ? `[load] NOT MET: 5xx other than 503, errors or timeouts on ${bad.map((r) => r.target).join(", ")}` : "[load] 0 × 5xx (other than shed 503s), 0 errors, 0 timeouts on every target");
} finally {
  if (ceiling) await stop(ceiling);
  if (app) await stop(app);
  await rm(dataDir, { recursive: true, force: true });
}
