import { randomInt } from "node:crypto";
import { ENROL_CODE_ALPHABET, ENROL_CODE_LENGTH } from "~/domain/booth/event-schema";
import { randomToken, sha256 } from "../auth/crypto.server";

// The kiosk's credentials (docs/decisions/002-sessions.md: full-entropy secrets are stored as sha256). The
// enrolment code is short (typed on a touch screen) but lives minutes and is spent once; the device token is
// "jmk_" + 32 random bytes.

export const KIOSK_TOKEN_PREFIX = "jmk_";
/** How long an enrolment code may be typed in. */
export const ENROL_CODE_MINUTES = 10;

export function newEnrolCode(): { code: string; hash: string } {
  let code = "";
  for (let i = 0; i < ENROL_CODE_LENGTH; i++) code += ENROL_CODE_ALPHABET[randomInt(ENROL_CODE_ALPHABET.length)];
  return { code, hash: hashEnrolCode(code) };
}

/** Codes are compared upper-case, without spaces or dashes (the schema normalises what is typed). */
export const hashEnrolCode = (code: string) => sha256(`kiosk-code:${code}`);

export function newKioskToken(): { token: string; hash: string } {
  const token = KIOSK_TOKEN_PREFIX + randomToken(32);
  return { token, hash: sha256(token) };
}

export const hashKioskToken = (token: string) => sha256(token);
