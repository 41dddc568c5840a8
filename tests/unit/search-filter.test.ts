import { describe, expect, it } from "vitest";
import { workerQuery } from "~/services/workers/search-workers.server";
import { allOf, not, quoteFilterValue, where, whereIn } from "~search/filter";
import { workerFilter } from "~search/worker-search";

// The one way values enter a Meilisearch filter (search/filter.ts): never concatenated.
describe("quoteFilterValue", () => {
  it("keeps any string one quoted value: quotes and backslashes escaped", () => {
    expect(quoteFilterValue("cruise")).toBe(`"cruise"`);
    expect(quoteFilterValue(`33" OR agency_id = "x`)).toBe(`"33\\" OR agency_id = \\"x"`);
    expect(quoteFilterValue(`a\\`)).toBe(`"a\\\\"`);
    expect(quoteFilterValue(`\\"`)).toBe(`"\\\\\\""`);
  });

  it("writes finite numbers in plain notation and booleans bare, and refuses anything else", () => {
    expect(quoteFilterValue(4)).toBe("4");
    expect(quoteFilterValue(1.5)).toBe("1.5");
    expect(quoteFilterValue(1_861_920_000)).toBe("1861920000");
    expect(quoteFilterValue(true)).toBe("true");
    expect(quoteFilterValue(false)).toBe("false");
    for (const n of [Number.NaN, Infinity, -Infinity, 1e21, 1e-7])
      expect(() => quoteFilterValue(n), String(n)).toThrow();
  });
});

describe("filter clauses", () => {
  it("check attribute names and quote every value", () => {
    expect(where("status", "=", "available")).toBe(`status = "available"`);
    expect(where("lang_en", ">=", 4)).toBe("lang_en >= 4");
    expect(whereIn("agency_id", ["a", `b"`])).toBe(`agency_id IN ["a", "b\\""]`);
    for (const name of ["", "Status", "a b", "x = 1 OR y", "lang_en)", `x"`])
      expect(() => where(name, "=", 1), name).toThrow();
    expect(() => whereIn("agency_id", [])).toThrow();
  });

  it("nest safely", () => {
    const a = where("a", "=", 1);
    const b = where("b", "=", 2);
    expect(allOf(a)).toBe(a);
    expect(allOf(a, b)).toBe("(a = 1 AND b = 2)");
    expect(not(allOf(a, b))).toBe("NOT ((a = 1 AND b = 2))");
    expect(allOf(a, not(b))).toBe("(a = 1 AND NOT (b = 2))");
  });
});

describe("the worker search filter", () => {
  const base = { q: "", page: 1 };
  it("takes only allow-listed codes and valid dates from the URL; each value quoted", () => {
    expect(
      workerFilter(
        workerQuery({
          ...base,
          sector: "cruise",
          isco: "5131",
          province: "33",
          lang: "en",
          minLevel: "B2",
          cert: "stcw_bst",
          certValidOn: "2027-01-01",
          status: "available",
          availableBy: "2027-02-01",
        }),
      ),
    ).toEqual([
      `sectors = "cruise"`,
      `isco_codes = "5131"`,
      `province_code = "33"`,
      "lang_en >= 4",
      `cert_until_stcw_bst >= ${Date.parse("2027-01-01T00:00:00Z") / 1000}`,
      `status = "available"`,
      `available_from_ts <= ${Date.parse("2027-02-01T00:00:00Z") / 1000}`,
    ]);
    expect(workerFilter(workerQuery({ ...base, lang: "en", cert: "stcw_bst", certValidOn: "soon" }))).toEqual([
      "lang_en >= 1",
      "cert_until_stcw_bst >= 0",
    ]);
  });

  it("drops anything forged", () => {
    const forged = `33" OR agency_id = "00000000-0000-0000-0000-000000000000`;
    expect(
      workerFilter(
        workerQuery({
          ...base,
          sector: forged,
          isco: forged,
          province: forged,
          lang: forged,
          minLevel: forged,
          cert: forged,
          status: "available OR 1 = 1",
          availableBy: "2027-02-01 OR x",
        }),
      ),
    ).toEqual([]);
  });
});
