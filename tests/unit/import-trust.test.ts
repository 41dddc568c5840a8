import { describe, expect, it } from "vitest";
import { addMonths, isoDay } from "~/domain/dates";
import { csvTemplate, parseImportFile } from "~/domain/workers/import-format";
import { importRowChecker, rowsWithIssues, type RowIssue } from "~/domain/workers/import-rows";
import { translateError } from "~/i18n/translate";

// An import an agency can trust (issue 15 part 6): nothing the file says is dropped or guessed; every problem names
// the column as the file calls it and shows what was written.

const today = isoDay(new Date());
// a fresh checker per row: one checker remembers the external references it has seen (a duplicate is an error)
const check = (r: Parameters<ReturnType<typeof importRowChecker>>[0]) => importRowChecker(today)(r);

/** The template's header and example row, with some cells changed (and optionally another header). */
function csv(cells: Record<string, string>, extraHeader: Record<string, string> = {}): string {
  const [header, example] = csvTemplate().trim().split("\r\n") as [string, string];
  const names = header.split(",");
  const values = parseImportFile(csvTemplate())!;
  expect(values).toHaveLength(1);
  // the example row has no commas inside cells but its own quoting: rebuild it cell by cell
  const row = example.split(",");
  const out = names.map((n, i) => (n in cells ? cells[n]! : row[i]!));
  return `${[...names, ...Object.keys(extraHeader)].join(",")}\n${[...out, ...Object.values(extraHeader)].join(",")}\n`;
}
const checkCsv = (text: string) => {
  const rows = parseImportFile(text)!;
  return rows.map((r) => check(r));
};
type Checked = ReturnType<typeof check>;
const issuesOf = (result: Checked): RowIssue[] => (Array.isArray(result) ? result : []);
const inputOf = (result: Checked) => {
  if (Array.isArray(result)) throw new Error(`expected a valid row, got ${JSON.stringify(result)}`);
  return result.input;
};
const json = (patch: Record<string, unknown>) => {
  const base = parseImportFile(csvTemplate())![0]!.data as Record<string, unknown>;
  return { row: 1, data: { ...base, ...patch } };
};

describe("unknown keys and columns are errors, never dropped", () => {
  it("a JSON key that is not a profile field is refused, with the field it most likely means", () => {
    const consent = issuesOf(check(json({ consentToMatching: undefined, consent: true })));
    expect(consent).toEqual([
      { row: 1, field: "consent", message: "errors.unknown_key_suggest?key=consent&suggest=consentToMatching" },
    ]);
    expect(translateError("en", consent[0]!.message)).toBe(
      "\u201cconsent\u201d is not a field of a profile: did you mean \u201cconsentToMatching\u201d?",
    );
    const ref = issuesOf(check(json({ externalRef: undefined, external_ref: "X-1" })));
    expect(ref.map((i) => [i.field, i.message])).toEqual([
      ["external_ref", "errors.unknown_key_suggest?key=external_ref&suggest=externalRef"],
    ]);
    // nested too, and a key with no likely meaning still names itself
    const nested = issuesOf(
      check(json({ experiences: [{ sector: "cruise", iscoCode: "5131", years: 4, yrs: 4 }], favourite: "x" })),
    );
    expect(nested.map((i) => i.field).sort()).toEqual(["experiences.0.yrs", "favourite"]);
    expect(nested.find((i) => i.field === "favourite")!.message).toBe("errors.unknown_key?key=favourite");
  });

  it("a CSV column the format does not have is an error on every row, naming it and the column meant", () => {
    const [result] = checkCsv(csv({}, { Consent_To_Matching: "yes" }));
    expect(issuesOf(result!)).toEqual([
      {
        row: 2,
        field: "Consent_To_Matching".toLowerCase(),
        message: "errors.unknown_column_suggest?column=consent_to_matching&suggest=consent",
      },
    ]);
    expect(translateError("id", issuesOf(result!)[0]!.message)).toContain("maksud Anda \u201cconsent\u201d");
  });
});

describe("consent in English and Bahasa Indonesia words; anything else is an error", () => {
  it.each([
    ["yes", true],
    ["Ya", true],
    ["iya", true],
    ["setuju", true],
    ["BERSEDIA", true],
    ["no", false],
    ["tidak", false],
    ["", false],
  ])("%j → %s", (word, consent) => {
    const [result] = checkCsv(csv({ consent: word }));
    expect(inputOf(result!).consentToMatching).toBe(consent);
  });
  it("an unknown word is refused with the word shown, never read as no", () => {
    const [result] = checkCsv(csv({ consent: "mungkin" }));
    expect(issuesOf(result!)).toEqual([{ row: 2, field: "consent", message: "errors.consent_word", value: "mungkin" }]);
  });
});

describe("cells that say one thing", () => {
  it("a certificate number containing ':' stays the number; the issue date is only ever a date", () => {
    const [result] = checkCsv(csv({ certificates: "stcw_bst:2029-02-01:62:01234:2024-02-02" }));
    expect(inputOf(result!).certificates).toEqual([
      { code: "stcw_bst", expiresOn: "2029-02-01", number: "62:01234", issuedOn: "2024-02-02" },
    ]);
    const [noIssue] = checkCsv(csv({ certificates: "stcw_bst:2029-02-01:62:01234" }));
    expect(inputOf(noIssue!).certificates).toEqual([{ code: "stcw_bst", expiresOn: "2029-02-01", number: "62:01234" }]);
  });

  it("a score outside its test's scale is refused, naming the item and showing the score", () => {
    const [result] = checkCsv(csv({ languages: "en:ielts:12" }));
    const issues = issuesOf(result!);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, field: "languages[1].score", value: "12" });
  });

  it("a certificate valid longer than its rules allow is refused (a 5-year seafarer's medical)", () => {
    const fiveYears = addMonths(today, 60);
    const [result] = checkCsv(csv({ certificates: `seafarer_medical:${fiveYears}` }));
    expect(issuesOf(result!)).toEqual([
      {
        row: 2,
        field: "certificates[1].expiresOn",
        message: "errors.certificate_validity_max?years=2&from=today",
        value: fiveYears,
      },
    ]);
    // from its issue date when the file gives one
    const [issued] = checkCsv(csv({ certificates: `seafarer_medical:2027-03-01::2024-01-01` }));
    expect(issuesOf(issued!)[0]).toMatchObject({ message: "errors.certificate_validity_max?years=2&from=issue" });
    const [fine] = checkCsv(csv({ certificates: `seafarer_medical:${addMonths(today, 20)}` }));
    expect(inputOf(fine!).certificates).toHaveLength(1);
  });

  it("a province by code or by name, whatever the case and spacing", () => {
    for (const p of ["33", "Jawa Tengah", "jawa  tengah", "JAWA TENGAH"]) {
      const [result] = checkCsv(csv({ province_code: p }));
      expect(inputOf(result!).provinceCode, p).toBe("33");
    }
    expect(inputOf(checkCsv(csv({ province_code: "D.I. Yogyakarta" }))[0]!).provinceCode).toBe("34");
    const [bad] = checkCsv(csv({ province_code: "Jawa Tengahh" }));
    expect(issuesOf(bad!)).toEqual([
      { row: 2, field: "province_code", message: "errors.province_unknown", value: "Jawa Tengahh" },
    ]);
  });

  it("language codes and test names in any case, in JSON as in CSV", () => {
    const result = check(json({ languages: [{ code: "EN", kind: "IELTS", score: 6 }] }));
    expect(inputOf(result).languages).toEqual([{ code: "en", kind: "ielts", score: 6 }]);
  });
});

describe("the report", () => {
  it("names CSV columns as the file calls them and never echoes a personal identifier", () => {
    const [result] = checkCsv(csv({ nik: "12345", date_of_birth: "1990-13-40", available_from: "soon" }));
    const issues = issuesOf(result!);
    expect(issues.map((i) => i.field).sort()).toEqual(["available_from", "date_of_birth", "nik"]);
    expect(issues.find((i) => i.field === "available_from")!.value).toBe("soon");
    expect(issues.find((i) => i.field === "nik")!.value).toBeUndefined();
    expect(issues.find((i) => i.field === "date_of_birth")!.value).toBeUndefined();
  });

  it("counts rows, not problems", () => {
    const issues: RowIssue[] = [
      { row: 2, field: "nik", message: "x" },
      { row: 2, field: "phone", message: "x" },
      { row: 4, field: "sex", message: "x" },
    ];
    expect(rowsWithIssues(issues)).toBe(2);
  });
});
