import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = ["app", "db", "search", "remix.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Written by `npm run dev`: build/ then holds a development build, which `npm start` must not serve. */
export const DEV_BUILD_MARKER = path.join(ROOT, "build/DEVELOPMENT-BUILD");

/** Runs `remix build` when build/ is missing, older than any source file, or a development build. */
export function buildIfNeeded(): "built" | "fresh" {
  const out = path.join(ROOT, "build/index.js");
  if (existsSync(out) && !existsSync(DEV_BUILD_MARKER)) {
    const built = statSync(out).mtimeMs;
    const src = Math.max(...SOURCES.map((s) => path.join(ROOT, s)).filter(existsSync).map(newestMtime));
    if (src <= built) return "fresh";
  }
  console.log("[start] building the Remix app…");
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("remix build failed");
  rmSync(DEV_BUILD_MARKER, { force: true });
  return "built";
}
