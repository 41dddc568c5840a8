import { describe, expect, it } from "vitest";
import { rateLimitedLog } from "~/services/log/rate-limited-log.server";

describe("rateLimitedLog", () => {
  it("writes the first line of each cause at once, then one per period with a count of the ones left out", () => {
    const lines: string[] = [];
    let t = 0;
    const log = rateLimitedLog((l) => lines.push(l), { everyMs: 10_000, now: () => t });
    log("a", "A down");
    log("a", "A down");
    log("b", "B down");
    log("a", "A down");
    expect(lines).toEqual(["A down", "B down"]);
    t = 10_000;
    log("a", "A down");
    log("a", "A down");
    expect(lines).toEqual(["A down", "B down", "A down (+2 more like it since the last line)"]);
    t = 20_000;
    log("a", "A down");
    expect(lines.at(-1)).toBe("A down (+1 more like it since the last line)");
  });
});
