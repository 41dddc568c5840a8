import { canSignIn, type Actor, type LicenceBlock } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import { findUserWithOrg, type UserWithOrg } from "~db/users";
import { deleteExpiredSessionsOf, deleteSession, findLiveSession, insertSession } from "~db/sessions";
import type { Deps } from "../deps.server";
import { randomToken, sha256 } from "./crypto.server";

export const SESSION_DAYS = 30;

/** Creates a session and returns the token for the cookie. The database keeps only its hash. */
export async function createSession(deps: Deps, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(deps.db, { id: sha256(token), userId, expiresAt });
  await deleteExpiredSessionsOf(deps.db, userId, deps.now());
  return { token, expiresAt };
}

export interface SignedIn extends UserWithOrg {
  actor: Actor;
}

export type SessionLookup =
  | { state: "none" }
  | { state: "blocked"; reason: LicenceBlock }
  | { state: "ok"; signedIn: SignedIn };

/** Resolves a session token. A user whose agency lost its licence is refused even with a live session. */
export async function resolveSession(deps: Deps, token: string | null): Promise<SessionLookup> {
  if (!token) return { state: "none" };
  const now = deps.now();
  const session = await findLiveSession(deps.db, sha256(token), now);
  if (!session) return { state: "none" };
  const found = await findUserWithOrg(deps.db, session.user_id);
  if (!found) return { state: "none" };
  const block = canSignIn(found.org.kind, licenceOf(found.org), isoDay(now));
  if (block) return { state: "blocked", reason: block };
  return { state: "ok", signedIn: { ...found, actor: actorOf(found) } };
}

export async function endSession(deps: Deps, token: string | null): Promise<void> {
  if (token) await deleteSession(deps.db, sha256(token));
}

export function actorOf({ user, org }: UserWithOrg): Actor {
  return { userId: user.id, orgId: org.id, orgKind: org.kind, role: user.role };
}

/** An organisation row's licence columns as the domain's licence state. */
export function licenceOf(org: Pick<UserWithOrg["org"], "licence_status" | "licence_suspended_until" | "licence_valid_until">) {
  return { status: org.licence_status, suspendedUntil: org.licence_suspended_until, validUntil: org.licence_valid_until };
}
