import { CEFR_LEVELS, type CefrLevel } from "../reference/languages";

// Language evidence → CEFR, from the issuers' published equivalences (docs/reference-data.md). Pure; the original
// evidence is always kept and shown next to the derived level, because some rows are approximate or disputed.

export const EVIDENCE_KINDS = [
  "cefr", // a CEFR-native certificate or an assessed level (Goethe, telc, ÖSD, DELF/DALF, DELE, Cambridge)
  "ielts",
  "toefl_ibt_120", // 0–120 scale, tests before 21 Jan 2026
  "toefl_ibt_6", // 1–6 scale, from 21 Jan 2026
  "toeic",
  "jlpt",
  "jft_basic",
  "topik",
  "testdaf",
  "hsk",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** How firm the mapping is: the table's "approximate" and "disputed" rows are shown as such. */
export const MAPPING_QUALITY: Record<EvidenceKind, "official" | "approximate" | "disputed"> = {
  cefr: "official",
  ielts: "official",
  toefl_ibt_120: "official",
  toefl_ibt_6: "official",
  toeic: "official",
  jlpt: "official",
  jft_basic: "official",
  topik: "approximate",
  testdaf: "official",
  hsk: "disputed",
};

export const TOEFL_SCALE_CHANGE = "2026-01-21";

export interface Evidence {
  kind: EvidenceKind;
  /** cefr: the level; jlpt: "N1".."N5"; topik/hsk: "1".."6"; testdaf: "3".."5" */
  level?: string;
  /** ielts band, toefl, toeic, jlpt (optional), jft-basic */
  score?: number;
  takenOn?: string;
}

const band = (score: number, bands: [min: number, level: CefrLevel][]): CefrLevel | null => {
  let found: CefrLevel | null = null;
  for (const [min, level] of bands) if (score >= min) found = level;
  return found;
};

const JLPT_PASS: Record<string, number> = { N5: 80, N4: 90, N3: 95, N2: 90, N1: 100 };
const JLPT_LEVEL_ONLY: Record<string, CefrLevel> = { N5: "A1", N4: "A2", N3: "B1", N2: "B2", N1: "C1" };

/** The CEFR level this evidence shows, or null when it shows none (below the lowest band, or not passed). */
export function cefrFromEvidence(e: Evidence): CefrLevel | null {
  switch (e.kind) {
    case "cefr":
      return CEFR_LEVELS.find((l) => l === e.level) ?? null;
    case "ielts":
      return e.score === undefined
        ? null
        : band(e.score, [
            [2, "A1"],
            [3, "A2"],
            [4, "B1"],
            [5.5, "B2"],
            [7, "C1"],
            [8.5, "C2"],
          ]);
    case "toefl_ibt_120":
      return e.score === undefined
        ? null
        : band(e.score, [
            [42, "B1"],
            [72, "B2"],
            [95, "C1"],
            [114, "C2"],
          ]);
    case "toefl_ibt_6":
      return e.score === undefined
        ? null
        : band(e.score, [
            [1, "A1"],
            [2, "A2"],
            [3, "B1"],
            [4, "B2"],
            [5, "C1"],
            [6, "C2"],
          ]);
    case "toeic":
      return e.score === undefined
        ? null
        : band(e.score, [
            [120, "A1"],
            [225, "A2"],
            [550, "B1"],
            [785, "B2"],
            [945, "C1"],
          ]);
    case "jlpt": {
      const level = e.level ?? "";
      if (!(level in JLPT_PASS)) return null;
      if (e.score === undefined) return JLPT_LEVEL_ONLY[level] ?? null;
      if (e.score < JLPT_PASS[level]!) return null; // not passed
      switch (level) {
        case "N5":
          return "A1";
        case "N4":
          return "A2";
        case "N3":
          return e.score >= 104 ? "B1" : "A2";
        case "N2":
          return e.score >= 112 ? "B2" : "B1";
        default:
          return e.score >= 142 ? "C1" : "B2"; // N1
      }
    }
    case "jft_basic":
      return e.score === undefined
        ? null
        : band(e.score, [
            [145, "A1"],
            [175, "A2"],
          ]);
    case "topik":
    case "hsk": {
      const n = Number(e.level);
      return Number.isInteger(n) && n >= 1 && n <= 6 ? CEFR_LEVELS[n - 1]! : null;
    }
    case "testdaf": {
      const n = Number(e.level);
      return n === 3 ? "B2" : n === 4 || n === 5 ? "C1" : null;
    }
  }
}

export const cefrRankOf = (level: CefrLevel | null) => (level ? CEFR_LEVELS.indexOf(level) + 1 : 0);

/** Several pieces of evidence for one language: the best one counts. */
export function bestEvidence<E extends Evidence>(evidence: readonly E[]): { evidence: E; level: CefrLevel } | null {
  let best: { evidence: E; level: CefrLevel } | null = null;
  for (const e of evidence) {
    const level = cefrFromEvidence(e);
    if (level && (!best || cefrRankOf(level) > cefrRankOf(best.level))) best = { evidence: e, level };
  }
  return best;
}

/** "IELTS 6.0", "JLPT N3 (110)", "TOPIK 4": the original evidence as people write it. */
export function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case "cefr":
      return e.level ?? "";
    case "ielts":
      return `IELTS ${e.score?.toFixed(1)}`;
    case "toefl_ibt_120":
      return `TOEFL iBT ${e.score}`;
    case "toefl_ibt_6":
      return `TOEFL iBT ${e.score?.toFixed(1)}/6`;
    case "toeic":
      return `TOEIC ${e.score}`;
    case "jlpt":
      return e.score === undefined ? `JLPT ${e.level}` : `JLPT ${e.level} (${e.score})`;
    case "jft_basic":
      return `JFT-Basic ${e.score}`;
    case "topik":
      return `TOPIK ${e.level}`;
    case "testdaf":
      return `TestDaF TDN ${e.level}`;
    case "hsk":
      return `HSK ${e.level}`;
  }
}

/**
 * Each test's own scale (the tests' published score ranges): a score or level outside it is a typo or a lie, never
 * evidence. `score`: allowed range and step; `levels`: the level codes; null where the test has none of that.
 */
export const EVIDENCE_SCALES: Record<
  EvidenceKind,
  { score: { min: number; max: number; step: number; required: boolean } | null; levels: readonly string[] | null }
> = {
  cefr: { score: null, levels: CEFR_LEVELS },
  ielts: { score: { min: 0, max: 9, step: 0.5, required: true }, levels: null },
  toefl_ibt_120: { score: { min: 0, max: 120, step: 1, required: true }, levels: null },
  toefl_ibt_6: { score: { min: 1, max: 6, step: 0.5, required: true }, levels: null },
  toeic: { score: { min: 10, max: 990, step: 5, required: true }, levels: null },
  jlpt: { score: { min: 0, max: 180, step: 1, required: false }, levels: ["N5", "N4", "N3", "N2", "N1"] },
  jft_basic: { score: { min: 10, max: 250, step: 1, required: true }, levels: null },
  topik: { score: null, levels: ["1", "2", "3", "4", "5", "6"] },
  testdaf: { score: null, levels: ["3", "4", "5"] },
  hsk: { score: null, levels: ["1", "2", "3", "4", "5", "6"] },
};

/** The field and message key of the first way this evidence leaves its test's scale, or null when it fits. */
export function scaleProblem(e: Evidence): { field: "score" | "level"; message: string } | null {
  const scale = EVIDENCE_SCALES[e.kind];
  if (scale.levels && !(e.level !== undefined && scale.levels.includes(e.level)))
    return { field: "level", message: `errors.level_scale_${e.kind}` };
  if (!scale.levels && e.level !== undefined && e.level !== "")
    return { field: "level", message: "errors.level_not_for_test" };
  if (!scale.score) return e.score === undefined ? null : { field: "score", message: "errors.score_not_for_test" };
  if (e.score === undefined)
    return scale.score.required ? { field: "score", message: `errors.score_scale_${e.kind}` } : null;
  const { min, max, step } = scale.score;
  const steps = (e.score - min) / step;
  if (e.score < min || e.score > max || Math.abs(steps - Math.round(steps)) > 1e-9)
    return { field: "score", message: `errors.score_scale_${e.kind}` };
  return null;
}
