import { Kysely, PostgresDialect } from "kysely";
import { Migrator, type MigrationResult } from "kysely/migration";
import pg from "pg";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

// `date` columns stay 'YYYY-MM-DD' strings: a JS Date would shift calendar days by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint ids and counts fit in JS numbers for our volumes; keep them as strings for ids, parse counts in SQL.

export type Db = Kysely<Database>;

export function createDb(connectionString: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server (PostgreSQL restarted) must not crash the process.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
