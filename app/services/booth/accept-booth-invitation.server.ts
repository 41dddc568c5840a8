import type { AcceptBoothInvitationInput } from "~/domain/booth/invitation";
import type { Vacancy } from "~/domain/booth/vacancy";
import { DomainError } from "~/domain/errors";
import type { Actor } from "~/domain/org";
import type { Db } from "~db/client";
import { claimLeadInvitation, convertLead, findLeadInvitationByHash, type BoothInvitation } from "~db/lead-invitations";
import { insertLeadEvent } from "~db/leads";
import type { Deps } from "../deps.server";
import { hashPassword, sha256 } from "../auth/crypto.server";
import { personalWords, assertStrongPassword } from "../auth/password-policy.server";
import { createSession } from "../auth/sessions.server";
import { insertEmployer, isUniqueViolation, retryingSlugRace } from "../auth/sign-up-employer.server";
import { requireKindToAct } from "../guards.server";

/** What the invitation's page shows its holder: open (with the lead's own suggestions), used or expired. */
export type BoothInvitationView =
  | {
      state: "open";
      eventName: string;
      email: string;
      expiresAt: Date;
      vacancy: Vacancy;
      suggested: { name: string; company: string; country: string };
    }
  | { state: "used" | "expired"; eventName: string };

const stateOf = (i: BoothInvitation, now: Date): "open" | "used" | "expired" =>
  i.acceptedAt || i.revokedAt ? "used" : i.expiresAt <= now ? "expired" : "open";

/**
 * The invitation behind a link, for the public acceptance page: null when the token names none. The holder of an
 * open link sees what the lead left (they are the visitor, or a colleague the visitor gave the link to); a used or
 * expired link shows only the event's name.
 */
export async function findBoothInvitation(deps: Deps, token: string): Promise<BoothInvitationView | null> {
  if (!token || token.length > 200) return null;
  const found = await findLeadInvitationByHash(deps.db, sha256(token));
  if (!found) return null;
  const state = stateOf(found.invitation, deps.now());
  if (state !== "open" || found.lead.erasedAt) {
    return { state: state === "open" ? "used" : state, eventName: found.eventName };
  }
  return {
    state,
    eventName: found.eventName,
    email: found.invitation.email,
    expiresAt: found.invitation.expiresAt,
    vacancy: found.lead.vacancy,
    suggested: {
      name: found.lead.name ?? "",
      company: found.lead.company ?? "",
      country: found.lead.country ?? "",
    },
  };
}

async function openInvitation(deps: Deps, token: string) {
  const found = token && token.length <= 200 ? await findLeadInvitationByHash(deps.db, sha256(token)) : undefined;
  if (!found || found.lead.erasedAt || stateOf(found.invitation, deps.now()) !== "open") {
    throw new DomainError("not_found", "errors.booth_invitation_invalid");
  }
  return found;
}

async function claim(tx: Db, invitation: BoothInvitation, at: Date) {
  if (!(await claimLeadInvitation(tx, invitation.id, at))) {
    throw new DomainError("not_found", "errors.booth_invitation_invalid");
  }
}

async function convert(tx: Db, invitation: BoothInvitation, orgId: string, userId: string | null, at: Date) {
  await convertLead(tx, invitation.id, invitation.leadId, orgId, at);
  await insertLeadEvent(
    tx,
    { leadId: invitation.leadId, actorUserId: userId, kind: "accepted", detail: { orgId } },
    at,
  );
}

/**
 * A visitor without an account accepts: their employer organisation and its first admin (the invitation's
 * address) are created, the lead is linked to the organisation and the invitation spent, in one transaction; the
 * new admin is signed in and goes on to the job-order form pre-filled from the lead (`leadId`). An address that
 * already has an account is told to sign in first (409): the holder of the link learns that the address they were
 * invited at has an account, which the link's recipient knows anyway.
 */
export async function acceptBoothInvitationAsNew(
  deps: Deps,
  token: string,
  input: AcceptBoothInvitationInput,
  locale: string,
): Promise<{ session: { token: string; expiresAt: Date }; leadId: string }> {
  const { invitation } = await openInvitation(deps, token);
  await assertStrongPassword(input.password, personalWords(invitation.email, input.name, input.organisationName));
  const passwordHash = await hashPassword(input.password);
  try {
    const { userId } = await retryingSlugRace(() =>
      deps.db.transaction().execute(async (tx) => {
        const now = deps.now();
        await claim(tx, invitation, now); // first: a second acceptance waits here, then finds the link spent
        const created = await insertEmployer(
          tx,
          { ...input, email: invitation.email },
          passwordHash,
          locale,
          "employer.signed_up_from_booth",
        );
        await convert(tx, invitation, created.orgId, created.userId, now);
        return created;
      }),
    );
    return { session: await createSession(deps, userId), leadId: invitation.leadId };
  } catch (e) {
    if (isUniqueViolation(e, "users_email_key")) throw new DomainError("conflict", "errors.booth_invitation_sign_in");
    throw e;
  }
}

/**
 * A signed-in employer accepts for their own organisation (any member who may draft job orders): the lead is
 * linked to it and the invitation spent. Anyone else (an agency, the ministry) is refused (403).
 */
export async function acceptBoothInvitationAsMember(
  deps: Deps,
  actor: Actor,
  token: string,
): Promise<{ leadId: string }> {
  requireKindToAct(actor, "employer", "errors.booth_invitation_employers_only");
  const { invitation } = await openInvitation(deps, token);
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.now();
    await claim(tx, invitation, now);
    await convert(tx, invitation, actor.orgId, actor.userId, now);
  });
  return { leadId: invitation.leadId };
}
