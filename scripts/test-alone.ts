// `npm run test:alone -- [--cases N] [--file PATH[:K]]... [--all] [--seed S]`: runs integration test cases alone,
// so a test that leans on an earlier one in its file fails here. A seeded sample of N cases (default 5),
// plus every case of each --file (or K random ones), or with --all every case. Each run is its own vitest process
// with its own throwaway services, holding at most one case per file. The seed is TEST_ALONE_SEED, --seed or
// today's date (UTC), printed first, so a failure can be reproduced. Needs `npm run build` first.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { namePattern, packRuns, sampleCases, seededRandom, type TestCase } from "./lib/alone-sample";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules/.bin/vitest");
const config = "tests/vitest.config.ts";

function parseArgs(argv: string[]) {
  const opts = {
    count: 5,
    all: false,
    seed: Number(process.env.TEST_ALONE_SEED || new Date().toISOString().slice(0, 10).replaceAll("-", "")),
    files: [] as { file: string; perFile?: number }[],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ""];
    if (flag === "--all") opts.all = true;
    else if (flag === "--cases") {
      opts.count = Number(value);
      i++;
    } else if (flag === "--seed") {
      opts.seed = Number(value);
      i++;
    } else if (flag === "--file") {
      const [file = "", k] = value.split(":");
      opts.files.push({ file: path.relative(root, path.resolve(root, file)), ...(k ? { perFile: Number(k) } : {}) });
      i++;
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(opts.seed) || !Number.isInteger(opts.count))
    throw new Error("--seed and --cases take whole numbers");
  return opts;
}

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(vitest, args, { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function listCases(dir: string): Promise<TestCase[]> {
  const out = path.join(dir, "list.json");
  const r = await run(["list", "--config", config, "tests/integration", `--json=${out}`]);
  if (r.code !== 0) throw new Error(`vitest list failed:\n${r.output}`);
  const listed = JSON.parse(await readFile(out, "utf8")) as { name: string; file: string }[];
  return listed.map((t) => ({ file: path.relative(root, t.file), name: t.name.replaceAll(" > ", " ") }));
}

const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = await mkdtemp(path.join(os.tmpdir(), "jembatan-test-alone-"));
  try {
    const all = await listCases(dir);
    const cases = opts.all
      ? all
      : sampleCases(all, { count: opts.count, files: opts.files, random: seededRandom(opts.seed) });
    const runs = packRuns(cases, all);
    console.log(
      `[test-alone] seed ${opts.seed} (TEST_ALONE_SEED=${opts.seed} to repeat): ${cases.length} of ${all.length} integration cases in ${runs.length} vitest runs`,
    );
    const failed: TestCase[][] = [];
    const t0 = performance.now();
    for (const [i, cs] of runs.entries()) {
      const report = path.join(dir, `run-${i}.json`);
      const files = [...new Set(cs.map((c) => c.file))];
      const t = performance.now();
      const r = await run([
        "run",
        "--config",
        config,
        ...files,
        "-t",
        namePattern(cs.map((c) => c.name)),
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ]);
      const counts = await readFile(report, "utf8").then(
        (s) => JSON.parse(s) as JsonReport,
        () => null,
      );
      // exactly the chosen cases must have run and passed: a pattern that matched nothing would pass silently
      const ok = r.code === 0 && counts?.numFailedTests === 0 && counts.numPassedTests === cs.length;
      console.log(
        `[test-alone] run ${i + 1}/${runs.length} ${ok ? "passed" : "FAILED"} in ${Math.round((performance.now() - t) / 1000)} s`,
      );
      for (const c of cs) console.log(`    ${c.file} › ${c.name}`);
      if (!ok) {
        failed.push(cs);
        console.log(r.output.split("\n").slice(-80).join("\n"));
      }
    }
    console.log(
      `[test-alone] ${runs.length - failed.length}/${runs.length} runs passed in ${Math.round((performance.now() - t0) / 1000)} s (seed ${opts.seed})`,
    );
    for (const cs of failed)
      for (const c of cs)
        console.log(
          `[test-alone] repeat: npx vitest run --config ${config} ${c.file} -t ${shellQuote(namePattern([c.name]))}`,
        );
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
