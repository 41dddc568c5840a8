import type { SignupInput } from "~/domain/schemas/auth";
import { isLocale, type Locale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import { recordAudit } from "~db/audit";
import type { Db } from "~db/client";
import { enqueueEmail } from "~db/email-outbox";
import { insertOrg } from "~db/orgs";
import { emailExists, findUserByEmail, insertUser } from "~db/users";
import type { Deps } from "../deps.server";
import { hashPassword } from "./crypto.server";
import { personalWords, assertStrongPassword } from "./password-policy.server";
import { uniqueSlug } from "../orgs/unique-slug.server";

export type SignupOutcome = "created" | "existing";

/**
 * An overseas employer registers itself: organisation + first admin user in one transaction. The caller must
 * answer both outcomes the same way (decision 011): the address's owner, not the visitor, learns that the
 * address already had an account — by a mail queued in `email_outbox` — and nothing of the account changes.
 * Both paths hash the password, so they take about as long.
 */
export async function signUpEmployer(deps: Deps, input: SignupInput, locale: string): Promise<SignupOutcome> {
  // Checked first, for new and existing addresses alike (a difference here would tell them apart).
  await assertStrongPassword(input.password, personalWords(input.email, input.name, input.organisationName));
  const passwordHash = await hashPassword(input.password);
  if (await emailExists(deps.db, input.email)) return noticeToOwner(deps, input.email);
  // Two sign-ups of the same company name can race for its slug; the loser takes the next free one.
  try {
    await retryingSlugRace(() =>
      deps.db.transaction().execute((tx) => insertEmployer(tx, input, passwordHash, locale, "employer.signed_up")),
    );
    return "created";
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides, the loser is the "existing" case.
    if (isUniqueViolation(e, "users_email_key")) return noticeToOwner(deps, input.email);
    throw e;
  }
}

/** Runs `create` again (up to three times in all) when another organisation took the slug it chose meanwhile. */
export async function retryingSlugRace<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (e) {
      if (attempt < 3 && isUniqueViolation(e, "organisations_slug_key")) continue;
      throw e;
    }
  }
}

async function noticeToOwner(deps: Deps, email: string): Promise<SignupOutcome> {
  const owner = await findUserByEmail(deps.db, email);
  if (!owner) return "existing";
  const locale: Locale = owner.locale && isLocale(owner.locale) ? owner.locale : "en";
  await deps.db.transaction().execute(async (tx) => {
    await enqueueEmail(tx, {
      toEmail: owner.email,
      locale,
      kind: "signup_existing_email",
      subject: translate(locale, "notify.signup_existing_email.subject"),
      body: `${translate(locale, "notify.signup_existing_email.text", { email: owner.email })}\n`,
    });
    await recordAudit(tx, {
      orgId: owner.org_id,
      actorUserId: null,
      actorLabel: "sign-up form",
      action: "signup.existing_email",
      subjectType: "user",
      subjectId: owner.id,
    });
  });
  return "existing";
}

/**
 * A new employer organisation and its first admin, in the caller's transaction (self sign-up, and a booth
 * invitation's acceptance). Audited as the new user's own act.
 */
export async function insertEmployer(
  tx: Db,
  input: { name: string; email: string; organisationName: string; country: string },
  passwordHash: string,
  locale: string,
  auditAction: string,
): Promise<{ orgId: string; userId: string }> {
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
  await recordAudit(tx, {
    orgId: org.id,
    actorUserId: user.id,
    action: auditAction,
    subjectType: "organisation",
    subjectId: org.id,
  });
  return { orgId: org.id, userId: user.id };
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { code?: string }).code === "23505" &&
    (e as { constraint?: string }).constraint === constraint
  );
}
