import { DomainError } from "~/domain/errors";
import type { Role } from "~/domain/org";
import { recordAudit } from "~db/audit";
import { findOrgBySlug } from "~db/orgs";
import { countOrgMembers, emailExists, insertUser, setUserLocale } from "~db/users";
import type { Deps } from "../deps.server";
import { hashPassword } from "../auth/crypto.server";

/** Skips authorisation: the admin CLI creates the first users of an organisation. */
export async function unsafeCreateUser(
  deps: Deps,
  input: { orgSlug: string; email: string; name: string; role: Role; password: string },
) {
  const org = await findOrgBySlug(deps.db, input.orgSlug);
  if (!org) throw new DomainError("not_found", "errors.org_not_found");
  if (await emailExists(deps.db, input.email)) throw new DomainError("conflict", "errors.email_taken");
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const user = await insertUser(tx, {
      org_id: org.id,
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      role: input.role,
      locale: null,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorUserId: null,
      actorLabel: "cli",
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      details: { role: input.role },
    });
    return user;
  });
}

export async function rememberLocale(deps: Deps, userId: string, locale: string): Promise<void> {
  await setUserLocale(deps.db, userId, locale);
}

export async function memberCount(deps: Deps, orgId: string): Promise<number> {
  return countOrgMembers(deps.db, orgId);
}
