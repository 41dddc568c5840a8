import { describe, expect, it } from "vitest";
import { canSignIn, effectiveLicence, licenceBlock, type LicenceState } from "~/domain/org";

const today = "2026-11-23";
const state = (s: Partial<LicenceState>): LicenceState => ({
  status: "active",
  suspendedUntil: null,
  validUntil: null,
  ...s,
});

describe("agency licence rules", () => {
  it.each<[string, Partial<LicenceState>, ReturnType<typeof licenceBlock>]>([
    ["active without expiry", {}, null],
    ["active, valid through today", { validUntil: today }, null],
    ["active but lapsed yesterday", { validUntil: "2026-11-22" }, "expired"],
    ["suspended indefinitely", { status: "suspended" }, "suspended"],
    ["suspended through today", { status: "suspended", suspendedUntil: today }, "suspended"],
    ["suspension ended yesterday", { status: "suspended", suspendedUntil: "2026-11-22" }, null],
    [
      "suspension ended but licence lapsed",
      { status: "suspended", suspendedUntil: "2026-11-01", validUntil: "2026-11-02" },
      "expired",
    ],
    ["revoked", { status: "revoked" }, "revoked"],
    ["no licence recorded", { status: null }, "missing"],
  ])("%s", (_name, s, expected) => {
    expect(licenceBlock(state(s), today)).toBe(expected);
  });

  it("shows what the licence amounts to today, not merely its recorded status", () => {
    expect(effectiveLicence(state({ validUntil: "2026-11-22" }), today)).toBe("expired");
    expect(effectiveLicence(state({ status: "suspended", suspendedUntil: "2026-11-22" }), today)).toBe("active");
    expect(effectiveLicence(state({ status: null }), today)).toBe("none");
  });

  it("only agencies are gated by a licence", () => {
    const revoked = state({ status: "revoked" });
    expect(canSignIn("agency", revoked, today)).toBe("revoked");
    for (const kind of ["employer", "mission", "ministry"] as const) expect(canSignIn(kind, revoked, today)).toBeNull();
  });
});
