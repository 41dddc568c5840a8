import { DomainError } from "~/domain/errors";
import type { SignupInput } from "~/domain/schemas/auth";
import { recordAudit } from "~db/audit";
import { insertOrg } from "~db/orgs";
import { emailExists, insertUser } from "~db/users";
import type { Deps } from "../deps.server";
import { hashPassword } from "./crypto.server";
import { createSession } from "./sessions.server";
import { uniqueSlug } from "../orgs/unique-slug.server";

/** An overseas employer registers itself: organisation + first admin user in one transaction. */
export async function signUpEmployer(deps: Deps, input: SignupInput, locale: string) {
  if (await emailExists(deps.db, input.email)) {
    throw new DomainError("conflict", "errors.email_taken", { email: "errors.email_taken" });
  }
  const passwordHash = await hashPassword(input.password);
  // Two sign-ups of the same company name can race for its slug; the loser takes the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createEmployer(deps, input, passwordHash, locale);
    } catch (e) {
      if (attempt < 3 && isUniqueViolation(e, "organisations_slug_key")) continue;
      throw e;
    }
  }
}

async function createEmployer(deps: Deps, input: SignupInput, passwordHash: string, locale: string) {
  const { user } = await deps.db.transaction().execute(async (tx) => {
    const slug = await uniqueSlug(tx, input.organisationName);
    const org = await insertOrg(tx, { kind: "employer", slug, name: input.organisationName, country: input.country });
    const user = await insertUser(tx, {
      org_id: org.id,
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      role: "admin",
      locale,
    });
    await recordAudit(tx, { orgId: org.id, actorUserId: user.id, action: "employer.signed_up", subjectType: "organisation", subjectId: org.id });
    return { user };
  }).catch((e: unknown) => {
    // Two sign-ups racing for one email: the unique index decides, the user sees the same field error.
    if (isUniqueViolation(e, "users_email_key")) throw new DomainError("conflict", "errors.email_taken", { email: "errors.email_taken" });
    throw e;
  });
  return createSession(deps, user.id);
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "23505" && (e as { constraint?: string }).constraint === constraint;
}
