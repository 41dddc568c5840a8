import { describe, expect, it } from "vitest";
import { importModeOf } from "~/domain/workers/import-mode";

describe("an import's mode", () => {
  it("defaults to valid rows and takes all or nothing", () => {
    expect(importModeOf(null)).toBe("valid_only");
    expect(importModeOf(undefined)).toBe("valid_only");
    expect(importModeOf("all_or_nothing")).toBe("all_or_nothing");
    expect(importModeOf("valid_only")).toBe("valid_only");
  });
  it("refuses anything else with a field error on mode", () => {
    for (const bad of ["some", "", "ALL_OR_NOTHING", 1]) {
      expect(() => importModeOf(bad), String(bad)).toThrow(
        expect.objectContaining({ code: "invalid", fields: { mode: "errors.import_mode_invalid" } }),
      );
    }
  });
});
