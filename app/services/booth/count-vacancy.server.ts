import { boothCounts, type BoothCounts } from "~/domain/booth/breakdown";
import { matchOrderOfVacancy, type Vacancy } from "~/domain/booth/vacancy";
import { isoDay } from "~/domain/dates";
import { countPool } from "~search/match-counts";
import type { Deps } from "../deps.server";
import { activeAgencies } from "../matching/active-agencies.server";

// The kiosk's live count: how many available, consenting candidates of licensed agencies fit the vacancy a visitor
// describes, with the matching engine's own gates (the vacancy becomes the engine's order, counted by the engine's
// filters), and the breakdowns the screen draws. Counts only, small cells hidden (app/domain/booth/breakdown.ts).

export interface VacancyCount {
  /** When the figures were taken (the kiosk shows it when it is offline and showing the last known figures). */
  at: string;
  counts: BoothCounts;
}

/**
 * Answers kept for a second: a debounced typist and several kiosks ask for the same vacancy again and again. A hit
 * reads nothing, not even the licensed agencies (a licence changed within the second shows on the next miss).
 */
const FRESH_MS = 1_000;
const MAX_KEPT = 500;
const kept = new Map<string, { takenAt: number; value: VacancyCount }>();

export async function countVacancy(deps: Deps, vacancy: Vacancy): Promise<VacancyCount> {
  const now = deps.now();
  const today = isoDay(now);
  const o = matchOrderOfVacancy(vacancy, today);
  const key = JSON.stringify([o, today]);
  const hit = kept.get(key);
  if (hit && now.getTime() - hit.takenAt < FRESH_MS && now.getTime() >= hit.takenAt) return hit.value;
  const agencyIds = (await activeAgencies(deps, today)).map((a) => a.id);
  const raw = await countPool(deps.search, o, agencyIds, today);
  const value = { at: now.toISOString(), counts: boothCounts(raw, o, today) };
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, { takenAt: now.getTime(), value });
  return value;
}

/** Forgets the kept answers (tests that change profiles and count again at once). */
export function clearVacancyCounts(): void {
  kept.clear();
}
