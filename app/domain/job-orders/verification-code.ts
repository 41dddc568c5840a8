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
