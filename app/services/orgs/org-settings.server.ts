import type { Actor } from "~/domain/org";
import { listApiKeys } from "~db/api-keys";
import { listPendingInvitations } from "~db/invitations";
import { listOrgMembers } from "~db/users";
import type { Deps } from "../deps.server";
import { loadOrgFor } from "./load-org-for.server";

/** What an organisation's settings page shows; only its own members may read it. */
export async function getOrgSettings(deps: Deps, actor: Actor, slug: string) {
  const org = await loadOrgFor(deps, actor, slug, { ministryMayView: false });
  const isAdmin = actor.role === "admin";
  const [members, invitations, keys] = await Promise.all([
    listOrgMembers(deps.db, org.id),
    isAdmin ? listPendingInvitations(deps.db, org.id, deps.now()) : Promise.resolve([]),
    isAdmin ? listApiKeys(deps.db, org.id) : Promise.resolve([]),
  ]);
  return {
    org: { id: org.id, slug: org.slug, name: org.name, kind: org.kind },
    details:
      org.kind === "employer"
        ? {
            registrationNumber: org.registrationNumber ?? "",
            address: org.address ?? "",
            contactEmail: org.contactEmail ?? "",
            contactPhone: org.contactPhone ?? "",
          }
        : null,
    isAdmin,
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, createdAt: m.createdAt })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at })),
    keys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.key_prefix,
      createdAt: k.created_at,
      lastUsedAt: k.last_used_at,
      revokedAt: k.revoked_at,
    })),
  };
}
