// Joining already-translated pieces for display. Separators carry no words, so they need no translation; keeping
// them here lets ESLint's no-literal rule stay strict in JSX.
type Part = string | number | null | undefined | false;

export const dot = (...parts: Part[]) =>
  parts.filter((p) => p !== null && p !== undefined && p !== false && p !== "").join(" · ");
export const withParen = (main: string, extra?: Part) =>
  extra === null || extra === undefined || extra === false || extra === "" ? main : `${main} (${extra})`;
export const SEPARATOR = "──";
/** "3." — a position in a ranked list. */
export const rankLabel = (n: string) => `${n}.`;
/** "English B2": words joined by a space. */
export const spaced = (...parts: Part[]) =>
  parts.filter((p) => p !== null && p !== undefined && p !== false && p !== "").join(" ");
