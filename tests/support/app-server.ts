import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getFreePort } from "../../scripts/lib/ports";
import { startReaper } from "../../scripts/lib/reaper";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  url: string;
  /** null while the process runs */
  exitCode(): number | null;
  /** what it printed so far */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs the built app (scripts/serve.ts) in its own process, exactly as npm start serves it, against the given
 * services. Resolves once it listens (it does not require the services to be healthy: see healthz tests).
 */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await getFreePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
    if (process.env.SHOW_SERVER_LOG) process.stderr.write(c);
  });
  if (child.pid) startReaper({ watch: process.pid, pids: [child.pid] }); // a killed test run leaves no app running
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (!output.includes("listening on")) {
    if (child.exitCode !== null) throw new Error(`app server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`app server did not start in 30s:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null),
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  };
}
