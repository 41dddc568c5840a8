// Where the Remix compiler writes and where the server reads. `npm run dev` sets JEMBATAN_DEV_BUILD=1 and gets a
// tree of its own under .cache/dev/, so a development build never replaces the production build in build/ that
// `npm start` and the test suite serve: the two can run side by side. Plain JavaScript: remix.config.js reads it.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ serverBuildPath: string; assetsBuildDirectory: string; cacheDirectory: string; development: boolean }}
 */
export function buildDirs(env = process.env) {
  const development = env.JEMBATAN_DEV_BUILD === "1";
  const base = development ? path.join(ROOT, ".cache/dev") : ROOT;
  return {
    serverBuildPath: path.join(base, "build/index.js"),
    assetsBuildDirectory: path.join(base, "public/build"),
    cacheDirectory: path.join(base, ".cache"),
    development,
  };
}
