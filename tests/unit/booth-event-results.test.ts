import { describe, expect, it } from "vitest";
import {
  eventResults,
  orderProgress,
  reachedStage,
  verificationStands,
  type RawResults,
} from "~/domain/booth/event-results";
import { JOB_ORDER_STATES, RULES, type JobOrderState } from "~/domain/job-orders/state-machine";

// What an event's results page counts (issue 14): how far each job-order state means an order got, the funnel, and
// the small-number rules of breakdown.ts for everyone but the ministry's administrators.

/** The states reachable from `start` through the state machine's own transitions (start included). */
function reachableFrom(start: JobOrderState): Set<JobOrderState> {
  const seen = new Set<JobOrderState>([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const rule of Object.values(RULES))
      for (const from of rule.from)
        if (seen.has(from) && rule.to !== null && !seen.has(rule.to)) {
          seen.add(rule.to);
          grew = true;
        }
  }
  return seen;
}

describe("how far an order got, over every state", () => {
  it("is written out for each state", () => {
    expect(Object.fromEntries(JOB_ORDER_STATES.map((s) => [s, orderProgress(s)]))).toEqual({
      draft: "drafted",
      submitted: "submitted",
      returned: "submitted",
      rejected: "submitted",
      verified: "verified",
      filled: "verified",
      closed: "verified",
      expired: "verified",
      revoked: "verified",
    });
  });

  it("agrees with the state machine: submitted = reachable from submission, verified = reachable from verification", () => {
    const afterSubmission = reachableFrom("submitted");
    const afterVerification = reachableFrom("verified");
    expect(afterSubmission.has("draft")).toBe(false);
    expect(afterVerification.has("submitted")).toBe(false);
    for (const s of JOB_ORDER_STATES) {
      expect(orderProgress(s) !== "drafted", s).toBe(afterSubmission.has(s));
      expect(orderProgress(s) === "verified", s).toBe(afterVerification.has(s));
    }
  });

  it("counts a verification as standing unless it was revoked", () => {
    expect(JOB_ORDER_STATES.filter(verificationStands)).toEqual(["verified", "filled", "closed", "expired"]);
  });

  it("places a lead at the furthest stage its invitation or order reached", () => {
    const none = { invited: false, accepted: false, orderState: null };
    expect(reachedStage(none)).toBe("leads");
    expect(reachedStage({ ...none, invited: true })).toBe("invited");
    expect(reachedStage({ ...none, invited: true, accepted: true })).toBe("accepted");
    expect(reachedStage({ ...none, orderState: "draft" })).toBe("drafted");
    expect(reachedStage({ ...none, orderState: "returned" })).toBe("submitted");
    expect(reachedStage({ invited: true, accepted: true, orderState: "closed" })).toBe("verified");
  });
});

const raw = (patch: Partial<RawResults> = {}): RawResults => ({
  leads: { total: 40, kiosk: 31, phone: 9, consentContact: 40, consentShare: 27, erased: 3 },
  byOccupation: [
    { code: "5131", leads: 22, positions: 310 },
    { code: "5120", leads: 12, positions: 48 },
    { code: "8350", leads: 4, positions: 40 },
    { code: "5322", leads: 2, positions: 6 },
  ],
  byCountry: [
    { code: "US", leads: 30, positions: 330 },
    { code: "TW", leads: 10, positions: 74 },
  ],
  invitations: { sent: 14, accepted: 9, pending: 2, expired: 2, revoked: 1 },
  progress: [
    { invited: false, accepted: false, orderState: null, leads: 27 },
    { invited: true, accepted: false, orderState: null, leads: 4 },
    { invited: true, accepted: true, orderState: null, leads: 2 },
    { invited: true, accepted: true, orderState: "draft", leads: 2 },
    { invited: true, accepted: true, orderState: "submitted", leads: 1 },
    { invited: true, accepted: true, orderState: "verified", leads: 3 },
    { invited: true, accepted: true, orderState: "revoked", leads: 1 },
  ],
  orders: [
    { state: "draft", orders: 2, positions: 12 },
    { state: "submitted", orders: 1, positions: 6 },
    { state: "verified", orders: 3, positions: 60 },
    { state: "revoked", orders: 1, positions: 20 },
  ],
  ...patch,
});

describe("the figures a ministry administrator sees", () => {
  const r = eventResults(raw(), true);

  it("are exact, every group named, largest first", () => {
    expect(r.leads).toEqual({ total: 40, kiosk: 31, phone: 9, consentContact: 40, consentShare: 27, erased: 3 });
    expect(r.positionsDescribed).toBe(404);
    expect(r.byOccupation.map((g) => [g.code, g.leads, g.positions])).toEqual([
      ["5131", 22, 310],
      ["5120", 12, 48],
      ["8350", 4, 40],
      ["5322", 2, 6],
    ]);
    expect(r.invitations).toEqual({ sent: 14, accepted: 9, pending: 2, expired: 2, revoked: 1 });
  });

  it("count orders by how far they got, and positions only where verification stands", () => {
    expect(r.orders).toEqual({ drafted: 7, submitted: 5, verified: 4, revoked: 1, positionsVerified: 60 });
  });

  it("make a funnel where each stage holds those who went further", () => {
    expect(r.funnel.map((f) => [f.stage, f.count, f.ofPrevious, f.ofLeads])).toEqual([
      ["leads", 40, null, null],
      ["invited", 13, 33, 33],
      ["accepted", 9, 69, 23],
      ["drafted", 7, 78, 18],
      ["submitted", 5, 71, 13],
      ["verified", 4, 80, 10],
    ]);
  });
});

describe("the figures anyone else on the event's staff sees (breakdown.ts's rules)", () => {
  const r = eventResults(raw(), false);

  it("are 0, fewer than 5 (null) or rounded to the nearest 5", () => {
    expect(r.leads).toEqual({ total: 40, kiosk: 30, phone: 10, consentContact: 40, consentShare: 25, erased: null });
    expect(r.invitations).toEqual({ sent: 15, accepted: 10, pending: null, expired: null, revoked: null });
    expect(r.orders).toEqual({ drafted: 5, submitted: 5, verified: null, revoked: null, positionsVerified: 60 });
  });

  it("name no group of fewer than 5 leads: those are summed into 'other', last", () => {
    expect(r.byOccupation).toEqual([
      { code: "5131", leads: 20, positions: 310 },
      { code: "5120", leads: 10, positions: 50 },
      { code: null, leads: 5, positions: 45 },
    ]);
  });

  it("give percentages of the figures shown, none where a figure is hidden", () => {
    expect(r.funnel.map((f) => [f.stage, f.count, f.ofPrevious])).toEqual([
      ["leads", 40, null],
      ["invited", 15, 38],
      ["accepted", 10, 67],
      ["drafted", 5, 50],
      ["submitted", 5, 100],
      ["verified", null, null],
    ]);
  });

  it("show no breakdown below 20 leads, only the totals", () => {
    const few = eventResults(raw({ leads: { ...raw().leads, total: 19 } }), false);
    expect(few.breakdownShown).toBe(false);
    expect(few.byOccupation).toEqual([]);
    expect(few.byCountry).toEqual([]);
    expect(eventResults(raw({ leads: { ...raw().leads, total: 19 } }), true).byOccupation).toHaveLength(4);
  });

  it("show an event without leads as zeros, not as 'fewer than 5'", () => {
    const empty = eventResults(
      {
        leads: { total: 0, kiosk: 0, phone: 0, consentContact: 0, consentShare: 0, erased: 0 },
        byOccupation: [],
        byCountry: [],
        invitations: { sent: 0, accepted: 0, pending: 0, expired: 0, revoked: 0 },
        progress: [],
        orders: [],
      },
      false,
    );
    expect(empty.leads.total).toBe(0);
    expect(empty.funnel.every((f) => f.count === 0 && f.ofPrevious === null)).toBe(true);
  });
});
