import { describe, expect, it } from "vitest";
import {
  HANDOFF_TOKEN_ALPHABET,
  HANDOFF_TOKEN_LENGTH,
  normaliseHandoffToken,
  phoneLeadSchema,
} from "~/domain/booth/handoff";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { hashHandoffToken, newHandoffToken } from "~/services/booth/handoff-token.server";

// The phone handoff's pure parts (decision 019): tokens as typed or scanned, and the phone's lead form, which
// refuses a consent given under the other country's notice.

const contact = {
  name: "Ingrid Solberg",
  company: "Nordic Ferries AS",
  email: "ingrid@nordicferries.example",
  country: "NO",
  consentContact: "on",
  consentVersion: LEAD_CONSENT_VERSION,
};

describe("handoff tokens", () => {
  it("are 20 characters of the unambiguous alphabet, about 93 bits, and differ every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newHandoffToken().token));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toHaveLength(HANDOFF_TOKEN_LENGTH);
      expect([...t].every((c) => HANDOFF_TOKEN_ALPHABET.includes(c))).toBe(true);
    }
    expect(HANDOFF_TOKEN_LENGTH * Math.log2(HANDOFF_TOKEN_ALPHABET.length)).toBeGreaterThan(90);
  });

  it("are read as typed: case, spaces and dashes do not matter; anything else is no token", () => {
    const { token, hash } = newHandoffToken();
    const typed = `${token.slice(0, 5).toLowerCase()} ${token.slice(5, 10)}-${token.slice(10)}`;
    expect(normaliseHandoffToken(typed)).toBe(token);
    expect(hashHandoffToken(normaliseHandoffToken(typed)!)).toBe(hash);
    for (const bad of ["", "ACDEFGHJ", "0".repeat(20), `${token}A`, "../../etc/passwd", "A".repeat(5000)])
      expect(normaliseHandoffToken(bad), bad).toBeNull();
  });
});

describe("the phone's lead form", () => {
  it("takes the kiosk's fields with the notice of the visitor's country", () => {
    expect(phoneLeadSchema.safeParse({ ...contact, consentWording: "gdpr" }).success).toBe(true);
    expect(phoneLeadSchema.safeParse({ ...contact, country: "US", consentWording: "pdp" }).success).toBe(true);
  });

  it("sends back a consent given under the other notice, or under no notice at all", () => {
    for (const wording of ["pdp", undefined]) {
      const r = phoneLeadSchema.safeParse({ ...contact, consentWording: wording });
      expect(r.success).toBe(false);
      expect(r.error!.issues).toEqual([
        expect.objectContaining({ path: ["consentContact"], message: "errors.handoff_wording_changed" }),
      ]);
    }
  });
});
