import { afterAll, describe, expect, it } from "vitest";
import { inviteMember } from "~/services/orgs/invitations.server";
import { Client, unique } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

// A password the page could only contain if the server sent the submitted value back.
const secret = () => `Echo-${unique("pw")}-Tulpen`;

async function expectNotEchoed(res: Response, password: string, status: number) {
  expect(res.status).toBe(status);
  const html = await res.text();
  expect(html).toContain("<form"); // the form is shown again, with its errors…
  expect(html).not.toContain(password); // …but neither the input nor the hydration data holds the password
}

describe("a submitted password is never rendered back into the page", () => {
  it("after a failed login: wrong password (401), invalid email (400), honeypot (422)", async () => {
    const { email } = await orgWithUser(deps, "employer");
    let pw = secret();
    await expectNotEchoed(await new Client().logIn(email, pw), pw, 401);
    pw = secret();
    await expectNotEchoed(await new Client().post("/login", { email: "not-an-email", password: pw }), pw, 400);
    pw = secret();
    await expectNotEchoed(await new Client().post("/login", { email, password: pw, website: "bot" }), pw, 422);
  });

  it("after a failed sign-up: schema errors (400) and a domain error (422)", async () => {
    const form = (password: string, extra: Record<string, string> = {}) => ({
      name: "Echo Test",
      email: `${unique("echo")}@test.example`,
      password,
      organisationName: "Echo Shipping",
      country: "MT",
      ...extra,
    });
    let pw = secret();
    await expectNotEchoed(await new Client().post("/signup", form(pw, { name: "", country: "" })), pw, 400);
    pw = secret();
    await expectNotEchoed(await new Client().post("/signup", form(pw, { website: "http://spam.example" })), pw, 422);
  });

  it("after a failed invitation acceptance: schema errors (400) and a domain error (422)", async () => {
    const admin = await orgWithUser(deps, "employer");
    const { token } = await inviteMember(
      deps,
      { userId: admin.user.id, orgId: admin.org.id, orgKind: "employer", role: "admin" },
      admin.org.slug,
      {
        email: `${unique("invitee")}@test.example`,
        role: "member",
      },
    );
    let pw = secret();
    await expectNotEchoed(await new Client().post(`/invite/${token}`, { name: "", password: pw }), pw, 400);
    pw = secret();
    await expectNotEchoed(
      await new Client().post(`/invite/${token}`, { name: "Invitee", password: pw, website: "bot" }),
      pw,
      422,
    );
  });
});
