import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { parseCsv } from "~/domain/csv";
import { csvTemplate, parseImportFile } from "~/domain/workers/import-format";
import { workerProfileSchema } from "~/domain/workers/profile-schema";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

describe("CSV parsing", () => {
  it("handles quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\nplain,,end\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line1\nline2"],
      ["plain", "", "end"],
    ]);
  });
  it("ignores blank lines", () => {
    expect(parseCsv("a,b\n\n1,2\n\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});

describe("import file format", () => {
  it("the downloadable template's example row is valid", () => {
    const rows = parseImportFile(csvTemplate())!;
    expect(rows).toHaveLength(1);
    const r = workerProfileSchema(today).parse(rows[0]!.data);
    expect(r).toMatchObject({ externalRef: "MB-2026-0001", provinceCode: "33", consentToMatching: true });
    expect(r.experiences).toEqual([
      { sector: "cruise", iscoCode: "5131", years: 4 },
      { sector: "hospitality", iscoCode: "5120", years: 1 },
    ]);
    expect(r.languages).toEqual([
      { code: "en", kind: "ielts", score: 6 },
      { code: "ja", kind: "jlpt", level: "N4" },
    ]);
    expect(r.certificates[0]).toEqual({ code: "stcw_bst", expiresOn: "2029-02-01", number: "6201234567" });
  });
  it("reads a bare number as the level for tests that have numbered levels (TOPIK, HSK, TestDaF), as the score otherwise", () => {
    const [row] = parseImportFile(
      "full_name,languages\nA,ko:topik:2;zh:hsk:3;de:testdaf:4;en:ielts:6;ja:jft_basic:180\n",
    )!;
    expect((row!.data as { languages: unknown[] }).languages).toEqual([
      { code: "ko", kind: "topik", level: "2", score: undefined },
      { code: "zh", kind: "hsk", level: "3", score: undefined },
      { code: "de", kind: "testdaf", level: "4", score: undefined },
      { code: "en", kind: "ielts", score: 6 },
      { code: "ja", kind: "jft_basic", score: 180 },
    ]);
  });
  it("reads JSON arrays and rejects what is neither", () => {
    expect(parseImportFile('[{"fullName":"A"}]')).toEqual([{ row: 1, data: { fullName: "A" } }]);
    expect(parseImportFile("{}")).toBeNull();
    expect(parseImportFile("name,age\nA,3")).toBeNull();
  });
});

describe("reading a file row by row", () => {
  it("splits a JSON array into its elements, parsed one by one, and refuses anything else", async () => {
    const { jsonArrayElements } = await import("~/domain/csv");
    expect([...jsonArrayElements(' [ {"a":"x,]}\\"y"}, [1,[2]], 3, "s" ] ')]).toEqual([
      { a: 'x,]}"y' },
      [1, [2]],
      3,
      "s",
    ]);
    expect([...jsonArrayElements("[]")]).toEqual([]);
    for (const bad of ["[1,]", "[,1]", "[1 2]", "[1", "[1] x", "{}", '["a]'])
      expect(() => [...jsonArrayElements(bad)], bad).toThrow(SyntaxError);
    expect(parseImportFile("[1,")).toBeNull();
  });

  it("yields CSV records one at a time with their line numbers", async () => {
    const { importFileRows } = await import("~/domain/workers/import-format");
    const rows = [...importFileRows('full_name,external_ref\n"A, a",R1\n\nB,R2\n')!];
    expect(rows.map((r) => [r.row, (r.data as { fullName: string; externalRef: string }).fullName])).toEqual([
      [2, "A, a"],
      [3, "B"],
    ]);
  });
});
