import { addMonths, isoDay } from "~/domain/dates";
import { CERTIFICATES } from "~/domain/reference/certificates";
import { toCsvLine } from "~/domain/csv";
import { CSV_COLUMNS } from "~/domain/workers/import-format";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";

const EXPIRES = new Set(CERTIFICATES.filter((c) => c.validityYears !== null).map((c) => c.code));
const MAX_YEARS = new Map(
  CERTIFICATES.flatMap((c) => (c.maxYears === undefined ? [] : [[c.code, c.maxYears] as const])),
);

// Deterministic, realistic-looking profiles for benchmarks and demo data (a seeded PRNG: the same input every run).
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_F = [
  "Siti",
  "Dewi",
  "Sri",
  "Ani",
  "Nur",
  "Rina",
  "Wulan",
  "Ayu",
  "Lestari",
  "Putri",
  "Yuni",
  "Ratna",
  "Indah",
  "Fitri",
  "Wahyuni",
];
const GIVEN_M = [
  "Budi",
  "Agus",
  "Joko",
  "Andi",
  "Hendra",
  "Rudi",
  "Eko",
  "Dedi",
  "Bayu",
  "Fajar",
  "Rizky",
  "Teguh",
  "Yusuf",
  "Arif",
  "Dimas",
];
const FAMILY = [
  "Santoso",
  "Wijaya",
  "Pratama",
  "Saputra",
  "Hidayat",
  "Nugroho",
  "Kurniawan",
  "Setiawan",
  "Lestari",
  "Rahmawati",
  "Susanto",
  "Gunawan",
  "Hartono",
  "Purnomo",
  "Siregar",
  "Nasution",
  "Simanjuntak",
  "Wibowo",
];
const PROVINCES = ["32", "33", "35", "52", "53", "18", "12", "73", "36", "51", "61", "34"];
const TRACKS: {
  sector: WorkerProfileInput["experiences"][number]["sector"];
  isco: string[];
  lang: (rand: () => number) => WorkerProfileInput["languages"];
  certs: string[];
}[] = [
  {
    sector: "cruise",
    isco: ["5131", "5111", "9412", "5120", "5132", "9112"],
    lang: () => [{ code: "en", kind: "ielts", score: 4.5 }],
    certs: ["stcw_bst", "crowd_management", "seafarer_medical", "us_c1d_visa", "food_safety"],
  },
  {
    sector: "hospitality",
    isco: ["5120", "5131", "9112", "3434", "4224"],
    lang: () => [{ code: "en", kind: "toeic", score: 600 }],
    certs: ["food_safety", "bnsp_competency"],
  },
  // care workers train for Germany (German B1–B2, often English) or Japan (JLPT, below)
  {
    sector: "nursing",
    isco: ["2221", "3221"],
    lang: (rand) => [
      { code: "de", kind: "cefr", level: rand() < 0.5 ? "B1" : "B2" },
      ...(rand() < 0.6 ? [{ code: "en" as const, kind: "ielts" as const, score: 5 + Math.round(rand() * 4) / 2 }] : []),
    ],
    certs: ["nurse_registration", "bnsp_competency"],
  },
  {
    sector: "care_work",
    isco: ["5321", "5322"],
    lang: (rand) => [
      { code: "de", kind: "cefr", level: rand() < 0.5 ? "B1" : "B2" },
      ...(rand() < 0.6 ? [{ code: "en" as const, kind: "ielts" as const, score: 5 + Math.round(rand() * 4) / 2 }] : []),
    ],
    certs: ["bnsp_competency", "ssw_care_skill"],
  },
  {
    sector: "domestic_work",
    isco: ["9111", "5322", "5311", "5152"],
    lang: () => [{ code: "zh", kind: "hsk", level: "2" }],
    certs: ["bnsp_competency"],
  },
  {
    sector: "construction",
    isco: ["7212", "7214", "7115", "9313"],
    lang: () => [{ code: "ko", kind: "topik", level: "2" }],
    certs: ["eps_topik", "welding_6g"],
  },
  {
    sector: "fishing_vessel",
    isco: ["6223", "8350", "6222"],
    lang: () => [],
    certs: ["stcw_bst", "seaman_book", "seafarer_medical"],
  },
];

export function generateWorker(i: number, rand: () => number, today = new Date()): WorkerProfileInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const female = rand() < 0.6;
  const track = pick(TRACKS);
  const years = Math.round(rand() * 12 * 2) / 2;
  const year = today.getUTCFullYear();
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const jp = track.sector === "care_work" && rand() < 0.4;
  return {
    externalRef: `GEN-${i}`,
    fullName: `${pick(female ? GIVEN_F : GIVEN_M)} ${pick(FAMILY)}`,
    dateOfBirth: iso(year - 20 - Math.floor(rand() * 20), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
    sex: female ? "female" : "male",
    provinceCode: pick(PROVINCES),
    regency: undefined,
    phone: `+62 8${Math.floor(1e9 + rand() * 8e9)}`,
    nik: String(3200000000000000 + i),
    passportNumber: `C${String(1000000 + i).slice(-7)}`,
    passportExpiry: iso(year + 2 + Math.floor(rand() * 5), 6, 30),
    experiences: [{ sector: track.sector, iscoCode: pick(track.isco), years: Math.max(0.5, years) }],
    languages: [
      ...track.lang(rand).map((l) => (l.kind === "ielts" ? { ...l, score: 4 + Math.round(rand() * 8) / 2 } : l)),
      ...(jp ? [{ code: "ja" as const, kind: "jlpt" as const, level: pick(["N4", "N3", "N2"]) }] : []),
    ],
    // certificates that do not expire (a nursing registration, the SSW skills test) carry no date
    certificates: track.certs
      .filter(() => rand() < 0.8)
      .map((code) => {
        const drawn = iso(year + Math.floor(rand() * 5) + (rand() < 0.8 ? 1 : 0), 1 + Math.floor(rand() * 12), 15);
        // never beyond what the certificate's rules allow from today (a seafarer's medical: 2 years)
        const max = MAX_YEARS.get(code);
        const latest = max === undefined ? drawn : addMonths(isoDay(today), 12 * max);
        const expiresOn = drawn < latest ? drawn : latest;
        return EXPIRES.has(code) ? { code, expiresOn } : { code };
      }),
    availableFrom: iso(year + (rand() < 0.5 ? 0 : 1), 1 + Math.floor(rand() * 12), 1),
    status: rand() < 0.85 ? "available" : pick(["in_process", "placed", "withdrawn"] as const),
    preferredCountries: [],
    consentToMatching: rand() < 0.9,
  };
}

/** A generated profile as a line of the import's CSV format (the inverse of csvRecordToInput), for benchmarks and tests. */
export function workerCsvCells(w: WorkerProfileInput): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    external_ref: w.externalRef ?? "",
    full_name: w.fullName,
    date_of_birth: w.dateOfBirth ?? "",
    sex: w.sex ?? "",
    province_code: w.provinceCode ?? "",
    regency: w.regency ?? "",
    phone: w.phone ?? "",
    nik: w.nik ?? "",
    passport_number: w.passportNumber ?? "",
    passport_expiry: w.passportExpiry ?? "",
    experiences: w.experiences.map((e) => `${e.sector}:${e.iscoCode}:${e.years}`).join(";"),
    languages: w.languages
      .map((l) =>
        [
          l.code,
          l.kind,
          ...(l.level !== undefined ? [l.level] : []),
          ...(l.score !== undefined ? [String(l.score)] : []),
        ].join(":"),
      )
      .join(";"),
    certificates: w.certificates.map((c) => `${c.code}:${c.expiresOn ?? ""}`).join(";"),
    available_from: w.availableFrom ?? "",
    status: w.status ?? "",
    preferred_countries: w.preferredCountries.join(";"),
    consent: w.consentToMatching ? "yes" : "",
  };
}

/** A whole CSV import file of these profiles (header first). */
export const workersCsv = (workers: WorkerProfileInput[]) =>
  [
    toCsvLine(CSV_COLUMNS),
    ...workers.map((w) => {
      const cells = workerCsvCells(w);
      return toCsvLine(CSV_COLUMNS.map((c) => cells[c]));
    }),
  ].join("\n") + "\n";
