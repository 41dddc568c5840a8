import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { Actor, OrgKind, Role } from "~/domain/org";
import { createApiKey } from "~/services/api-keys/api-keys.server";
import { getProblemEmployers } from "~/services/job-orders/reference-lists.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { matchJobOrder, matchJobOrderForAgency } from "~/services/matching/match-order.server";
import { listOrganisations } from "~/services/orgs/admin-orgs.server";
import { reviewCandidates } from "~/services/shortlists/employer-review.server";
import { getShortlist } from "~/services/shortlists/get-shortlist.server";
import { listImports } from "~/services/workers/import-records.server";
import { getWorker, listWorkers } from "~/services/workers/get-worker.server";
import { searchWorkers } from "~/services/workers/search-workers.server";
import { statusOf } from "~/web/errors.server";
import { eventSchema } from "~/domain/booth/event-schema";
import { isoDay, shiftDay } from "~/domain/dates";
import { addEventStaff } from "~/services/booth/add-event-staff.server";
import { createEnrolmentCode } from "~/services/booth/create-enrolment-code.server";
import { createEvent } from "~/services/booth/create-event.server";
import { getEvent } from "~/services/booth/get-event.server";
import { getEventResults } from "~/services/booth/get-event-results.server";
import { listEvents } from "~/services/booth/list-events.server";
import { removeEventStaff } from "~/services/booth/remove-event-staff.server";
import { revokeDevice } from "~/services/booth/revoke-device.server";
import { orgWithUser, testDeps } from "../support/fixtures";
import { orderInput } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";

// The one rule of app/services/guards.server.ts (docs/decisions/016-guards.md), as a table: 404 when the actor may
// not know that the thing exists (an area of another kind of organisation, an order it cannot see, another
// tenant's organisation), 403 when it sees the thing and this action is not its own. A guard copied with another
// answer fails here.

const deps = testDeps();
type Who = "agency" | "owner" | "otherEmployer" | "mission" | "ministryAdmin" | "ministryMember" | "member";
const actors = {} as Record<Who, Actor>;
let made: Awaited<ReturnType<typeof verifiedOrder>>;
let otherOrgSlug: string;
let memberOrgSlug: string;
let eventSlug: string;
const today = isoDay(new Date());
const eventInput = () =>
  eventSchema(today).parse({
    name: `Guards fair ${Math.random().toString(36).slice(2)}`,
    city: "Valletta",
    country: "MT",
    venue: "Mediterranean Conference Centre",
    startsOn: shiftDay(today, { days: 20 }),
    endsOn: shiftDay(today, { days: 21 }),
    kioskLocales: ["en", "id"],
  });

const actor = (m: Awaited<ReturnType<typeof orgWithUser>>, orgKind: OrgKind, role: Role = "admin"): Actor => ({
  userId: m.user.id,
  orgId: m.org.id,
  orgKind,
  role,
});

beforeAll(async () => {
  made = await verifiedOrder(deps);
  const [agency, otherEmployer, ministryAdmin, ministryMember, member] = await Promise.all([
    orgWithUser(deps, "agency"),
    orgWithUser(deps, "employer"),
    orgWithUser(deps, "ministry"),
    orgWithUser(deps, "ministry", { role: "member" }),
    orgWithUser(deps, "employer", { role: "member" }),
  ]);
  Object.assign(actors, {
    agency: actor(agency, "agency"),
    owner: made.employerActor,
    otherEmployer: actor(otherEmployer, "employer"),
    mission: actor(made.mission, "mission"),
    ministryAdmin: actor(ministryAdmin, "ministry"),
    ministryMember: actor(ministryMember, "ministry", "member"),
    member: actor(member, "employer", "member"),
  });
  otherOrgSlug = otherEmployer.org.slug;
  memberOrgSlug = member.org.slug;
  // an event whose booth staff is the mission's user
  eventSlug = (await createEvent(deps, actors.ministryAdmin, eventInput())).slug;
  await addEventStaff(deps, actors.ministryAdmin, eventSlug, made.mission.email);
});
afterAll(() => deps.db.destroy());

const MISSING = "00000000-0000-4000-8000-000000000000";
const Q = { limit: 5, offset: 0, nearLimit: 5, nearOffset: 0 };

const useCases: Record<string, { run: (a: Actor) => Promise<unknown>; expect: Partial<Record<Who, 403 | 404>> }> = {
  // areas only agencies have: everyone else is told "not found"
  "the worker register": {
    run: (a) => listWorkers(deps, a, { archived: false, page: 1 }),
    expect: { owner: 404, mission: 404, ministryAdmin: 404 },
  },
  "a worker profile": {
    run: (a) => getWorker(deps, a, MISSING),
    expect: { owner: 404, mission: 404, ministryAdmin: 404 },
  },
  "worker search": {
    run: (a) => searchWorkers(deps, a, { q: "", page: 1 }),
    expect: { owner: 404, mission: 404, ministryAdmin: 404 },
  },
  "the import history": { run: (a) => listImports(deps, a), expect: { owner: 404, mission: 404, ministryAdmin: 404 } },
  // the administration area: only ministry administrators know it exists
  "the organisations list": {
    run: (a) => listOrganisations(deps, a, { page: 1 }),
    expect: { agency: 404, owner: 404, mission: 404, ministryMember: 404 },
  },
  "the problem-employer list": {
    run: (a) => getProblemEmployers(deps, a),
    expect: { agency: 404, owner: 404, mission: 404, ministryMember: 404 },
  },
  // job orders: every kind sees some, only employers write them
  "creating a job order": {
    run: (a) => createJobOrder(deps, a, orderInput() as JobOrderInput),
    expect: { agency: 403, mission: 403, ministryAdmin: 403 },
  },
  // a verified order: those who see it are refused what is not theirs; those who do not are told it does not exist
  "the agency's shortlist of an order": {
    run: (a) => getShortlist(deps, a, made.order.id),
    expect: { owner: 403, mission: 403, ministryAdmin: 403, otherEmployer: 404, ministryMember: 404 },
  },
  "the employer's review of candidates": {
    run: (a) => reviewCandidates(deps, a, made.order.id, "api"),
    expect: { agency: 403, mission: 403, ministryAdmin: 403, otherEmployer: 404, ministryMember: 404 },
  },
  "the matches page": {
    run: (a) => matchJobOrder(deps, a, made.order.id, Q),
    expect: { owner: 403, mission: 403, otherEmployer: 404, ministryMember: 404 },
  },
  "the matches API": {
    run: (a) => matchJobOrderForAgency(deps, a, made.order.id, Q),
    expect: { owner: 403, mission: 403, ministryAdmin: 403, otherEmployer: 404, ministryMember: 404 },
  },
  "an order that does not exist": {
    run: (a) => getShortlist(deps, a, MISSING),
    expect: { agency: 404, owner: 404, mission: 404 },
  },
  // an organisation's settings: its own members see them, only its administrators change them
  "a key for one's own organisation, as a member": {
    run: (a) => createApiKey(deps, a, memberOrgSlug, "k"),
    expect: { member: 403 },
  },
  "a key for another organisation": {
    run: (a) => createApiKey(deps, a, otherOrgSlug, "k"),
    expect: { member: 404, agency: 404, owner: 404 },
  },
  // the trade-forum booth: the events list is the administration's; an event is known to its staff and the
  // ministry's administrators only, and its staff see it but do not change its staff
  "the events list": {
    run: (a) => listEvents(deps, a),
    expect: { agency: 404, owner: 404, mission: 404, ministryMember: 404 },
  },
  "creating an event": {
    run: (a) => createEvent(deps, a, eventInput()),
    expect: { agency: 404, owner: 404, mission: 404, ministryMember: 404 },
  },
  "an event's page, not being its staff": {
    run: (a) => getEvent(deps, a, eventSlug),
    expect: { agency: 404, owner: 404, otherEmployer: 404, ministryMember: 404 },
  },
  "an event's results, not being its staff": {
    run: (a) => getEventResults(deps, a, eventSlug),
    expect: { agency: 404, owner: 404, otherEmployer: 404, ministryMember: 404 },
  },
  "enrolling a kiosk for an event one does not staff": {
    run: (a) => createEnrolmentCode(deps, a, eventSlug, "Screen"),
    expect: { agency: 404, owner: 404, ministryMember: 404 },
  },
  "revoking a kiosk of an event one does not staff": {
    run: (a) => revokeDevice(deps, a, eventSlug, MISSING),
    expect: { agency: 404, ministryMember: 404 },
  },
  "adding booth staff": {
    run: (a) => addEventStaff(deps, a, eventSlug, "nobody@test.example"),
    expect: { mission: 403, agency: 404, ministryMember: 404 },
  },
  "removing booth staff": {
    run: (a) => removeEventStaff(deps, a, eventSlug, MISSING),
    expect: { mission: 403, owner: 404 },
  },
  "an event that does not exist": {
    run: (a) => getEvent(deps, a, "no-such-event"),
    expect: { mission: 404, ministryAdmin: 404 },
  },
  "the results of an event that does not exist": {
    run: (a) => getEventResults(deps, a, "no-such-event"),
    expect: { mission: 404, ministryAdmin: 404 },
  },
};

describe("who is refused (403) and who is told 'not found' (404)", () => {
  for (const [name, c] of Object.entries(useCases)) {
    for (const [who, status] of Object.entries(c.expect) as [Who, 403 | 404][]) {
      it(`${name}: ${who} → ${status}`, async () => {
        const e = await c.run(actors[who]).then(
          () => null,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(DomainError);
        expect(statusOf(e as DomainError)).toBe(status);
      });
    }
  }
});
