// Shared by the benchmarks in scripts/bench/: the tests' complete job order (tests/support/order-input.ts) taken
// through the real use cases to verified, and the percentile and timing helpers their reports print.
import { randomBytes } from "node:crypto";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { type Actor } from "~/domain/org";
import type { Deps } from "~/services/deps.server";
import { decideJobOrder } from "~/services/job-orders/decide.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { updateOrg } from "~db/orgs";
import { orderInput } from "../../tests/support/order-input";

/** Created by an employer, submitted, approved by a mission: the same use cases as the pages and the API. */
export async function benchVerifiedOrder(deps: Deps, i: number, patch: Record<string, unknown>) {
  const input = jobOrderSchema(isoDay(deps.now())).parse(orderInput(patch));
  const org = async (kind: "employer" | "mission", slug: string) => {
    const o = await unsafeCreateOrg(
      deps,
      { kind, slug, name: slug, ...(kind === "employer" ? { country: "MT" } : { countries: [input.country] }) },
      { userId: null, label: "bench" },
    );
    const u = await unsafeCreateUser(deps, {
      orgSlug: slug,
      email: `${slug}@bench.example`,
      name: slug,
      role: "admin",
      password: randomBytes(12).toString("hex"),
    });
    return { userId: u.id, orgId: o.id, orgKind: kind, role: "admin" } satisfies Actor;
  };
  const [employer, mission] = await Promise.all([
    org("employer", `bench-employer-${i}`),
    org("mission", `bench-mission-${i}`),
  ]);
  await updateOrg(deps.db, employer.orgId, {
    registration_number: "C 12345",
    address: "1 Harbour Street, Valletta VLT 1000, Malta",
    contact_email: "hr@example.com",
    contact_phone: "+356 2122 0000",
  });
  const created = await createJobOrder(deps, employer, input);
  await submitJobOrder(deps, employer, created.id);
  return decideJobOrder(deps, mission, created.id, { decision: "approve" });
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
};
export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}
