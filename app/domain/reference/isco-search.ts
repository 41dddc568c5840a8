import { OCCUPATIONS, type Occupation } from "./isco";

// The occupation picker's search (the booth's kiosk): what a visitor types ("waiter", "steward", "pelayan", "5131")
// finds the ISCO unit group by its English or Indonesian title, its index and job titles, or its code. Pure.

/** Lower case, accents removed, apostrophes dropped, other punctuation a space: "Ships' cooks" → "ships cooks". */
export function foldForSearch(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const searchable = OCCUPATIONS.map((o) => ({
  o,
  names: [o.en, o.id, ...o.aka].map(foldForSearch),
}));

/**
 * Occupations matching `query`, best first: a code, then a title starting with the query, then a word of a title
 * starting with it, then the query anywhere in a title. Every word of the query must match.
 */
export function searchOccupations(query: string, limit = 8): Occupation[] {
  const q = foldForSearch(query);
  if (!q) return [];
  if (/^\d{1,4}$/.test(q)) return OCCUPATIONS.filter((o) => o.code.startsWith(q)).slice(0, limit);
  const words = q.split(" ");
  const scored: { o: Occupation; rank: number }[] = [];
  for (const { o, names } of searchable) {
    let best = Infinity;
    for (const name of names) {
      const nameWords = name.split(" ");
      if (!words.every((w) => name.includes(w))) continue;
      const rank = name.startsWith(q) ? 0 : words.every((w) => nameWords.some((n) => n.startsWith(w))) ? 1 : 2;
      best = Math.min(best, rank);
    }
    if (best < Infinity) scored.push({ o, rank: best });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.o.code.localeCompare(b.o.code))
    .slice(0, limit)
    .map((s) => s.o);
}
