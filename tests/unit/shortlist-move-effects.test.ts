import { describe, expect, it } from "vitest";
import {
  freePosition,
  noticesOfMove,
  slotChange,
  takePosition,
  workerStatusChange,
  type OrderPositions,
} from "~/domain/shortlists/move-effects";
import { STAGES } from "~/domain/shortlists/stages";

const order = (o: Partial<OrderPositions> = {}): OrderPositions => ({
  status: "verified",
  positions: 3,
  positions_filled: 0,
  valid_until: "2027-06-30",
  ...o,
});
const TODAY = "2027-01-15";

describe("what a shortlist move does to the order's positions", () => {
  it("takes a position on selecting, frees one when a candidate holding one leaves, and nothing otherwise", () => {
    const seen: string[] = [];
    for (const from of STAGES)
      for (const to of STAGES) {
        const c = slotChange(from, to);
        if (c) seen.push(`${from}→${to}: ${c}`);
      }
    const holders = ["selected", "contract_signed", "departed"];
    const expected = STAGES.flatMap((from) =>
      STAGES.flatMap((to) =>
        to === "selected"
          ? [`${from}→${to}: take`]
          : holders.includes(from) && !holders.includes(to)
            ? [`${from}→${to}: free`]
            : [],
      ),
    );
    expect(seen).toEqual(expected);
    expect(slotChange("proposed", "selected")).toBe("take");
    expect(slotChange("selected", "withdrawn")).toBe("free");
    expect(slotChange("contract_signed", "withdrawn")).toBe("free");
    expect(slotChange("selected", "contract_signed")).toBeNull();
    expect(slotChange("contract_signed", "departed")).toBeNull();
    expect(slotChange("shortlisted", "proposed")).toBeNull();
    expect(slotChange("interview", "rejected")).toBeNull();
  });

  it("selecting counts the larger of the recorded placements and the candidates holding one, and the last one fills the order", () => {
    expect(takePosition(order(), 0)).toEqual({ filled: 1, status: "verified" });
    expect(takePosition(order({ positions_filled: 1 }), 0)).toEqual({ filled: 2, status: "verified" }); // recorded placements count
    expect(takePosition(order({ positions_filled: 0 }), 1)).toEqual({ filled: 2, status: "verified" }); // so do the holders
    expect(takePosition(order({ positions_filled: 1 }), 2)).toEqual({ filled: 3, status: "filled" });
    expect(takePosition(order({ positions: 1 }), 0)).toEqual({ filled: 1, status: "filled" });
  });

  it("refuses to select when no position is open or the order is not verified", () => {
    expect(takePosition(order({ positions_filled: 3 }), 0)).toBeNull();
    expect(takePosition(order(), 3)).toBeNull();
    expect(takePosition(order({ positions_filled: 5 }), 1)).toBeNull();
    for (const status of ["filled", "closed", "expired", "revoked", "draft", "submitted"] as const)
      expect(takePosition(order({ status }), 0)).toBeNull();
  });

  it("a candidate leaving frees a position and reopens a filled order only while it is still valid", () => {
    expect(freePosition(order({ status: "filled", positions_filled: 3 }), TODAY)).toEqual({
      filled: 2,
      status: "verified",
    });
    expect(freePosition(order({ status: "filled", positions_filled: 3, valid_until: null }), TODAY)).toEqual({
      filled: 2,
      status: "verified",
    });
    expect(freePosition(order({ status: "filled", positions_filled: 3, valid_until: TODAY }), TODAY)).toEqual({
      filled: 2,
      status: "verified",
    });
    expect(freePosition(order({ status: "filled", positions_filled: 3, valid_until: "2027-01-14" }), TODAY)).toEqual({
      filled: 2,
      status: "filled",
    });
    expect(freePosition(order({ positions_filled: 2 }), TODAY)).toEqual({ filled: 1, status: "verified" });
    expect(freePosition(order({ status: "closed", positions_filled: 1 }), TODAY)).toEqual({
      filled: 0,
      status: "closed",
    });
    expect(freePosition(order({ positions_filled: 0 }), TODAY)).toEqual({ filled: 0, status: "verified" }); // never below zero
  });
});

describe("what a shortlist move does to the worker's status", () => {
  it("selected → in process, departed → placed, released from a position → available again", () => {
    expect(workerStatusChange("proposed", "selected", "available")).toBe("in_process");
    expect(workerStatusChange("contract_signed", "departed", "in_process")).toBe("placed");
    expect(workerStatusChange("selected", "withdrawn", "in_process")).toBe("available");
    expect(workerStatusChange("contract_signed", "withdrawn", "in_process")).toBe("available");
  });

  it("changes nothing when the status is already so, the move does not touch it, or the worker was not in process", () => {
    expect(workerStatusChange("shortlisted", "proposed", "available")).toBeNull();
    expect(workerStatusChange("proposed", "withdrawn", "in_process")).toBeNull(); // held no position on this order
    expect(workerStatusChange("selected", "contract_signed", "in_process")).toBeNull();
    expect(workerStatusChange("contract_signed", "departed", "placed")).toBeNull();
    expect(workerStatusChange("selected", "withdrawn", "placed")).toBeNull(); // placed elsewhere meanwhile
    expect(workerStatusChange("selected", "withdrawn", "withdrawn")).toBeNull();
    expect(workerStatusChange("selected", "withdrawn", "available")).toBeNull();
  });
});

describe("what a shortlist move announces", () => {
  it("a proposal to the employer, a selection to the agency, and a newly filled order to everyone, in that order", () => {
    expect(noticesOfMove("proposed", "verified", "verified")).toEqual(["candidate_proposed"]);
    expect(noticesOfMove("selected", "verified", "verified")).toEqual(["candidate_selected"]);
    expect(noticesOfMove("selected", "verified", "filled")).toEqual(["candidate_selected", "order_filled"]);
    expect(noticesOfMove("interview", "verified", "verified")).toEqual([]);
    expect(noticesOfMove("withdrawn", "filled", "verified")).toEqual([]);
    expect(noticesOfMove("withdrawn", "filled", "filled")).toEqual([]); // still filled: nothing new
    expect(noticesOfMove("contract_signed", "filled", "filled")).toEqual([]);
  });
});
