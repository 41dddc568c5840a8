import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import { csvRowsNumbered, failedRowsCsv, isCsvText } from "~/domain/workers/failed-rows";

// The failed-rows CSV reads back as the file was written: what the download makes formula-safe, the import undoes.

describe("the failed-rows CSV", () => {
  it("keeps the file's columns, makes every cell formula-safe and adds one error column", () => {
    const text = failedRowsCsv(
      {
        header: ["external_ref", "full_name", "phone"],
        rows: [
          {
            row: 3,
            cells: ["R-2", '=HYPERLINK("x")', "+62 812"],
            issues: [
              { field: "sex", message: "errors.choose_option" },
              { field: "nik", message: "errors.nik" },
            ],
          },
        ],
      },
      (m) => `<${m}>`,
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ["external_ref", "full_name", "phone", "error"],
      ["R-2", '\'=HYPERLINK("x")', "'+62 812", "sex: <errors.choose_option>; nik: <errors.nik>"],
    ]);
  });

  it("numbers rows as the import does, drops a previous error column and reads the apostrophes back", () => {
    const text = "\uFEFFexternal_ref,error,phone\r\n\r\nR-1,old problem,'+62 812\r\nR-2,,'hello\r\n";
    expect([...csvRowsNumbered(text)]).toEqual([
      { header: ["external_ref", "phone"] },
      { row: 2, cells: ["R-1", "+62 812"] },
      // only an apostrophe before = + - @ is ours
      { row: 3, cells: ["R-2", "'hello"] },
    ]);
  });

  it("is kept for CSV only", () => {
    expect(isCsvText("external_ref,full_name\n")).toBe(true);
    expect(isCsvText("\uFEFF  [{}]")).toBe(false);
  });
});
