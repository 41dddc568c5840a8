import { describe, expect, it } from "vitest";
import { pageCount, pageWindow } from "~/domain/paging";

describe("paging", () => {
  it("counts pages, with one page for an empty list", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
  it("clamps the requested page and gives its SQL window", () => {
    expect(pageWindow(45, 2, 20)).toEqual({ page: 2, pages: 3, limit: 20, offset: 20 });
    expect(pageWindow(45, 99, 20)).toEqual({ page: 3, pages: 3, limit: 20, offset: 40 });
    expect(pageWindow(45, -4, 20)).toEqual({ page: 1, pages: 3, limit: 20, offset: 0 });
    expect(pageWindow(0, 5, 20)).toEqual({ page: 1, pages: 1, limit: 20, offset: 0 });
  });
});
