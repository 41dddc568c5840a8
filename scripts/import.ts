// `npm run import -- --agency <slug> <file.csv|file.json> [--all-or-nothing]`: bulk-imports worker profiles with a
// progress bar, then prints the per-row report. Same services as the page and POST /api/v1/workers/import.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseImportFile } from "~/domain/workers/import-format";
import { rowsWithIssues } from "~/domain/workers/import-rows";
import { EnvError, parseEnv, StartEnvSchema } from "~/env.server";
import { translateError } from "~/i18n/translate";
import { drainOutbox } from "~/services/search/drain-outbox.server";
import { importWorkers } from "~/services/workers/import-workers.server";
import { createDb, migrateToLatest } from "~db/client";
import { findOrgBySlug } from "~db/orgs";
import { createSearch } from "~search/client";
import { ensureWorkersIndex } from "~search/workers-index";
import { ensureServices, stopAll } from "./lib/services";

function bar(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write("\n");
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { agency: { type: "string" }, "all-or-nothing": { type: "boolean" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help || !values.agency || positionals.length !== 1) {
    console.log("Usage: npm run import -- --agency <slug> <file.csv|file.json> [--all-or-nothing]");
    process.exit(values.help ? 0 : 2);
  }
  const rows = parseImportFile(await readFile(positionals[0]!, "utf8"));
  if (!rows) {
    console.error(`error: ${translateError("en", "errors.import_unreadable")}`);
    process.exit(2);
  }
  const env = parseEnv(StartEnvSchema, process.env);
  const services = await ensureServices(env, { search: true, reuseRunning: true });
  const db = createDb(services.databaseUrl, { max: 3 });
  try {
    await migrateToLatest(db);
    const deps = { db, search: createSearch(services.meiliUrl, services.meiliMasterKey), now: () => new Date() };
    const org = await findOrgBySlug(db, values.agency);
    if (!org || org.kind !== "agency") {
      console.error(`error: no agency with slug ${values.agency}`);
      process.exitCode = 2;
      return;
    }
    const t0 = performance.now();
    const report = await importWorkers(
      deps,
      { userId: null, orgId: org.id, orgKind: "agency", role: "admin", label: "cli" },
      rows,
      values["all-or-nothing"] ? "all_or_nothing" : "valid_only",
      bar,
    );
    for (const e of report.errors.slice(0, 200))
      console.log(
        `row ${e.row}  ${e.field}: ${translateError("en", e.message)}${e.value === undefined ? "" : ` (given: ${e.value})`}`,
      );
    if (report.errors.length > 200) console.log(`… and ${report.errors.length - 200} more errors`);
    for (const w of report.warnings.slice(0, 50))
      console.log(
        `row ${w.row}  warning ${w.field}: ${translateError("en", w.message)}${w.value === undefined ? "" : ` (given: ${w.value})`}`,
      );
    if (report.warnings.length > 50) console.log(`… and ${report.warnings.length - 50} more warnings`);
    console.log(
      `${report.total} rows: ${report.created} created, ${report.updated} updated, ${rowsWithIssues(report.errors)} rejected${report.warned ? `, ${report.warned} with ${report.warned === 1 ? "a warning" : "warnings"}` : ""}${report.mode === "all_or_nothing" && report.errors.length ? " (all-or-nothing: nothing imported)" : ""} in ${Math.round(performance.now() - t0)} ms`,
    );
    // When no `npm start` is running, nothing else drains the outbox: index now so the profiles are searchable.
    if (services.started.some((s) => s.name === "Meilisearch")) {
      await ensureWorkersIndex(deps.search);
      const d = await drainOutbox(deps, 5000);
      console.log(`indexed ${d.indexed} profiles in Meilisearch`);
    }
    if (report.mode === "all_or_nothing" && report.errors.length) process.exitCode = 1;
  } finally {
    await db.destroy();
    await stopAll(services.started);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});
