import { addMonths, type IsoDay } from "../dates";
import { gateKeys, type GateKey, type MatchOrder } from "../matching/gates";
import { CEFR_LEVELS, cefrRank, type CefrLevel } from "../reference/languages";

// What the kiosk shows of a vacancy's counts, from the raw counts the search port returns (search/match-counts.ts).
// Pure. The kiosk is seen by anyone at the booth, outside the ministry, and a visitor can ask again with one
// requirement more or less, so small numbers are protected three ways:
// - every figure is a cell: 1 to SMALL_CELL − 1 is shown as "fewer than 5", anything else rounded to the nearest
//   ROUND_TO, so the difference of two answers never gives an exact small number;
// - a group's members below SMALL_CELL (a province, a month) are not named: they are summed into "other";
// - below BREAKDOWN_MIN_TOTAL candidates no breakdown is shown at all, only the total's cell.
// 0 is shown as 0: it reveals no one.

export const SMALL_CELL = 5;
export const ROUND_TO = 5;
export const BREAKDOWN_MIN_TOTAL = 20;

/** A figure as shown outside the ministry: 0, null for 1 to SMALL_CELL − 1 ("fewer than 5"), else rounded to 5. */
export type Cell = number | null;
export const cell = (n: number): Cell =>
  n <= 0 ? 0 : n < SMALL_CELL ? null : Math.max(SMALL_CELL, Math.round(n / ROUND_TO) * ROUND_TO);

/** The raw counts of one vacancy (the search port's PoolCounts). */
export interface RawCounts {
  qualified: number;
  allBut: { key: GateKey; count: number }[];
  languageRanks: { code: string; byRank: Record<string, number> }[];
  certificatesHeld: { code: string; held: number }[];
  availability: { now: number; byMonth: Record<string, number> } | null;
  provinces: Record<string, number>;
  sameOccupation: number;
  preferCountry: number;
}

export interface BoothCounts {
  total: Cell;
  /** false when too few fit for any breakdown to be shown (BREAKDOWN_MIN_TOTAL): every list below is then empty */
  detailed: boolean;
  /** Per gate item: how many more would fit if they met this one requirement too (the near misses). */
  nearMisses: { key: GateKey; count: Cell }[];
  /** Per required language, over those meeting every other requirement: how many have each level (or none). */
  languages: {
    code: string;
    minLevel: CefrLevel;
    levels: { level: CefrLevel | "none"; count: Cell; meets: boolean }[];
  }[];
  /** Per required certificate, over those meeting every other requirement. */
  certificates: { code: string; validThrough: Cell; expiresDuring: Cell; notHeld: Cell }[];
  /** Over those meeting every other requirement: available now, then by month (months of fewer than 5 in `later`). */
  availability: { now: Cell; months: { month: string; count: Cell; byStart: boolean }[]; later: Cell } | null;
  /** Over those who fit: home provinces of 5 or more, largest first (at most PROVINCES_SHOWN; the rest in `otherProvinces`). */
  provinces: { code: string; count: Cell }[];
  otherProvinces: Cell;
  sameOccupation: Cell;
  preferCountry: Cell;
}

export const PROVINCES_SHOWN = 8;
/** Months shown one by one after the current one; later months are summed. */
export const MONTHS_SHOWN = 12;

export function boothCounts(raw: RawCounts, o: MatchOrder, today: IsoDay): BoothCounts {
  const poolOf = (key: GateKey) => raw.allBut.find((a) => a.key === key)?.count ?? raw.qualified;
  const keys = gateKeys(o);
  const startMonth = o.startDate.slice(0, 7);
  const lastShown = addMonths(today, MONTHS_SHOWN).slice(0, 7);
  if (raw.qualified < BREAKDOWN_MIN_TOTAL) {
    return {
      total: cell(raw.qualified),
      detailed: false,
      nearMisses: [],
      languages: [],
      certificates: [],
      availability: null,
      provinces: [],
      otherProvinces: 0,
      sameOccupation: 0,
      preferCountry: 0,
    };
  }
  const named = (n: number) => n >= SMALL_CELL;
  // sorted by what is shown, then by code: the order never ranks figures the screen hides or rounds
  const shownProvinces = Object.entries(raw.provinces)
    .filter(([, n]) => named(n))
    .map(([code, n]) => ({ code, count: cell(n) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, PROVINCES_SHOWN);
  const months = raw.availability
    ? Object.entries(raw.availability.byMonth).sort(([a], [b]) => a.localeCompare(b))
    : [];
  const shownMonths = months.filter(([m, n]) => m <= lastShown && named(n));
  const otherMonths = months.filter(([m, n]) => !(m <= lastShown && named(n))).reduce((s, [, n]) => s + n, 0);
  return {
    total: cell(raw.qualified),
    detailed: true,
    nearMisses: keys.map((key) => ({ key, count: cell(Math.max(0, poolOf(key) - raw.qualified)) })),
    languages: o.languages.map((l) => {
      const byRank = raw.languageRanks.find((r) => r.code === l.code)?.byRank ?? {};
      const ranked = CEFR_LEVELS.map((level) => ({ level, n: byRank[String(cefrRank(level))] ?? 0 }));
      const none = Math.max(0, poolOf(`language:${l.code}`) - ranked.reduce((s, r) => s + r.n, 0));
      return {
        code: l.code,
        minLevel: l.minLevel,
        levels: [
          { level: "none" as const, count: cell(none), meets: false },
          ...ranked.map((r) => ({
            level: r.level,
            count: cell(r.n),
            meets: cefrRank(r.level) >= cefrRank(l.minLevel),
          })),
        ],
      };
    }),
    certificates: o.certificates
      .filter((c) => c.mandatory)
      .map((c) => {
        const pool = poolOf(`certificate:${c.code}`);
        const held = raw.certificatesHeld.find((h) => h.code === c.code)?.held ?? 0;
        return {
          code: c.code,
          validThrough: cell(raw.qualified),
          expiresDuring: cell(Math.max(0, held - raw.qualified)),
          notHeld: cell(Math.max(0, pool - held)),
        };
      }),
    availability: raw.availability
      ? {
          now: cell(raw.availability.now),
          months: shownMonths.map(([month, n]) => ({ month, count: cell(n), byStart: month <= startMonth })),
          later: cell(otherMonths),
        }
      : null,
    provinces: shownProvinces,
    otherProvinces: cell(
      Object.entries(raw.provinces)
        .filter(([code]) => !shownProvinces.some((p) => p.code === code))
        .reduce((s, [, n]) => s + n, 0),
    ),
    sameOccupation: cell(raw.sameOccupation),
    preferCountry: cell(raw.preferCountry),
  };
}
