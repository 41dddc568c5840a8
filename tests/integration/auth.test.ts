import { afterAll, describe, expect, it } from "vitest";
import { Client, unique } from "../support/http";
import { orgWithUser, PASSWORD, testDeps } from "../support/fixtures";

const deps = testDeps();
afterAll(() => deps.db.destroy());

const signupForm = (email: string, extra: Record<string, string> = {}) => ({
  name: "Maria Camilleri",
  email,
  password: "a-long-password-1",
  organisationName: `Aurora ${email}`,
  country: "MT",
  ...extra,
});

async function countUsers(email: string) {
  return (await deps.db.selectFrom("users").select("id").where("email", "=", email).execute()).length;
}

describe("employer sign-up, login and logout over HTTP", () => {
  it("signs up an employer: organisation + admin user, then signs in; the session cookie is hardened", async () => {
    const email = `${unique("emp")}@test.example`;
    const c = new Client();
    const res = await c.post("/signup", signupForm(email.toUpperCase()));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login");
    expect(c.cookies.has("jmb_session")).toBe(false); // the same answer as for an address that has an account
    expect(await (await c.get("/login")).text()).toContain(
      "If this email address was new, your employer account is ready",
    );

    const user = await deps.db
      .selectFrom("users")
      .innerJoin("organisations as o", "o.id", "users.org_id")
      .select(["users.role", "users.password_hash", "o.kind", "o.country"])
      .where("users.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "admin", kind: "employer", country: "MT" });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);

    expect((await c.logIn(email, signupForm(email).password)).status).toBe(302);
    const cookie = c.lastSetCookies.get("jmb_session");
    expect(cookie?.attrs).toMatchObject({ httponly: true, samesite: "Lax", secure: true, path: "/" });
    const dash = await c.get("/dashboard");
    expect(dash.status).toBe(200);
    expect(await dash.text()).toContain("Welcome, Maria Camilleri");
  });

  it("logs out with POST (session gone server-side) and never with GET", async () => {
    const { email, password } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    const token = c.cookies.get("jmb_session");
    expect(token).toBeTruthy();

    expect((await c.get("/logout")).status).toBe(302);
    expect((await c.get("/dashboard")).status).toBe(200); // still signed in

    const out = await c.post("/logout", {});
    expect(out.status).toBe(302);
    expect(c.cookies.has("jmb_session")).toBe(false);
    expect((await c.get("/dashboard")).headers.get("location")).toMatch(/^\/login\?redirectTo=%2Fdashboard/);

    // the old cookie no longer works either: the session row is gone
    const replay = new Client();
    replay.cookies.set("jmb_session", token!);
    expect((await replay.get("/dashboard")).status).toBe(302);
  });

  it("logs in with the right password and refuses a wrong one without a session", async () => {
    const { email } = await orgWithUser(deps, "employer");
    const bad = new Client();
    const r1 = await bad.logIn(email, "wrong-password-123");
    expect(r1.status).toBe(401);
    expect(await r1.text()).toContain("Email or password is incorrect.");
    expect(bad.cookies.has("jmb_session")).toBe(false);

    const unknown = await new Client().logIn("nobody@test.example", PASSWORD);
    expect(unknown.status).toBe(401);

    const good = new Client();
    const r2 = await good.logIn(email, PASSWORD);
    expect(r2.status).toBe(302);
    expect(good.cookies.has("jmb_session")).toBe(true);
    expect((await good.get("/dashboard")).status).toBe(200);
  });

  it("shows field errors in the user's language and stores nothing for bad input", async () => {
    const email = `${unique("bad")}@test.example`;
    const res = await new Client().post("/signup", signupForm(email, { password: "short", country: "" }), {
      headers: { "Accept-Language": "id" },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Gunakan minimal 10 karakter.");
    expect(html).toContain("Pilih salah satu opsi.");
    expect(await countUsers(email)).toBe(0);
  });

  it("answers a sign-up for an existing address exactly like a new one; only the owner is told (mail queued, audited)", async () => {
    const { email, user, org } = await orgWithUser(deps, "employer");
    const fresh = `${unique("fresh")}@test.example`;
    const [taken, created] = [
      await new Client().post("/signup", signupForm(email)),
      await new Client().post("/signup", signupForm(fresh)),
    ];
    const shape = async (r: Response) => ({
      status: r.status,
      location: r.headers.get("location"),
      cookies: r.headers.getSetCookie().map((c) => c.split("=")[0]),
      body: await r.text(),
    });
    expect(await shape(taken)).toEqual(await shape(created));
    expect(taken.status).toBe(302);
    // no organisation for the taken address (the fresh one made its own), the owner's account unchanged
    const orgNamed = (name: string) =>
      deps.db.selectFrom("organisations").select("id").where("name", "=", name).execute();
    expect(await orgNamed(signupForm(email).organisationName)).toHaveLength(0);
    expect(await orgNamed(signupForm(fresh).organisationName)).toHaveLength(1);
    expect(
      (await deps.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow())
        .password_hash,
    ).toBe(user.password_hash);
    const mail = await deps.db
      .selectFrom("email_outbox")
      .select(["kind", "subject", "body"])
      .where("to_email", "=", email)
      .execute();
    expect(mail).toEqual([
      {
        kind: "signup_existing_email",
        subject: "Someone tried to sign up to Jembatan with your email address",
        body: expect.stringContaining(email),
      },
    ]);
    expect(
      await deps.db
        .selectFrom("audit_events")
        .select("action")
        .where("org_id", "=", org.id)
        .where("action", "=", "signup.existing_email")
        .execute(),
    ).toHaveLength(1);
  });

  it("rejects a sign-up whose honeypot is filled, storing nothing", async () => {
    const email = `${unique("bot")}@test.example`;
    const res = await new Client().post("/signup", signupForm(email, { website: "http://spam.example" }));
    expect(res.status).toBe(422);
    expect(await countUsers(email)).toBe(0);
  });

  it("throttles login per (email, address): after 5 failures that pair waits (429 + Retry-After), the owner elsewhere does not", async () => {
    const { email } = await orgWithUser(deps, "employer");
    const c = new Client();
    for (let i = 0; i < 5; i++) expect((await c.logIn(email, `wrong-${i}-password`)).status).toBe(401);
    const waiting = await c.logIn(email, PASSWORD);
    expect(waiting.status).toBe(429);
    const retryAfter = Number(waiting.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30); // LOGIN_BACKOFF_SECONDS
    expect(await waiting.text()).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
    expect(c.cookies.has("jmb_session")).toBe(false);
    // nobody can lock the owner out by guessing: from the owner's own address the right password works
    const owner = new Client();
    expect((await owner.logIn(email, PASSWORD)).status).toBe(302);
    expect(owner.cookies.has("jmb_session")).toBe(true);
  });

  it("a successful login starts the pair over", async () => {
    const { email } = await orgWithUser(deps, "employer");
    const c = new Client();
    for (let i = 0; i < 4; i++) expect((await c.logIn(email, `wrong-${i}-password`)).status).toBe(401);
    expect((await c.logIn(email, PASSWORD)).status).toBe(302);
    const again = new Client({ ip: c.ip });
    for (let i = 0; i < 4; i++) expect((await again.logIn(email, `wrong-again-${i}`)).status).toBe(401);
    expect((await again.logIn(email, PASSWORD)).status).toBe(302);
  });

  it("limits failed logins per client address across many emails (test server: 30 failures per window)", async () => {
    const c = new Client();
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await c.logIn(`spray-${i}-${c.ip}@test.example`, "guess-password")).status;
    expect(last).toBe(429);
  });
});
