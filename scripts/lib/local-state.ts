import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// Everything `npm start` keeps between runs lives under DATA_DIR (default .data/, git-ignored):
//   postgres/            the PostgreSQL cluster
//   meilisearch/         the Meilisearch database
//   session-secret       cookie signing secret (generated once)
//   meili-master-key     Meilisearch master key (generated once)
//   runtime.json         where the running services listen, for `npm run admin` while `npm start` runs

export async function ensureDir(dir: string) {
  await mkdir(dir, { recursive: true, mode: 0o755 });
}

/** A secret generated on first use and kept (mode 0600) for later runs. */
export async function persistentSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export interface Runtime {
  pid: number;
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  appUrl: string;
}

export async function writeRuntime(dataDir: string, r: Runtime) {
  await writeFile(path.join(dataDir, "runtime.json"), JSON.stringify(r, null, 2), { mode: 0o600 });
}

export async function clearRuntime(dataDir: string) {
  await rm(path.join(dataDir, "runtime.json"), { force: true });
}

/** The runtime of an `npm start` that is still alive, if any. */
export async function readLiveRuntime(dataDir: string): Promise<Runtime | null> {
  const file = path.join(dataDir, "runtime.json");
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(await readFile(file, "utf8")) as Runtime;
    process.kill(r.pid, 0);
    return r;
  } catch {
    return null;
  }
}
