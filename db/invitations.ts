import type { Role } from "~/domain/org";
import type { Db } from "./client";
import { orgOf, type Org } from "./orgs";
import type { Invitation } from "./schema";

export async function insertInvitation(
  db: Db,
  i: { orgId: string; email: string; role: Role; tokenHash: string; invitedBy: string | null; expiresAt: Date },
): Promise<Invitation> {
  return db
    .insertInto("invitations")
    .values({
      org_id: i.orgId,
      email: i.email,
      role: i.role,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOpenInvitation(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ invitation: Invitation; org: Org } | undefined> {
  const invitation = await db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (!invitation) return undefined;
  const org = await db
    .selectFrom("organisations")
    .selectAll()
    .where("id", "=", invitation.org_id)
    .executeTakeFirstOrThrow();
  return { invitation, org: orgOf(org) };
}

/** Marks the invitation used; false when someone else used it first (so it works exactly once). */
export async function markInvitationAccepted(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("invitations")
    .set({ accepted_at: at })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function listPendingInvitations(db: Db, orgId: string, now: Date): Promise<Invitation[]> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeInvitation(db: Db, orgId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("org_id", "=", orgId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
