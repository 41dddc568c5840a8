import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The rejected rows of a CSV import, as the file wrote them, for the "download the rows that failed" CSV. They
  // hold personal data (names, NIK), so they are kept only until expires_at (72 hours after the import) and
  // deleted by the hourly sweep; only the importing agency reads them.
  await db.schema
    .createTable("worker_import_failed_rows")
    .addColumn("import_id", "uuid", (c) => c.primaryKey().references("worker_imports.id").onDelete("cascade"))
    .addColumn("agency_org_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("header", "jsonb", (c) => c.notNull())
    .addColumn("rows", "jsonb", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await sql`create index worker_import_failed_rows_expiry_idx on worker_import_failed_rows (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("worker_import_failed_rows").execute();
}
