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
  { state: "none" } | { state: "blocked"; reason: LicenceBlock } | { state: "ok"; signedIn: SignedIn };

/** Resolves a session token. A user whose agency lost its licence is refused even with a live session. */
export async function resolveSession(deps: Deps, token: string | null): Promise<SessionLookup> {
  if (!token) return { state: "none" };
  const now = deps.now();
  const session = await findLiveSession(deps.db, sha256(token), now);
  if (!session) return { state: "none" };
  const found = await findUserWithOrg(deps.db, session.user_id);
  if (!found) return { state: "none" };
  const block = canSignIn(found.org.kind, found.org.licence, isoDay(now));
  if (block) return { state: "blocked", reason: block };
  return { state: "ok", signedIn: { ...found, actor: actorOf(found) } };
}

export async function endSession(deps: Deps, token: string | null): Promise<void> {
  if (token) await deleteSession(deps.db, sha256(token));
}

export function actorOf({
  user,
  org,
}: {
  user: Pick<UserWithOrg["user"], "id" | "role">;
  org: Pick<UserWithOrg["org"], "id" | "kind">;
}): Actor {
  return { userId: user.id, orgId: org.id, orgKind: org.kind, role: user.role };
}
