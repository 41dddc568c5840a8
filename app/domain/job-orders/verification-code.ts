// Verification codes are printed on offers and typed by workers' families: no 0/O, 1/I/L look-alikes.
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;

/** "ab3k-9mxp " → "AB3K9MXP"; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return code;
}

/** "AB3K9MXP" → "AB3K-9MXP" for people. */
export const displayCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A verified order is public for this long; after it the order expires unless closed or filled first. */
export const VALIDITY_MONTHS = 12;

export function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
