import { describe, expect, it } from "vitest";
import { isMatchable } from "~/domain/job-orders/matchable";

const order = { status: "verified", positions: 3, positionsFilled: 1, validUntil: "2027-06-30" };

describe("when an order can be matched", () => {
  it("is verified, has an open position and is still valid on the day", () => {
    expect(isMatchable(order, "2027-06-30")).toBe(true);
    expect(isMatchable({ ...order, validUntil: null }, "2099-01-01")).toBe(true);
  });
  it("not after its validity, when filled, or in any other state", () => {
    expect(isMatchable(order, "2027-07-01")).toBe(false);
    expect(isMatchable({ ...order, positionsFilled: 3 }, "2027-01-01")).toBe(false);
    for (const status of ["draft", "submitted", "returned", "rejected", "filled", "closed", "expired", "revoked"]) {
      expect(isMatchable({ ...order, status }, "2027-01-01"), status).toBe(false);
    }
  });
});
