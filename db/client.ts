import { Kysely, PostgresDialect } from "kysely";
import { Migrator, type MigrationResult } from "kysely/migration";
import pg from "pg";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

// `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift calendar days by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint ids and counts fit in JS numbers for our volumes; keep them as strings for ids, parse counts in SQL.

export type Db = Kysely<Database>;

export interface DbOptions {
  /** clients in this process's pool (see docs/decisions/009-faults-and-load.md) */
  max?: number;
  /** how long a query waits for a free client before it fails as "unavailable" (shed, never hang) */
  connectionTimeoutMs?: number;
}

export function createDb(connectionString: string, opts: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
    // A statement that runs away (a lock wait during a restart, a pathological query) ends instead of holding
    // its client forever; the request answers 503 and the client goes back to the pool.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // A client that loses its server (PostgreSQL restarted: 57P01) emits 'error' on itself. The pool's handler
  // covers idle clients only; a checked-out client without its own handler would end the process. The query
  // that was running fails on its own promise, so logging is all that is left to do here.
  pool.on("error", (err) => console.error("[db] idle client lost its connection:", err.message));
  pool.on("connect", (client) => {
    client.on("error", (err) => console.error("[db] client lost its connection:", err.message));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  Object.defineProperty(db, POOL, { value: pool });
  return db;
}

// On the object itself, under a registered symbol: the server bundle (build/) and the sources that scripts run
// (scripts/http-server.ts creates the Db) are two copies of this module, so a module-level WeakMap would not do.
const POOL = Symbol.for("jembatan.db.pool");

/** The pg pool behind a Db made by createDb, for libraries that take a pool (the rate limiter). */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as unknown as Record<symbol, pg.Pool | undefined>)[POOL];
  if (!pool) throw new Error("poolOf: this Db was not made by createDb");
  return pool;
}

// SQLSTATE classes and codes that mean "PostgreSQL is not there right now", not "this query is wrong":
// 08 connection exception, 57P01–57P03 shutting down / crashed / starting up, 53300 too many connections,
// 57014 statement cancelled by statement_timeout.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
  "the database system is",
];

/** True when `e` says PostgreSQL is down, restarting or overloaded: the request can be retried later. */
export function isDbUnavailableError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  if (UNAVAILABLE_MESSAGES.some((m) => e.message.includes(m))) return true;
  const cause = (e as { cause?: unknown }).cause;
  return cause !== undefined && cause !== e && isDbUnavailableError(cause);
}

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return results ?? [];
}

export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.selectNoFrom((eb) => eb.val(1).as("ok")).execute();
    return true;
  } catch {
    return false;
  }
}
