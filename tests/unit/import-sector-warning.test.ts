import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { csvTemplate, parseImportFile } from "~/domain/workers/import-format";
import { importRowChecker } from "~/domain/workers/import-rows";
import { sectorMismatches } from "~/domain/workers/sector-fit";
import { translateError } from "~/i18n/translate";

// An occupation outside the sector given with it (a waiter's years as construction) is imported with a warning
// naming the field as the file calls it and the code written; an occupation with no sector tag never warns.

describe("sectorMismatches", () => {
  it("names each experience whose tagged occupation is not of its sector", () => {
    expect(
      sectorMismatches([
        { sector: "cruise", iscoCode: "5131" },
        { sector: "construction", iscoCode: "5131" },
        { sector: "hospitality", iscoCode: "5120" },
        { sector: "nursing", iscoCode: "5321" },
      ]),
    ).toEqual([
      { index: 1, iscoCode: "5131", sector: "construction" },
      { index: 3, iscoCode: "5321", sector: "nursing" },
    ]);
  });

  it("never warns for an occupation with no sector tag, nor an unknown code", () => {
    // 2411 Accountants: no sector tag, so it belongs to any sector
    expect(sectorMismatches([{ sector: "construction", iscoCode: "2411" }])).toEqual([]);
    expect(sectorMismatches([{ sector: "construction", iscoCode: "0000" }])).toEqual([]);
  });
});

describe("the import's sector warning", () => {
  const today = isoDay(new Date());
  const template = parseImportFile(csvTemplate())![0]!;

  it("imports the row and warns on the CSV column, with the code written, in EN and ID", () => {
    const [header, example] = csvTemplate().trim().split("\r\n") as [string, string];
    const text = `${header}\n${example.replace("cruise:5131:4;hospitality:5120:1", "cruise:5131:4;construction:5131:1")}\n`;
    const result = importRowChecker(today)(parseImportFile(text)![0]!);
    expect(Array.isArray(result)).toBe(false);
    if (Array.isArray(result)) return;
    expect(result.input.experiences).toHaveLength(2);
    expect(result.warnings).toEqual([
      {
        row: 2,
        field: "experiences[2].iscoCode",
        message: "import.sector_mismatch?isco=5131&sector=sector.construction",
        value: "5131",
      },
    ]);
    expect(translateError("en", result.warnings![0]!.message)).toBe(
      "Occupation 5131 (Waiters) is not a \u201cConstruction and welding\u201d occupation. Check the sector: the row is not refused for this.",
    );
    expect(translateError("id", result.warnings![0]!.message)).toContain("5131 (Pramusaji)");
    expect(translateError("id", result.warnings![0]!.message)).toContain("Konstruksi dan pengelasan");
  });

  it("names the JSON path in a JSON import, and a row that fits has no warnings", () => {
    const data = template.data as Record<string, unknown>;
    const bad = importRowChecker(today)({
      row: 1,
      data: { ...data, experiences: [{ sector: "construction", iscoCode: "5131", years: 2 }] },
    });
    expect(Array.isArray(bad) ? [] : bad.warnings?.map((w) => w.field)).toEqual(["experiences.0.iscoCode"]);
    const good = importRowChecker(today)({ row: 1, data });
    expect(Array.isArray(good) ? "invalid" : good.warnings).toBeUndefined();
  });
});
