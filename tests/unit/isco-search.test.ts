import { describe, expect, it } from "vitest";
import { foldForSearch, searchOccupations } from "~/domain/reference/isco-search";

const codes = (q: string) => searchOccupations(q).map((o) => o.code);

describe("the occupation picker's search", () => {
  it("finds by English, Indonesian and job titles", () => {
    expect(codes("waiter")[0]).toBe("5131");
    expect(codes("pelayan")).toContain("5131");
    expect(codes("steward")).toEqual(expect.arrayContaining(["5131", "9412"]));
    expect(codes("perawat")).toContain("2221");
  });

  it("ranks a title that starts with the query before one that merely contains it", () => {
    const found = codes("wait");
    expect(found[0]).toBe("5131"); // "Waiters" before "Assistant waiter" of another group, "Bar waiter"
    expect(found).toContain("5132");
  });

  it("needs every word, ignores case, accents and apostrophes, and takes codes", () => {
    expect(codes("SHIPS ENGINEERS")).toEqual(["3151"]);
    expect(codes("ships' engineers")).toEqual(["3151"]);
    expect(codes("513")).toEqual(["5131", "5132"]);
    expect(codes("waiter zzz")).toEqual([]);
    expect(codes("   ")).toEqual([]);
  });

  it("folds text for matching", () => {
    expect(foldForSearch("  Pâtissier’s  Café-Bar ")).toBe("patissiers cafe bar");
  });
});
