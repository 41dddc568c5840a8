import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { buildDirs } from "./build-dirs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = [
  "app",
  "db",
  "search",
  "remix.config.js",
  "scripts/lib/build-dirs.js",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/**
 * Runs `remix build` when build/ is missing or older than any source file, or holds a development build from
 * before `npm run dev` got its own directory (the marker that version wrote).
 */
export function buildIfNeeded(): "built" | "fresh" {
  const { serverBuildPath: out } = buildDirs({ ...process.env, JEMBATAN_DEV_BUILD: undefined });
  const oldDevMarker = path.join(path.dirname(out), "DEVELOPMENT-BUILD");
  if (existsSync(out) && !existsSync(oldDevMarker)) {
    const built = statSync(out).mtimeMs;
    const src = Math.max(
      ...SOURCES.map((s) => path.join(ROOT, s))
        .filter(existsSync)
        .map(newestMtime),
    );
    if (src <= built) return "fresh";
  }
  console.log("[start] building the Remix app…");
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", JEMBATAN_DEV_BUILD: "" },
  });
  if (r.status !== 0) throw new Error("remix build failed");
  rmSync(oldDevMarker, { force: true });
  return "built";
}
