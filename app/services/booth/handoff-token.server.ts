import { randomInt } from "node:crypto";
import { HANDOFF_TOKEN_ALPHABET, HANDOFF_TOKEN_LENGTH } from "~/domain/booth/handoff";
import { sha256 } from "../auth/crypto.server";

// A handoff link's token (decision 019, "Phone handoff"): full entropy (about 93 bits), so stored as its sha256
// only, as the kiosk's codes and tokens are (docs/decisions/002-sessions.md).

export function newHandoffToken(): { token: string; hash: string } {
  let token = "";
  for (let i = 0; i < HANDOFF_TOKEN_LENGTH; i++)
    token += HANDOFF_TOKEN_ALPHABET[randomInt(HANDOFF_TOKEN_ALPHABET.length)];
  return { token, hash: hashHandoffToken(token) };
}

/** Takes a token normalised by normaliseHandoffToken. */
export const hashHandoffToken = (token: string) => sha256(`booth-handoff:${token}`);
