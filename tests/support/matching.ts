import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { Actor } from "~/domain/org";
import type { Deps } from "~/services/deps.server";
import { decideJobOrder } from "~/services/job-orders/decide.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { updateOrg } from "~db/orgs";
import { orgWithUser } from "./fixtures";
import { orderInput } from "./order-input";

const actorOf = (m: Awaited<ReturnType<typeof orgWithUser>>, kind: Actor["orgKind"]): Actor => ({
  userId: m.user.id,
  orgId: m.org.id,
  orgKind: kind,
  role: "admin",
});

/** A job order taken through the real use cases: created by an employer, submitted, approved by a mission. */
export async function verifiedOrder(deps: Deps, patch: Partial<Record<keyof JobOrderInput, unknown>> = {}) {
  const input = orderInput(patch) as JobOrderInput;
  const [employer, mission] = await Promise.all([
    orgWithUser(deps, "employer"),
    orgWithUser(deps, "mission", { extra: { countries: [input.country] } }),
  ]);
  await updateOrg(deps.db, employer.org.id, {
    registration_number: "C 12345",
    address: "1 Harbour Street, Valletta VLT 1000, Malta",
    contact_email: "hr@example.com",
    contact_phone: "+356 2122 0000",
  });
  const e = actorOf(employer, "employer");
  const created = await createJobOrder(deps, e, input);
  await submitJobOrder(deps, e, created.id);
  const order = await decideJobOrder(deps, actorOf(mission, "mission"), created.id, { decision: "approve" });
  return { order, employer, mission, employerActor: e };
}
