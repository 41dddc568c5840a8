import { afterAll, describe, expect, it } from "vitest";
import { inviteMember } from "~/services/orgs/invitations.server";
import { Client, unique } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

const signupForm = (email: string, password: string) => ({
  name: "Maria Camilleri",
  email,
  password,
  organisationName: "Aurora Cruises",
  country: "MT",
});
const userCount = async (email: string) =>
  (await deps.db.selectFrom("users").select("id").where("email", "=", email).execute()).length;

/** The error shown under the password field (conform renders it in the field's error element). */
function passwordError(html: string): string | undefined {
  return /id="[^"]*password-error"[^>]*>(?:<[^>]+>)*([^<]+)/.exec(html)?.[1];
}

describe("new passwords: the shipped common-password list and zxcvbn-ts (score ≥ 3)", () => {
  it("refuses weak, common and personal passwords at sign-up with an error on the password field, in both languages", async () => {
    const cases: [string, string, string][] = [
      ["aaaaaaaaaa", "en", "This password is too easy to guess. Use a longer phrase of unrelated words."],
      ["1234567890", "en", "This password is on a list of common passwords. Choose another."],
      ["Password123", "en", "This password is on a list of common passwords. Choose another."],
      ["maria-camilleri-1", "en", "Do not build the password from your name, email or organisation."],
      ["aurora-cruises-26", "en", "Do not build the password from your name, email or organisation."],
      [
        "aaaaaaaaaa",
        "id",
        "Kata sandi ini terlalu mudah ditebak. Gunakan frasa yang lebih panjang dari kata-kata yang tidak berkaitan.",
      ],
    ];
    for (const [password, lang, message] of cases) {
      const email = `${unique("weak")}@test.example`;
      const res = await new Client().post("/signup", signupForm(email, password), {
        headers: { "Accept-Language": lang },
      });
      expect(res.status, password).toBe(422);
      expect(passwordError(await res.text()), password).toBe(message);
      expect(await userCount(email)).toBe(0);
    }
    const ok = `${unique("strong")}@test.example`;
    expect((await new Client().post("/signup", signupForm(ok, "Plum-Harbour-Lantern-77"))).status).toBe(302);
    expect(await userCount(ok)).toBe(1);
  });

  it("refuses a weak password the same way whether or not the address has an account", async () => {
    const { email } = await orgWithUser(deps, "employer");
    const taken = await new Client().post("/signup", signupForm(email, "aaaaaaaaaa"));
    const fresh = await new Client().post("/signup", signupForm(`${unique("weak")}@test.example`, "aaaaaaaaaa"));
    expect([taken.status, passwordError(await taken.text())]).toEqual([
      fresh.status,
      passwordError(await fresh.text()),
    ]);
  });

  it("refuses a weak password when accepting an invitation, and the link stays usable", async () => {
    const admin = await orgWithUser(deps, "employer");
    const actor = { userId: admin.user.id, orgId: admin.org.id, orgKind: "employer", role: "admin" } as const;
    const email = `${unique("invitee")}@test.example`;
    const { token } = await inviteMember(deps, actor, admin.org.slug, { email, role: "member" });
    const c = new Client();
    const weak = await c.post(`/invite/${token}`, { name: "New Colleague", password: "aaaaaaaaaa" });
    expect(weak.status).toBe(422);
    expect(passwordError(await weak.text())).toBe(
      "This password is too easy to guess. Use a longer phrase of unrelated words.",
    );
    expect(await userCount(email)).toBe(0);
    expect(
      (await c.post(`/invite/${token}`, { name: "New Colleague", password: "Plum-Harbour-Lantern-77" })).status,
    ).toBe(302);
    expect(await userCount(email)).toBe(1);
  });
});
