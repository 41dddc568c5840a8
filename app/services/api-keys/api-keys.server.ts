import { DomainError, isUuid } from "~/domain/errors";
import { canSignIn, type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { findApiKeyByHash, insertApiKey, revokeApiKey, touchApiKey } from "~db/api-keys";
import { recordAudit } from "~db/audit";
import { findOrgById, type Org } from "~db/orgs";
import type { Deps } from "../deps.server";
import { randomToken, sha256 } from "../auth/crypto.server";
import { requireAdminOf } from "../guards.server";
import { loadOrgFor } from "../orgs/load-org-for.server";

// Key format: "jmb_" + 43 url-safe characters (32 random bytes). Stored as sha256: the key has full entropy,
// so a slow hash adds nothing but latency to every API call.
const PREFIX = "jmb_";
const SHOWN = 12;

function newKey() {
  const key = PREFIX + randomToken(32);
  return { key, prefix: key.slice(0, SHOWN), hash: sha256(key) };
}

export async function createApiKey(deps: Deps, actor: Actor, orgSlug: string, name: string) {
  const org = await loadOrgFor(deps, actor, orgSlug, { ministryMayView: false });
  requireAdminOf(actor, org);
  return unsafeCreateApiKey(deps, org, name, { userId: actor.userId, label: null });
}

/** Skips authorisation: for the admin CLI. Returns the plain key, which is never stored. */
export async function unsafeCreateApiKey(
  deps: Deps,
  org: Org,
  name: string,
  by: { userId: string | null; label: string | null },
) {
  const k = newKey();
  const row = await deps.db.transaction().execute(async (tx) => {
    const row = await insertApiKey(tx, { orgId: org.id, name, prefix: k.prefix, hash: k.hash, createdBy: by.userId });
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: by.userId,
      actorLabel: by.label,
      action: "api_key.created",
      subjectType: "api_key",
      subjectId: row.id,
      details: { name },
    });
    return row;
  });
  return { id: row.id, name: row.name, key: k.key };
}

export async function revokeOrgApiKey(deps: Deps, actor: Actor, orgSlug: string, keyId: string) {
  const org = await loadOrgFor(deps, actor, orgSlug, { ministryMayView: false });
  requireAdminOf(actor, org);
  if (!isUuid(keyId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await revokeApiKey(tx, org.id, keyId, deps.now()))) throw new DomainError("not_found", "errors.not_found");
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: actor.userId,
      action: "api_key.revoked",
      subjectType: "api_key",
      subjectId: keyId,
    });
  });
}

/** The organisation a bearer key acts as, or null for an unknown, revoked or licence-blocked key. */
export async function authenticateApiKey(
  deps: Deps,
  key: string,
): Promise<{ actor: Actor; org: Org; keyId: string } | null> {
  if (!key.startsWith(PREFIX) || key.length > 100) return null;
  const row = await findApiKeyByHash(deps.db, sha256(key));
  if (!row || row.revoked_at) return null;
  const org = await findOrgById(deps.db, row.org_id);
  if (!org) return null;
  if (canSignIn(org.kind, org.licence, isoDay(deps.now()))) return null;
  await touchApiKey(deps.db, row.id, deps.now());
  return {
    actor: { userId: null, orgId: org.id, orgKind: org.kind, role: "api", label: `api-key:${row.name}` },
    org,
    keyId: row.id,
  };
}
