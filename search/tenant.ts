import type { Meilisearch } from "meilisearch";
import { generateTenantToken } from "meilisearch/token";
import { apiErrorCode, meili, meilisearchClient, urlOf, type Search } from "./engine";
import { where } from "./filter";
import { WORKERS_INDEX } from "./workers-index";

// Internal to search/: tenant tokens. Each agency searches with a token whose search rule confines it to its own
// documents; Meilisearch enforces the rule whatever filter or query is sent with it.

export const TENANT_KEY_NAME = "jembatan-tenant-search";

// The signing key is looked up once per handle, not on every search (listing keys is a request of its own).
const signingKeys = new WeakMap<Search, Promise<{ key: string; uid: string }>>();

function tenantSigningKey(search: Search): Promise<{ key: string; uid: string }> {
  let key = signingKeys.get(search);
  if (!key) {
    key = findOrCreateSigningKey(meili(search));
    signingKeys.set(search, key);
    key.catch(() => signingKeys.delete(search));
  }
  return key;
}

/** A search-only API key that signs tenant tokens (created once, found again by name). */
async function findOrCreateSigningKey(client: Meilisearch): Promise<{ key: string; uid: string }> {
  const keys = await client.getKeys({ limit: 1000 });
  const found = keys.results.find((k) => k.name === TENANT_KEY_NAME);
  if (found) return { key: found.key, uid: found.uid };
  const created = await client.createKey({
    name: TENANT_KEY_NAME,
    description: "Signs per-agency tenant tokens",
    actions: ["search"],
    indexes: [`${WORKERS_INDEX}*`],
    expiresAt: null,
  });
  return { key: created.key, uid: created.uid };
}

const UUID = /^[0-9a-f-]{36}$/;

/**
 * A client that can only ever see one agency's documents: the restriction is in a signed tenant token that
 * Meilisearch enforces on every search, whatever filter or query is sent with it.
 */
async function agencyClient(search: Search, agencyId: string): Promise<Meilisearch> {
  if (!UUID.test(agencyId)) throw new Error("agency id must be a uuid");
  const { key, uid } = await tenantSigningKey(search);
  const token = await generateTenantToken({
    apiKey: key,
    apiKeyUid: uid,
    searchRules: { [WORKERS_INDEX]: { filter: where("agency_id", "=", agencyId) } },
    // Meilisearch checks the expiry against its own (real) clock, so this is the process's wall clock, not the
    // injected one: a test clock moved ahead would mint tokens that are already expired (017-clock.md).
    // eslint-disable-next-line no-restricted-syntax
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return meilisearchClient(urlOf(search), token);
}

/**
 * Runs `run` with the agency's client. A cached signing key that Meilisearch no longer knows (deleted or rotated)
 * makes the token invalid: the key is looked up again, once.
 */
export async function asAgency<T>(
  search: Search,
  agencyId: string,
  run: (client: Meilisearch) => Promise<T>,
): Promise<T> {
  try {
    return await run(await agencyClient(search, agencyId));
  } catch (e) {
    if (apiErrorCode(e) !== "invalid_api_key") throw e;
    signingKeys.delete(search);
    return run(await agencyClient(search, agencyId));
  }
}
