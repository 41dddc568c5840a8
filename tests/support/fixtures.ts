import { inject } from "vitest";
import type { CreateOrgInput } from "~/domain/schemas/org";
import type { Deps } from "~/services/deps.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { createDb } from "~db/client";
import { createSearch } from "~search/client";
import { unique } from "./http";

/** Direct access to the test database and search, for arranging data and asserting what was stored. */
export function testDeps(): Deps {
  return {
    db: createDb(inject("databaseUrl"), { max: 3 }),
    search: createSearch(inject("meiliUrl"), inject("meiliMasterKey")),
    now: () => new Date(),
  };
}

export const PASSWORD = "correct-horse-battery";

/** An organisation of any kind with one user, through the same use cases the admin CLI uses. */
export async function orgWithUser(
  deps: Deps,
  kind: CreateOrgInput["kind"],
  opts: { role?: "admin" | "member"; extra?: Partial<CreateOrgInput> } = {},
) {
  const slug = unique(kind);
  const input: CreateOrgInput = {
    kind,
    slug,
    name: `Test ${kind} ${slug}`,
    ...(kind === "agency" ? { licenceNumber: `SIP3MI-${slug}` } : {}),
    ...(kind === "mission" ? { countries: ["DE"] } : {}),
    ...(kind === "employer" ? { country: "MT" } : {}),
    ...opts.extra,
  };
  const org = await unsafeCreateOrg(deps, input, { userId: null, label: "test" });
  const email = `${slug}@test.example`;
  const user = await unsafeCreateUser(deps, {
    orgSlug: slug,
    email,
    name: `User ${slug}`,
    role: opts.role ?? "admin",
    password: PASSWORD,
  });
  return { org, user, email, password: PASSWORD };
}
