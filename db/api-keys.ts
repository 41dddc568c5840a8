import type { Db } from "./client";
import type { ApiKey } from "./schema";

export async function insertApiKey(
  db: Db,
  k: { orgId: string; name: string; prefix: string; hash: string; createdBy: string | null },
): Promise<ApiKey> {
  return db
    .insertInto("api_keys")
    .values({ org_id: k.orgId, name: k.name, key_prefix: k.prefix, key_hash: k.hash, created_by: k.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApiKeyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  return db.selectFrom("api_keys").selectAll().where("key_hash", "=", hash).executeTakeFirst();
}

export async function listApiKeys(db: Db, orgId: string): Promise<ApiKey[]> {
  return db.selectFrom("api_keys").selectAll().where("org_id", "=", orgId).orderBy("created_at", "desc").execute();
}

/** Revokes only a key of this organisation; returns whether one was revoked. */
export async function revokeApiKey(db: Db, orgId: string, keyId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("api_keys")
    .set({ revoked_at: at })
    .where("id", "=", keyId)
    .where("org_id", "=", orgId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function touchApiKey(db: Db, keyId: string, at: Date): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: at }).where("id", "=", keyId).execute();
}
