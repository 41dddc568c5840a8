import { describe, expect, it } from "vitest";
import { namePattern, packRuns, sampleCases, seededRandom, type TestCase } from "../../scripts/lib/alone-sample";

// The sample `npm run test:alone` runs: the same seed picks the same cases, and each case runs alone in its file.

const all: TestCase[] = [
  ...["a one", "a two", "a two (again)"].map((name) => ({ file: "a.test.ts", name })),
  ...["b one", "b two"].map((name) => ({ file: "b.test.ts", name })),
  { file: "c.test.ts", name: "a one" }, // the same full name as a case in another file
];

describe("the test-alone sample", () => {
  it("is the same for the same seed and includes every case of a file asked for", () => {
    const pick = (seed: number) =>
      sampleCases(all, { count: 2, files: [{ file: "b.test.ts" }], random: seededRandom(seed) });
    expect(pick(20261203)).toEqual(pick(20261203));
    expect(pick(7)).toHaveLength(4);
    expect(pick(7).filter((c) => c.file === "b.test.ts")).toHaveLength(2);
    // the random part spreads over files: a.test.ts's three cases cannot take both places
    for (const seed of [1, 2, 3, 4, 5])
      expect(
        new Set(
          pick(seed)
            .filter((c) => c.file !== "b.test.ts")
            .map((c) => c.file),
        ).size,
      ).toBe(2);
    expect(() => sampleCases(all, { count: 1, files: [{ file: "nope.test.ts" }], random: seededRandom(1) })).toThrow(
      /no test cases/,
    );
  });

  it("matches names exactly, special characters included", () => {
    const re = new RegExp(namePattern(["a two (again)"]));
    expect(re.test("a two (again)")).toBe(true);
    expect(re.test("a two")).toBe(false);
  });

  it("packs at most one case per file into a run, and never one whose pattern would select another case", () => {
    const runs = packRuns(all, all);
    for (const run of runs) expect(new Set(run.map((c) => c.file)).size).toBe(run.length);
    expect(runs.flat()).toHaveLength(all.length);
    // "a one" in c.test.ts cannot share a run with "a one" of a.test.ts unless both are the run's chosen cases
    for (const run of runs) {
      const re = new RegExp(namePattern(run.map((c) => c.name)));
      const files = new Set(run.map((c) => c.file));
      expect(all.filter((c) => files.has(c.file) && re.test(c.name))).toHaveLength(run.length);
    }
  });
});
