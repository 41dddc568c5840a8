import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { unique } from "../support/http";
import { testDeps } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const deps = testDeps();
afterAll(() => deps.db.destroy());

function admin(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
    cwd: ROOT,
    input: input ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: inject("databaseUrl") } as unknown as NodeJS.ProcessEnv,
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe("npm run admin", () => {
  it("lists its commands with --help", () => {
    const r = admin(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["org create", "user create", "api-key create", "licence set", "migrate"])
      expect(r.out).toContain(cmd);
  });

  it("bootstraps a ministry: org, first admin (password printed once), then an API key that authenticates", async () => {
    const slug = unique("ministry");
    const org = admin(["org", "create", "--kind", "ministry", "--slug", slug, "--name", "KP2MI Test"]);
    expect(org.code).toBe(0);
    expect(org.out).toMatch(new RegExp(`created ministry organisation ${slug}`));

    const user = admin(["user", "create", "--org", slug, "--email", `Boss@${slug}.example`, "--role", "admin"]);
    expect(user.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(user.out)?.[1];
    expect(password).toBeTruthy();
    const login = await fetch(`${inject("baseUrl")}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: inject("baseUrl"),
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": "10.250.0.1",
      },
      body: new URLSearchParams({ email: `boss@${slug}.example`, password: password! }),
    });
    expect(login.status).toBe(302);

    const key = admin(["api-key", "create", "--org", slug, "--name", "ops"]);
    expect(key.code).toBe(0);
    const last = key.out.split("\n").at(-1)!;
    expect(last).toMatch(/^jmb_[A-Za-z0-9_-]{43}$/);
    const me = await fetch(`${inject("baseUrl")}/api/v1/me`, { headers: { Authorization: `Bearer ${last}` } });
    expect((await me.json()).organisation.slug).toBe(slug);
  });

  it("takes the password from standard input when piped", async () => {
    const slug = unique("employer");
    admin(["org", "create", "--kind", "employer", "--slug", slug, "--name", "Piped Ltd", "--country", "mt"]);
    const r = admin(
      ["user", "create", "--org", slug, "--email", `p@${slug}.example`, "--role", "member"],
      "piped-password-123\n",
    );
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("password");
    const login = await fetch(`${inject("baseUrl")}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: inject("baseUrl"),
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": "10.250.0.2",
      },
      body: new URLSearchParams({ email: `p@${slug}.example`, password: "piped-password-123" }),
    });
    expect(login.status).toBe(302);
    const short = admin(
      ["user", "create", "--org", slug, "--email", `q@${slug}.example`, "--role", "member"],
      "short\n",
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain("Use at least 10 characters.");
    expect(
      await deps.db.selectFrom("users").select("id").where("email", "=", `q@${slug}.example`).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("exits 2 with a clear message on bad usage, and stores nothing", async () => {
    const r = admin(["org", "create", "--kind", "mission", "--slug", "Bad!", "--name", "M"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--slug: Use 3–48 lower-case letters");
    expect(r.err).toContain("--countries: A mission must cover at least one country.");
    expect(admin(["frobnicate"]).code).toBe(2);
    expect(admin(["org", "create", "--bogus"]).code).toBe(2);
    const missing = admin(["api-key", "create", "--org", "no-such-org", "--name", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no organisation with slug no-such-org");
  });

  it("records licence changes for agencies", async () => {
    const slug = unique("pt");
    admin(["org", "create", "--kind", "agency", "--slug", slug, "--name", "PT CLI", "--licence-number", "SIP3MI-1"]);
    const r = admin([
      "licence",
      "set",
      "--org",
      slug,
      "--status",
      "suspended",
      "--reason",
      "audit",
      "--until",
      "2027-01-31",
    ]);
    expect(r.code).toBe(0);
    const org = await deps.db
      .selectFrom("organisations")
      .select(["licence_status", "licence_suspended_until"])
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ licence_status: "suspended", licence_suspended_until: "2027-01-31" });
  });
});
