import type { Db } from "./client";

export interface NewLeadInvitation {
  leadId: string;
  /** sha256 of the one-time token (decision 002): the token itself is never stored */
  tokenHash: string;
  email: string;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt?: Date | null;
  revokedAt?: Date | null;
  orgId?: string | null;
}

/**
 * Records an invitation sent for a lead. The invitation's own use case (item 4 of decision 019's plan) is not built
 * yet; the demo data and the tests of the results page arrange invitations with this.
 */
export async function insertLeadInvitation(db: Db, i: NewLeadInvitation, at: Date): Promise<string> {
  const row = await db
    .insertInto("lead_invitations")
    .values({
      lead_id: i.leadId,
      token_hash: i.tokenHash,
      email: i.email,
      invited_by: i.invitedBy,
      created_at: at,
      expires_at: i.expiresAt,
      accepted_at: i.acceptedAt ?? null,
      revoked_at: i.revokedAt ?? null,
      org_id: i.orgId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
