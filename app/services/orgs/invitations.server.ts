import { DomainError, isUuid } from "~/domain/errors";
import { canSignIn, type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { InviteMemberInput } from "~/domain/schemas/org";
import { recordAudit } from "~db/audit";
import { findOpenInvitation, insertInvitation, markInvitationAccepted, revokeInvitation } from "~db/invitations";
import { insertUser, listOrgMembers } from "~db/users";
import type { RateRule } from "~/domain/rate-limits";
import type { Deps } from "../deps.server";
import { enforceRateLimit } from "../abuse/rate-limits.server";
import { hashPassword, randomToken, sha256 } from "../auth/crypto.server";
import { personalWords, assertStrongPassword } from "../auth/password-policy.server";
import { createSession } from "../auth/sessions.server";
import { isUniqueViolation } from "../auth/sign-up-employer.server";
import { requireAdminOf } from "../guards.server";
import { loadOrgFor } from "./load-org-for.server";

export const INVITATION_DAYS = 7;

/**
 * An org admin (or a ministry admin, for any organisation) invites someone by email. Jembatan sends no email
 * yet: the one-time link is returned to be shown once and passed on by the inviter.
 */
export async function inviteMember(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  input: InviteMemberInput,
  opts: { limit?: RateRule } = {},
) {
  const org = await loadOrgFor(deps, actor, orgSlug, { ministryMayView: true });
  requireAdminOf(actor, org);
  // Counted after authorisation, so only the organisation's admins can use up its allowance.
  if (opts.limit) await enforceRateLimit(deps, opts.limit, org.id);
  // Only this organisation's own members are reported; whether the address has an account elsewhere is
  // not revealed to the inviter (the invitee learns it on accepting).
  if ((await listOrgMembers(deps.db, org.id)).some((m) => m.email === input.email)) {
    throw new DomainError("conflict", "errors.already_member", { email: "errors.already_member" });
  }
  const token = randomToken();
  const invitation = await deps.db.transaction().execute(async (tx) => {
    const inv = await insertInvitation(tx, {
      orgId: org.id,
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: actor.userId,
      expiresAt: new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: actor.userId,
      action: "invitation.created",
      subjectType: "invitation",
      subjectId: inv.id,
      details: { email: input.email, role: input.role },
    });
    return inv;
  });
  return { token, invitation };
}

export async function cancelInvitation(deps: Deps, actor: Actor, orgSlug: string, invitationId: string) {
  const org = await loadOrgFor(deps, actor, orgSlug, { ministryMayView: true });
  requireAdminOf(actor, org);
  if (!isUuid(invitationId)) throw new DomainError("not_found", "errors.not_found");
  await deps.db.transaction().execute(async (tx) => {
    if (!(await revokeInvitation(tx, org.id, invitationId, deps.now())))
      throw new DomainError("not_found", "errors.not_found");
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: actor.userId,
      action: "invitation.revoked",
      subjectType: "invitation",
      subjectId: invitationId,
    });
  });
}

export async function findInvitation(deps: Deps, token: string) {
  const found = await findOpenInvitation(deps.db, sha256(token), deps.now());
  if (!found) return null;
  return { email: found.invitation.email, role: found.invitation.role, orgName: found.org.name };
}

/** The invitee chooses a name and password; the invitation works exactly once. */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: { name: string; password: string },
  locale: string,
) {
  const found = await findOpenInvitation(deps.db, sha256(token), deps.now());
  if (!found) throw new DomainError("not_found", "errors.invitation_invalid");
  const block = canSignIn(found.org.kind, found.org.licence, isoDay(deps.now()));
  if (block) throw new DomainError("licence_blocked", `errors.licence_${block}`);
  await assertStrongPassword(input.password, personalWords(found.invitation.email, input.name, found.org.name));
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await deps.db.transaction().execute(async (tx) => {
      if (!(await markInvitationAccepted(tx, found.invitation.id, deps.now()))) {
        throw new DomainError("not_found", "errors.invitation_invalid");
      }
      const user = await insertUser(tx, {
        org_id: found.org.id,
        email: found.invitation.email,
        name: input.name,
        password_hash: passwordHash,
        role: found.invitation.role,
        locale,
      });
      await recordAudit(tx, {
        orgId: found.org.id,
        actorUserId: user.id,
        action: "invitation.accepted",
        subjectType: "user",
        subjectId: user.id,
      });
      return user;
    });
    return createSession(deps, user.id);
  } catch (e) {
    if (isUniqueViolation(e, "users_email_key")) throw new DomainError("conflict", "errors.email_taken");
    throw e;
  }
}
