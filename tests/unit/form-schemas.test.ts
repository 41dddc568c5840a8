import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { SignupSchema, safeRedirect } from "~/domain/schemas/auth";
import { changeLicenceSchema, createOrgSchema } from "~/domain/schemas/org";
import { isMessageKey } from "~/i18n/translate";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("shared form schemas", () => {
  it("report every problem as a translatable key on its field", () => {
    const r = SignupSchema.safeParse({
      name: "",
      email: "nope",
      password: "short",
      organisationName: "A",
      country: "XX",
    });
    const m = messages(r);
    expect(m).toEqual({
      name: "errors.required",
      email: "errors.email_invalid",
      password: "errors.password_too_short",
      organisationName: "errors.org_name_short",
      country: "errors.choose_option",
    });
    for (const key of Object.values(m)) expect(isMessageKey(key)).toBe(true);
  });

  it("normalise email case and whitespace", () => {
    const r = SignupSchema.parse({
      name: "Ann",
      email: "  Ann@Example.COM ",
      password: "long enough pw",
      organisationName: "Acme",
      country: "MT",
    });
    expect(r.email).toBe("ann@example.com");
  });

  it("require countries for missions and a licence for agencies", () => {
    expect(messages(createOrgSchema(today).safeParse({ kind: "mission", slug: "kbri-x", name: "KBRI X" }))).toEqual({
      countries: "errors.mission_needs_countries",
    });
    expect(messages(createOrgSchema(today).safeParse({ kind: "agency", slug: "pt-x", name: "PT X" }))).toEqual({
      licenceNumber: "errors.agency_needs_licence",
    });
    expect(
      createOrgSchema(today).parse({ kind: "mission", slug: "kbri-x", name: "KBRI X", countries: "de, pl" }).countries,
    ).toEqual(["DE", "PL"]);
    expect(
      messages(
        createOrgSchema(today).safeParse({ kind: "mission", slug: "kbri-x", name: "KBRI X", countries: "DE, XX" }),
      ),
    ).toEqual({ "countries.1": "errors.country_unknown" });
  });

  it("reject an end date on anything but a suspension, or one in the past", () => {
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(
      messages(changeLicenceSchema(today).safeParse({ status: "revoked", reason: "fraud", suspendedUntil: inAYear })),
    ).toEqual({ suspendedUntil: "errors.until_only_for_suspension" });
    expect(
      messages(
        changeLicenceSchema(today).safeParse({ status: "suspended", reason: "audit", suspendedUntil: "2099-01-01" }),
      ),
    ).toEqual({ suspendedUntil: "errors.suspended_until_range" });
    expect(
      messages(
        changeLicenceSchema(today).safeParse({ status: "suspended", reason: "audit", suspendedUntil: "2020-01-01" }),
      ),
    ).toEqual({ suspendedUntil: "errors.until_in_past" });
  });

  it("never redirect off-site after login", () => {
    expect(safeRedirect("/orgs/x/settings")).toBe("/orgs/x/settings");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/ /x",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirect(bad)).toBe("/dashboard");
    }
  });
});
