import { buildDirs } from "./scripts/lib/build-dirs.js";

const { serverBuildPath, assetsBuildDirectory, cacheDirectory } = buildDirs();

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath,
  assetsBuildDirectory,
  cacheDirectory,
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
