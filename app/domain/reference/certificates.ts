// Certificate catalogue (sources: docs/reference-data.md). `validityYears` null = no expiry; it is a typical value
// shown to users, not a rule: the holder's own expiry date counts.
export interface CertificateType {
  code: string;
  en: string;
  id: string;
  validityYears: number | null;
  /**
   * The longest validity the rules allow, where they fix one: an expiry further away is a typo or a false
   * certificate (STCW A-VI refresher every 5 years, reg. I/11; the seafarer's medical at most 2 years, MLC Standard
   * A1.2.7; an EPS-TOPIK score counts 2 years). Undefined = no fixed maximum.
   */
  maxYears?: number;
}

const c = (code: string, en: string, id: string, validityYears: number | null, maxYears?: number): CertificateType => ({
  code,
  en,
  id,
  validityYears,
  ...(maxYears === undefined ? {} : { maxYears }),
});

export const CERTIFICATES: readonly CertificateType[] = [
  c("stcw_bst", "STCW Basic Safety Training (A-VI/1)", "STCW Basic Safety Training (A-VI/1)", 5, 5),
  c(
    "stcw_pscrb",
    "Proficiency in Survival Craft and Rescue Boats (A-VI/2)",
    "Kecakapan Sekoci Penyelamat dan Sekoci Penolong (A-VI/2)",
    5,
    5,
  ),
  c("stcw_aff", "Advanced Fire Fighting (A-VI/3)", "Pemadaman Kebakaran Tingkat Lanjut (A-VI/3)", 5, 5),
  c("stcw_mfa", "Medical First Aid (A-VI/4)", "Pertolongan Pertama Medis (A-VI/4)", null),
  c("stcw_sat", "Security Awareness (A-VI/6)", "Kesadaran Keamanan (A-VI/6)", null),
  c("yellow_fever", "Yellow fever vaccination (ICVP)", "Vaksinasi demam kuning (ICVP)", null),
  c("us_c1d_visa", "US C1/D crew visa", "Visa awak kapal AS C1/D", 5),
  c("crowd_management", "Passenger ship crowd management (A-V/2)", "Manajemen kerumunan kapal penumpang (A-V/2)", 5, 5),
  c("seafarer_medical", "Seafarer medical certificate (ILO/IMO)", "Sertifikat kesehatan pelaut (ILO/IMO)", 2, 2),
  c("seaman_book", "Seafarer's identity / record book (Buku Pelaut)", "Buku Pelaut", 5),
  c("food_safety", "Food safety / HACCP level 2", "Keamanan pangan / HACCP tingkat 2", 3),
  c(
    "nurse_registration",
    "Nursing registration (STR; destination recognition)",
    "Registrasi perawat (STR; pengakuan negara tujuan)",
    null,
  ),
  c(
    "ssw_care_skill",
    "Japan SSW nursing-care skills test + care Japanese test",
    "Uji keterampilan kaigo SSW Jepang + uji bahasa Jepang kaigo",
    null,
  ),
  c("eps_topik", "EPS-TOPIK pass (score kept)", "Lulus EPS-TOPIK (skor dicatat)", 2, 2),
  c(
    "welding_6g",
    "Welder qualification, 6G position (ISO 9606-1 / AWS D1.1)",
    "Kualifikasi juru las posisi 6G (ISO 9606-1 / AWS D1.1)",
    2,
  ),
  c("bnsp_competency", "BNSP competency certificate (Sertifikat Kompetensi)", "Sertifikat Kompetensi BNSP", 3),
];

export const CERTIFICATE_CODES = CERTIFICATES.map((x) => x.code) as [string, ...string[]];
const byCode = new Map(CERTIFICATES.map((x) => [x.code, x]));
export const certificateType = (code: string) => byCode.get(code);
export const certificateName = (code: string, locale: "en" | "id") => byCode.get(code)?.[locale] ?? code;

/** The short names crew and recruiters use, for one-line explanations ("STCW BST valid to 2029-04"). */
const SHORT: Record<string, string> = {
  stcw_bst: "STCW BST",
  stcw_pscrb: "STCW PSCRB",
  stcw_aff: "STCW AFF",
  stcw_mfa: "STCW MFA",
  stcw_sat: "STCW SAT",
  yellow_fever: "ICVP",
  us_c1d_visa: "C1/D",
  crowd_management: "Crowd Mgmt",
  seafarer_medical: "Medical (ILO/IMO)",
  seaman_book: "Buku Pelaut",
  food_safety: "HACCP 2",
  nurse_registration: "STR",
  ssw_care_skill: "SSW Kaigo",
  eps_topik: "EPS-TOPIK",
  welding_6g: "Welder 6G",
  bnsp_competency: "BNSP",
};
/** Where Indonesian crews say it differently. */
const SHORT_ID: Record<string, string> = {
  crowd_management: "Manajemen Kerumunan",
  seafarer_medical: "Kesehatan Pelaut",
  welding_6g: "Juru Las 6G",
  us_c1d_visa: "Visa C1/D",
};
export const certificateShortName = (code: string, locale: "en" | "id" = "en") =>
  (locale === "id" ? SHORT_ID[code] : undefined) ?? SHORT[code] ?? code;
