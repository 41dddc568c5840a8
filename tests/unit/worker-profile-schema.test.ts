import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { workerProfileSchema } from "~/domain/workers/profile-schema";
import { isMessageKey } from "~/i18n/translate";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

const valid = {
  externalRef: "MB-2026-0001",
  fullName: "Siti Nurhaliza",
  dateOfBirth: "1996-04-12",
  sex: "female",
  provinceCode: "33",
  regency: "Kab. Cilacap",
  phone: "+62 812 3456 7890",
  nik: "3301015204960001",
  passportNumber: "c1234567",
  passportExpiry: "2031-01-31",
  experiences: [{ sector: "cruise", iscoCode: "5131", years: 4, employer: "Carnival", country: "US" }],
  languages: [
    { code: "en", kind: "ielts", score: 6 },
    { code: "ja", kind: "jlpt", level: "n4" },
  ],
  certificates: [{ code: "stcw_bst", number: "6201234567", issuedOn: "2024-02-01", expiresOn: "2029-02-01" }],
  availableFrom: "2027-01-15",
  consentToMatching: true,
};

const errors = (input: unknown) =>
  Object.fromEntries(
    (workerProfileSchema(today).safeParse(input).error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
  );

describe("the worker profile schema", () => {
  it("accepts a complete profile and normalises codes", () => {
    const r = workerProfileSchema(today).parse(valid);
    expect(r.passportNumber).toBe("C1234567");
    expect(r.languages[1]).toMatchObject({ level: "N4" });
    expect(r.status).toBe("available");
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ["16-digit NIK", { nik: "33010152" }, { nik: "errors.nik_invalid" }],
    ["adult", { dateOfBirth: new Date().toISOString().slice(0, 10) }, { dateOfBirth: "errors.too_young" }],
    ["known province", { provinceCode: "99" }, { provinceCode: "errors.province_unknown" }],
    ["an occupation", { experiences: [] }, { experiences: "errors.experience_required" }],
    [
      "evidence that reaches a level",
      { languages: [{ code: "en", kind: "ielts", score: 1.5 }] },
      { "languages.0.score": "errors.evidence_no_level" },
    ],
    [
      "old TOEFL scale only before 2026-01-21",
      { languages: [{ code: "en", kind: "toefl_ibt_120", score: 80, takenOn: "2026-03-01" }] },
      { "languages.0.takenOn": "errors.toefl_old_scale_date" },
    ],
    [
      "expiry after issue",
      { certificates: [{ code: "stcw_bst", issuedOn: "2024-02-01", expiresOn: "2023-02-01" }] },
      { "certificates.0.expiresOn": "errors.expiry_before_issue" },
    ],
    [
      "catalogue certificate",
      { certificates: [{ code: "forklift" }] },
      { "certificates.0.code": "errors.certificate_unknown" },
    ],
  ])("requires %s", (_name, patch, expected) => {
    const found = errors({ ...valid, ...patch });
    expect(found).toEqual(expected);
    for (const k of Object.values(found)) expect(isMessageKey(k)).toBe(true);
  });

  it("treats blank optional identity fields as absent", () => {
    const r = workerProfileSchema(today).parse({ ...valid, nik: "", passportNumber: " ", phone: "", externalRef: "" });
    expect(r.nik).toBeUndefined();
    expect(r.passportNumber).toBeUndefined();
    expect(r.externalRef).toBeUndefined();
  });
});
