import { describe, expect, it } from "vitest";
import {
  availableActions,
  canRecordFilled,
  JOB_ORDER_ACTIONS,
  JOB_ORDER_STATES,
  transition,
  type ActorRole,
} from "~/domain/job-orders/state-machine";

// The life cycle, written out independently of RULES: "state --action(actor)--> state".
const ALLOWED = new Set([
  "draft --edit(owner)--> draft",
  "returned --edit(owner)--> returned",
  "rejected --edit(owner)--> rejected",
  "draft --submit(owner)--> submitted",
  "returned --submit(owner)--> submitted",
  "rejected --submit(owner)--> submitted",
  "submitted --approve(mission)--> verified",
  "submitted --return(mission)--> returned",
  "submitted --reject(mission)--> rejected",
  "verified --fill(owner)--> filled",
  "verified --close(owner)--> closed",
  "verified --close(ministry)--> closed",
  "verified --expire(system)--> expired",
  "verified --revoke(mission)--> revoked",
  "verified --revoke(ministry)--> revoked",
  "filled --reopen(system)--> verified",
]);
const ACTORS: ActorRole[] = ["owner", "mission", "ministry", "system"];

describe("job order state machine", () => {
  const cases = JOB_ORDER_STATES.flatMap((from) =>
    JOB_ORDER_ACTIONS.flatMap((action) => ACTORS.map((by) => ({ from, action, by }))),
  );

  it(`covers every state × action × actor (${cases.length} cases) exactly as specified`, () => {
    const allowed: string[] = [];
    for (const { from, action, by } of cases) {
      const r = transition(from, action, by);
      if (r.ok) allowed.push(`${from} --${action}(${by})--> ${r.to}`);
    }
    expect(new Set(allowed)).toEqual(ALLOWED);
    expect(allowed).toHaveLength(ALLOWED.size);
  });

  it("says why a transition is refused", () => {
    expect(transition("draft", "approve", "mission")).toEqual({ ok: false, why: "state" });
    expect(transition("submitted", "approve", "owner")).toEqual({ ok: false, why: "actor" });
    expect(transition("submitted", "submit", "mission")).toEqual({ ok: false, why: "actor" });
    for (const terminal of ["closed", "expired", "revoked"] as const) {
      for (const action of JOB_ORDER_ACTIONS)
        for (const by of ACTORS) expect(transition(terminal, action, by).ok).toBe(false);
    }
    // a filled order only reopens when a selected candidate leaves (the system's move, nobody's button)
    for (const action of JOB_ORDER_ACTIONS)
      for (const by of ACTORS) expect(transition("filled", action, by).ok).toBe(action === "reopen" && by === "system");
  });

  it("offers each actor only the actions that would succeed", () => {
    expect(availableActions("draft", "owner")).toEqual(["edit", "submit"]);
    expect(availableActions("submitted", "mission")).toEqual(["approve", "return", "reject"]);
    expect(availableActions("submitted", "owner")).toEqual([]);
    expect(availableActions("verified", "ministry")).toEqual(["close", "revoke"]);
  });

  it("never lets filled positions exceed positions or go negative", () => {
    expect(canRecordFilled(5, 5)).toBe(true);
    expect(canRecordFilled(5, 0)).toBe(true);
    expect(canRecordFilled(5, 6)).toBe(false);
    expect(canRecordFilled(5, -1)).toBe(false);
    expect(canRecordFilled(5, 2.5)).toBe(false);
  });
});
