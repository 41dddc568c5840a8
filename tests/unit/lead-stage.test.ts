import { describe, expect, it } from "vitest";
import { isOverdue, leadStage, LEAD_STAGES } from "~/domain/booth/lead-stage";
import { JOB_ORDER_STATES } from "~/domain/job-orders/state-machine";
import { LEAD_STATUSES } from "~/domain/booth/lead-schema";

describe("a lead's stage", () => {
  it("is the staff's status until an order exists", () => {
    for (const s of LEAD_STATUSES) expect(leadStage(s, null)).toBe(s);
  });
  it("follows the order once there is one, whatever staff last set", () => {
    const table = Object.fromEntries(JOB_ORDER_STATES.map((o) => [o, leadStage("invited", o)]));
    expect(table).toEqual({
      draft: "order_drafted",
      returned: "order_drafted",
      rejected: "order_drafted",
      submitted: "order_submitted",
      verified: "order_verified",
      filled: "order_verified",
      closed: "order_verified",
      expired: "order_verified",
      revoked: "order_verified",
    });
    for (const s of LEAD_STATUSES) expect(leadStage(s, "submitted")).toBe("order_submitted");
  });
  it("every stage is reachable", () => {
    const reached = new Set([
      ...LEAD_STATUSES.map((s) => leadStage(s, null)),
      ...JOB_ORDER_STATES.map((o) => leadStage("new", o)),
    ]);
    expect([...reached].sort()).toEqual([...LEAD_STAGES].sort());
  });
  it("is overdue only past its date, while it waits on staff", () => {
    expect(isOverdue("2026-12-01", "contacted", "2026-12-02")).toBe(true);
    expect(isOverdue("2026-12-02", "contacted", "2026-12-02")).toBe(false);
    expect(isOverdue(null, "new", "2026-12-02")).toBe(false);
    expect(isOverdue("2026-12-01", "closed", "2026-12-02")).toBe(false);
    expect(isOverdue("2026-12-01", "order_drafted", "2026-12-02")).toBe(false);
  });
});
