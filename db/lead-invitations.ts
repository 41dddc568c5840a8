import type { Db } from "./client";
import { leadOf, type Lead } from "./leads";

/** An invitation to post a job order, made from a booth lead (decision 019, "Invitation"). Its token is never stored. */
export interface BoothInvitation {
  id: string;
  leadId: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  orgId: string | null;
}

type Row = {
  id: string;
  lead_id: string;
  email: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  org_id: string | null;
};

const invitationOf = (r: Row): BoothInvitation => ({
  id: r.id,
  leadId: r.lead_id,
  email: r.email,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
  orgId: r.org_id,
});

const COLUMNS = ["id", "lead_id", "email", "created_at", "expires_at", "accepted_at", "revoked_at", "org_id"] as const;

/** Revokes the lead's open invitation (expired or not); the number revoked. */
export async function revokeOpenLeadInvitation(db: Db, leadId: string, at: Date): Promise<number> {
  const r = await db
    .updateTable("lead_invitations")
    .set({ revoked_at: at })
    .where("lead_id", "=", leadId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertLeadInvitation(
  db: Db,
  i: { leadId: string; tokenHash: string; email: string; invitedBy: string | null; expiresAt: Date; at: Date },
): Promise<BoothInvitation> {
  const row = await db
    .insertInto("lead_invitations")
    .values({
      lead_id: i.leadId,
      token_hash: i.tokenHash,
      email: i.email,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
      created_at: i.at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return invitationOf(row);
}

/** The lead's open invitation, if any (it may have expired: `expiresAt` says). */
export async function findOpenLeadInvitation(db: Db, leadId: string): Promise<BoothInvitation | undefined> {
  const row = await db
    .selectFrom("lead_invitations")
    .select(COLUMNS)
    .where("lead_id", "=", leadId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row && invitationOf(row);
}

/** An invitation by its token's hash, with its lead and the lead's event; undefined when no such token exists. */
export async function findLeadInvitationByHash(
  db: Db,
  tokenHash: string,
): Promise<{ invitation: BoothInvitation; lead: Lead; eventName: string } | undefined> {
  const inv = await db
    .selectFrom("lead_invitations")
    .select(COLUMNS)
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!inv) return undefined;
  const lead = await db
    .selectFrom("leads as l")
    .innerJoin("events as e", "e.id", "l.event_id")
    .selectAll("l")
    .select("e.name as event_name")
    .where("l.id", "=", inv.lead_id)
    .executeTakeFirstOrThrow();
  const { event_name, ...row } = lead;
  return { invitation: invitationOf(inv), lead: leadOf(row), eventName: event_name };
}

/**
 * Spends an open, unexpired invitation, in the caller's transaction: false when it was accepted, revoked or expired
 * meanwhile. Two acceptances at once: the second waits for the first's row lock and then finds it spent.
 */
export async function claimLeadInvitation(db: Db, invitationId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("lead_invitations")
    .set({ accepted_at: at })
    .where("id", "=", invitationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Records which organisation a claimed invitation created or joined, and links its lead to it. */
export async function convertLead(db: Db, invitationId: string, leadId: string, orgId: string, at: Date) {
  await db.updateTable("lead_invitations").set({ org_id: orgId }).where("id", "=", invitationId).execute();
  await db
    .updateTable("leads")
    .set({ employer_org_id: orgId, updated_at: at })
    .where("id", "=", leadId)
    .where("erased_at", "is", null)
    .execute();
}

/**
 * Links the job order an employer saved from a lead to it, in the order's transaction: only a lead converted to
 * that organisation (`employer_org_id`) and not yet linked to an order. False otherwise (nothing changes).
 */
export async function linkOrderToLead(
  db: Db,
  leadId: string,
  orgId: string,
  jobOrderId: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable("leads")
    .set({ job_order_id: jobOrderId, updated_at: at })
    .where("id", "=", leadId)
    .where("employer_org_id", "=", orgId)
    .where("job_order_id", "is", null)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A lead converted to `orgId` that has no job order yet: what `/job-orders/new?lead=` pre-fills from. */
export async function findLeadToDraft(db: Db, leadId: string, orgId: string): Promise<Lead | undefined> {
  const row = await db
    .selectFrom("leads")
    .selectAll()
    .where("id", "=", leadId)
    .where("employer_org_id", "=", orgId)
    .where("job_order_id", "is", null)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  return row && leadOf(row);
}

export interface ArrangedLeadInvitation {
  leadId: string;
  tokenHash: string;
  email: string;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt?: Date | null;
  revokedAt?: Date | null;
  orgId?: string | null;
}

/**
 * An invitation in any state at once (accepted, withdrawn, expired), for the demo data and tests that arrange an
 * event's history; the staff's and visitors' paths are `insertLeadInvitation` and `claimLeadInvitation`.
 */
export async function arrangeLeadInvitation(db: Db, i: ArrangedLeadInvitation, at: Date): Promise<string> {
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
