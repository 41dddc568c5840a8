import { z } from "./zod-messages";

// Every free-text field of every schema is built here, so one rule holds everywhere
// (docs/decisions/010-input-limits.md): text is what a person can read. Control characters (a NUL is refused by
// PostgreSQL and answered 500), lone UTF-16 surrogates (PostgreSQL's jsonb refuses "\ud800") and content made only of
// invisible characters (a title of zero-width spaces shows as nothing on /jobs) are field errors, never stored. Text is
// NFC-normalised, so "é" typed as e + combining accent and "é" precomposed are the same name for search and duplicate
// checks.

// C0 controls, DEL and C1 controls. Multi-line fields keep tab, line feed and carriage return. One-line fields
// also refuse the line and paragraph separators and the explicit bidi embeddings, overrides and isolates
// ("\u202eretiaW" shows as "Waiter" reversed; names and titles in any script need none of them).
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF): never text, in any field.
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, or a low one alone.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What renders as nothing on its own: whitespace, format characters (zero-width space/joiners, U+2060, BOM, soft
// hyphen, bidi marks), combining marks and variation selectors without a base, controls, Hangul fillers and
// the blank Braille pattern.
// Private-use characters (no agreed glyph), the object replacement character and skin-tone modifiers alone count
// as nothing too.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\p{Cc}\p{Co}\p{Emoji_Modifier}\u115f\u1160\u3164\uffa0\u2800\ufffc]/gu;

/** True when the string has a character other than controls and lone surrogates that a person could not see. */
export const hasOnlyAllowedCharacters = (s: string, multiline = false) =>
  !(multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s) && !LONE_SURROGATE.test(s) && !NONCHARACTER.test(s);

/** True when at least one character would show on screen. */
export const hasVisibleCharacter = (s: string) => s.replace(INVISIBLE, "") !== "";

export interface TextOptions {
  /** Maximum length after trimming and NFC normalisation. */
  max: number;
  /** Minimum length (0: the field may be empty). */
  min?: number;
  /** Tab, newline and carriage return allowed (textareas). */
  multiline?: boolean;
  /** Message key for a value shorter than `min` (default: the generic "required"/"invalid"). */
  tooShort?: string;
  /** Message key for a value longer than `max` (default "errors.too_long"). */
  tooLong?: string;
}

/**
 * A free-text field: refuses control characters and lone surrogates ("errors.text_invalid_characters"),
 * NFC-normalises and trims, then checks the length and that something visible is left
 * ("errors.text_invisible_only"). An empty string passes when `min` is 0 (optional fields stay optional).
 * Stays a ZodString, so `.optional()`, `.regex()` and JSON Schema generation work as before.
 */
export function text(opts: TextOptions): z.ZodString {
  const { max, min = 0, multiline = false } = opts;
  let s = z
    .string()
    .refine((v) => hasOnlyAllowedCharacters(v, multiline), { error: "errors.text_invalid_characters", abort: true })
    .overwrite((v) => v.normalize("NFC"))
    .trim()
    .refine((v) => v === "" || hasVisibleCharacter(v), { error: "errors.text_invisible_only", abort: true });
  if (min > 0) s = s.min(min, opts.tooShort ? { error: opts.tooShort } : undefined);
  return s.max(max, { error: opts.tooLong ?? "errors.too_long" });
}

/** A phone number as people type it, with an optional leading + (workers, employers' contacts, booth leads). */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{6,24}$/;
