import { sql } from "kysely";
import type { Db } from "./client";

// Savepoints inside a transaction (the import isolates the rows PostgreSQL refuses under them). `name` is an
// identifier chosen by the caller, never user input.

const id = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a savepoint name: ${name}`);
  return sql.raw(name);
};

export async function savepoint(tx: Db, name: string): Promise<void> {
  await sql`savepoint ${id(name)}`.execute(tx);
}

export async function releaseSavepoint(tx: Db, name: string): Promise<void> {
  await sql`release savepoint ${id(name)}`.execute(tx);
}

export async function rollbackToSavepoint(tx: Db, name: string): Promise<void> {
  await sql`rollback to savepoint ${id(name)}`.execute(tx);
}
