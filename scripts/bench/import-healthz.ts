// Benchmark: does the process that runs an import still answer /healthz? On throwaway PostgreSQL and Meilisearch,
// the built app is served by one process (scripts/serve.ts, as the tests serve it: the hard case, no second
// cluster worker to answer for it); N generated profiles (default 100,000) are posted to POST /api/v1/workers/import
// as CSV, then (new references) as a JSON array, while /healthz is requested every 50 ms.
//   npm run build && npx tsx scripts/bench/import-healthz.ts [N]
// (BENCH_SERVER_ARGS="--trace-gc" BENCH_SERVER_LOG=/tmp/server.log: node flags for the server, and its output)
// Prints /healthz max, p99 and p50 latency with no import (the baseline, same run) and during each import, their
// ratios, how many polls were answered while the import ran, and the import's rows/s. Goal: max < 200 ms.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { LIMITS, formatLimit } from "~/web/body-rules";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { startEmbeddedMeilisearch } from "../lib/embedded-meilisearch";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { generateWorker, prng, workersCsv } from "../lib/generate-workers";
import { getFreePort } from "../lib/ports";

const N = Number(process.argv[2] ?? 100_000);
const POLL_MS = 50;
const ROOT = path.resolve(import.meta.dirname, "../..");
const fmt = (n: number) => Math.round(n).toLocaleString("en");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Polls {
  sent: number;
  latencies: number[];
  /** when each answered poll was sent, ms after polling began */
  sentAt: number[];
  failures: number;
}

/** Requests /healthz every POLL_MS (each on its own: a stalled server shows as long latencies, not fewer samples). */
function poll(url: string) {
  const polls: Polls = { sent: 0, latencies: [], sentAt: [], failures: 0 };
  const start = performance.now();
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    polls.sent++;
    const t0 = performance.now();
    const p = fetch(url)
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status === 200) {
          polls.latencies.push(performance.now() - t0);
          polls.sentAt.push(t0 - start);
        } else polls.failures++;
      })
      .catch(() => void polls.failures++)
      .finally(() => pending.delete(p));
    pending.add(p);
  }, POLL_MS);
  return {
    /** stops polling; the answers counted "during" are those received before this call */
    async stop() {
      clearInterval(timer);
      const during = { ...polls, latencies: [...polls.latencies], sentAt: [...polls.sentAt] };
      await Promise.all(pending);
      return { during, all: polls };
    },
  };
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, max: s.at(-1) ?? NaN, p99: q(0.99), p50: q(0.5) };
}

const line = (label: string, s: ReturnType<typeof stats>) =>
  `${label.padEnd(28)} max ${s.max.toFixed(1).padStart(7)} ms · p99 ${s.p99.toFixed(1).padStart(6)} ms · p50 ${s.p50.toFixed(1).padStart(5)} ms (${s.n} polls)`;

const [pgDir, meiliDir] = await Promise.all([
  mkdtemp(path.join(os.tmpdir(), "bench-pg-")),
  mkdtemp(path.join(os.tmpdir(), "bench-meili-")),
]);
const [pg, meili] = await Promise.all([
  startEmbeddedPostgres({ dataDir: pgDir, persistent: false }),
  startEmbeddedMeilisearch({ dir: meiliDir, masterKey: randomBytes(24).toString("hex"), persistent: false }),
]);
const db = createDb(pg.url, { max: 2 });
let app: ReturnType<typeof spawn> | undefined;
try {
  await migrateToLatest(db);
  const deps = { db, search: createSearch(meili.url, meili.masterKey), now: () => new Date() };
  const agency = async (slug: string) => {
    const org = await unsafeCreateOrg(
      deps,
      { kind: "agency", slug, name: slug, licenceNumber: `SIP-${slug}` },
      { userId: null, label: "bench" },
    );
    return (await unsafeCreateApiKey(deps, org, "bench", { userId: null, label: "bench" })).key;
  };
  const [csvKey, jsonKey] = [await agency("bench-csv"), await agency("bench-json")];

  const rand = prng(42);
  const workers = Array.from({ length: N }, (_, i) => generateWorker(i, rand));
  const csv = workersCsv(workers);
  const jsonRows = workers.map((w) => ({ ...w, externalRef: `J-${w.externalRef}` }));
  const jsonBytes = Buffer.byteLength(JSON.stringify(jsonRows));
  // over the body limit, the JSON goes as the API client must send it: in parts, one after the other
  const parts = Math.ceil((jsonBytes * 1.05) / LIMITS.import);
  const per = Math.ceil(N / parts);
  const json = Array.from({ length: parts }, (_, k) => JSON.stringify(jsonRows.slice(k * per, (k + 1) * per)));
  console.log(
    `profiles: ${fmt(N)} · CSV ${mb(Buffer.byteLength(csv))} · JSON ${mb(jsonBytes)}${parts > 1 ? ` (sent in ${parts} parts)` : ""} · import body limit ${formatLimit(LIMITS.import)}`,
  );

  const port = await getFreePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? []),
      "--import",
      "tsx",
      path.join(ROOT, "scripts/serve.ts"),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: pg.url,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        SESSION_SECRET: randomBytes(32).toString("hex"),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  app = server;
  if (process.env.BENCH_SERVER_LOG) server.stdout?.pipe(createWriteStream(process.env.BENCH_SERVER_LOG));
  await new Promise<void>((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("listening on")) resolve();
    });
    server.once("exit", (code) => reject(new Error(`app exited (${code}): ${out}`)));
  });
  for (let i = 0; i < 20; i++) await fetch(`${url}/healthz`).then((r) => r.arrayBuffer()); // warm up

  // A static file is answered by express alone: its latency is the event loop's, /healthz adds PostgreSQL and
  // Meilisearch (both on the same two cores as the import).
  const asset = `${url}/build/${readdirSync(path.join(ROOT, "public/build")).find((f) => f.endsWith(".js"))}`;
  const [idle, idleAsset] = [poll(`${url}/healthz`), poll(asset)];
  await new Promise((r) => setTimeout(r, 5_000));
  const baseline = stats((await idle.stop()).during.latencies);
  const baselineAsset = stats((await idleAsset.stop()).during.latencies);
  console.log(line("/healthz, no import:", baseline));
  console.log(line("static file, no import:", baselineAsset));

  const rows: [string, number][] = [];
  // Bodies are bytes before polling starts: a string body is encoded by fetch on this process's thread when the
  // request starts (20 MB: tens of ms), which would delay this process's own polls and count as the server's.
  const bytes = (bodies: string[]) => bodies.map((b) => Buffer.from(b));
  for (const [kind, bodies, type, key] of [
    ["CSV", bytes([csv]), "text/csv", csvKey],
    ["JSON", bytes(json), "application/json", jsonKey],
  ] as const) {
    const [polls, assetPolls] = [poll(`${url}/healthz`), poll(asset)];
    const t0 = performance.now();
    const statuses: number[] = [];
    const report = { created: 0, errors: 0 };
    for (const body of bodies) {
      const res = await fetch(`${url}/api/v1/workers/import`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": type },
        body,
      });
      const r = (await res.json()) as { created?: number; errors?: unknown[] };
      statuses.push(res.status);
      report.created += r.created ?? 0;
      report.errors += r.errors?.length ?? 0;
    }
    const res = { status: [...new Set(statuses)].join("/") };
    const ms = performance.now() - t0;
    const { during } = await polls.stop();
    const s = stats(during.latencies);
    const a = stats((await assetPolls.stop()).during.latencies);
    console.log(
      `${kind} import: HTTP ${res.status}, ${fmt(report.created)} created, ${report.errors} errors, ${(ms / 1000).toFixed(1)} s = ${fmt((N / ms) * 1000)} rows/s`,
    );
    console.log(line(`/healthz during ${kind} import:`, s));
    console.log(line(`static file during ${kind}:`, a));
    console.log(
      `${"".padEnd(28)} answered while it ran: ${during.latencies.length} of ${during.sent} polls sent (${during.failures} not 200)`,
    );
    const slowest = during.latencies
      .map((l, i) => [l, during.sentAt[i]!] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 5);
    console.log(
      `${"".padEnd(28)} slowest polls: ${slowest.map(([l, at]) => `${l.toFixed(0)} ms at ${(at / 1000).toFixed(1)} s`).join(", ")}`,
    );
    console.log(
      `${"".padEnd(28)} ratio to no import: max ${(s.max / baseline.max).toFixed(1)}x · p99 ${(s.p99 / baseline.p99).toFixed(1)}x · p50 ${(s.p50 / baseline.p50).toFixed(1)}x`,
    );
    rows.push([kind, s.max]);
  }
  const worst = Math.max(...rows.map(([, m]) => m));
  console.log(
    `goal /healthz < 200 ms during the import: ${worst < 200 ? "met" : "NOT met"} (worst max ${worst.toFixed(1)} ms)`,
  );
} finally {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await db.destroy();
  await Promise.allSettled([pg.stop(), meili.stop()]);
}
