// `npm run admin -- <command>`: scriptable administration. Uses DATABASE_URL when set; otherwise the
// services of a running `npm start`, or starts the embedded PostgreSQL under DATA_DIR for the command's run.
import { parseArgs } from "node:util";
import { DomainError } from "~/domain/errors";
import { LICENCE_STATUSES, ORG_KINDS, ROLES } from "~/domain/org";
import { email as emailSchema, newPassword } from "~/domain/schemas/auth";
import { isoDay } from "~/domain/dates";
import { changeLicenceSchema, createOrgSchema } from "~/domain/schemas/org";
import { EnvError, parseEnv, StartEnvSchema } from "~/env.server";
import { translateError } from "~/i18n/translate";
import { randomToken } from "~/services/auth/crypto.server";
import { personalWords, assertStrongPassword } from "~/services/auth/password-policy.server";
import type { Deps } from "~/services/deps.server";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { createDb, migrateToLatest } from "~db/client";
import { findOrgBySlug, listOrgs } from "~db/orgs";
import { createSearch } from "~search/client";
import { ensureServices, stopAll } from "./lib/services";

const HELP = `Usage: npm run admin -- <command> [options]

Commands:
  org create --kind <${ORG_KINDS.join("|")}> --slug <slug> --name <name>
             [--countries DE,JP] [--country MT] [--licence-number N] [--licence-valid-until YYYY-MM-DD]
      Create an organisation. Missions need --countries; agencies need --licence-number.
  org list [--kind <kind>]
      List organisations (slug, kind, name).
  user create --org <slug> --email <email> --role <${ROLES.join("|")}> [--name <name>]
      Create a user. The password is read from standard input when it is piped in;
      otherwise a strong one is generated and printed once.
  api-key create --org <slug> --name <label>
      Create an API key for the organisation. The key is printed alone on the last line, once.
  licence set --org <slug> --status <${LICENCE_STATUSES.join("|")}> --reason <text> [--until YYYY-MM-DD] [--scope <text>]
             [--valid-until YYYY-MM-DD]
      Record an agency licence change (suspension, revocation, reinstatement, renewal).
  migrate
      Apply pending database migrations.

Environment: DATABASE_URL (optional; see README). Exit codes: 0 ok, 1 failed, 2 bad usage.

Example (the first ministry administrator):
  npm run admin -- user create --org kp2mi --email you@kp2mi.go.id --role admin --name "Your Name"`;

class UsageError extends Error {}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`missing --${name}`);
  return v;
}

/** Zod errors printed as "field: message" in English. */
function parseOrFail<T>(
  r: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (r.success) return r.data;
  throw new UsageError(
    r.error.issues.map((i) => `--${String(i.path[0] ?? "input")}: ${translateError("en", i.message)}`).join("\n"),
  );
}

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  return text === "" ? null : text;
}

async function run(argv: string[], deps: () => Promise<Deps>): Promise<void> {
  const [group, verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      kind: { type: "string" },
      slug: { type: "string" },
      name: { type: "string" },
      countries: { type: "string" },
      country: { type: "string" },
      "licence-number": { type: "string" },
      "licence-valid-until": { type: "string" },
      org: { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      status: { type: "string" },
      reason: { type: "string" },
      until: { type: "string" },
      scope: { type: "string" },
      "valid-until": { type: "string" },
    },
    strict: true,
  });
  const cmd = `${group ?? ""} ${verb ?? ""}`.trim();
  const cli = { userId: null, label: "cli" };

  if (cmd === "org create") {
    const input = parseOrFail(
      createOrgSchema(isoDay(new Date())).safeParse({
        kind: values.kind,
        slug: values.slug,
        name: values.name,
        countries: values.countries,
        country: values.country?.toUpperCase(),
        licenceNumber: values["licence-number"],
        licenceValidUntil: values["licence-valid-until"],
      }),
    );
    const org = await unsafeCreateOrg(await deps(), input, cli);
    console.log(`created ${org.kind} organisation ${org.slug} (${org.id})`);
  } else if (cmd === "org list") {
    const kind = ORG_KINDS.find((k) => k === values.kind);
    for (const o of await listOrgs((await deps()).db, { kind, limit: 10_000, offset: 0 })) {
      console.log(`${o.slug}\t${o.kind}\t${o.name}`);
    }
  } else if (cmd === "user create") {
    const role = ROLES.find((r) => r === values.role);
    if (!role) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    const email = parseOrFail(emailSchema.safeParse(need(values, "email")));
    const piped = await readStdin();
    const password = piped ?? randomToken(15);
    if (piped !== null) {
      parseOrFail(newPassword.safeParse(piped));
      await assertStrongPassword(piped, personalWords(email, values.name));
    }
    const user = await unsafeCreateUser(await deps(), {
      orgSlug: need(values, "org"),
      email,
      name: values.name ?? email.split("@")[0]!,
      role,
      password,
    });
    console.log(`created user ${user.email} (${user.role}) in ${need(values, "org")}`);
    if (piped === null) console.log(`password (shown once): ${password}`);
  } else if (cmd === "api-key create") {
    const d = await deps();
    const org = await findOrgBySlug(d.db, need(values, "org"));
    if (!org) throw new UsageError(`no organisation with slug ${values.org}`);
    const key = await unsafeCreateApiKey(d, org, need(values, "name"), cli);
    console.log(`created API key "${key.name}" for ${org.slug}; it is shown once:`);
    console.log(key.key);
  } else if (cmd === "licence set") {
    const input = parseOrFail(
      changeLicenceSchema(isoDay(new Date())).safeParse({
        status: values.status,
        reason: values.reason,
        suspendedUntil: values.until,
        scope: values.scope,
        validUntil: values["valid-until"],
      }),
    );
    const d = await deps();
    const org = await findOrgBySlug(d.db, need(values, "org"));
    if (!org || org.kind !== "agency") throw new UsageError(`no agency with slug ${values.org}`);
    await unsafeChangeLicence(d, org.id, input, null);
    console.log(`licence of ${org.slug} is now ${input.status}`);
  } else if (cmd === "migrate") {
    const results = await migrateToLatest((await deps()).db);
    console.log(results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join("\n") : "up to date");
  } else {
    throw new UsageError(group ? `unknown command: ${cmd}` : "no command given");
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return;
  }
  const env = parseEnv(StartEnvSchema, process.env);
  let cleanup = async () => {};
  // Services start only when a command needs the database (usage errors answer at once).
  const deps = async (): Promise<Deps> => {
    const services = await ensureServices(env, { search: false, reuseRunning: true });
    const db = createDb(services.databaseUrl, { max: 2 });
    await migrateToLatest(db);
    cleanup = async () => {
      await db.destroy();
      await stopAll(services.started);
    };
    return {
      db,
      search: createSearch(
        services.meiliUrl || "http://127.0.0.1:1",
        services.meiliMasterKey || "unused-by-admin-commands",
      ),
      now: () => new Date(),
    };
  };
  let once: Promise<Deps> | undefined;
  try {
    await run(argv, () => (once ??= deps()));
  } finally {
    await cleanup();
  }
}

main().catch((e: unknown) => {
  if (
    e instanceof UsageError ||
    (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
  ) {
    console.error(`error: ${e.message}\n\nRun \`npm run admin -- --help\` for usage.`);
    process.exit(2);
  }
  if (e instanceof DomainError) {
    const fields = Object.entries(e.fields)
      .map(([k, v]) => `\n  ${k}: ${translateError("en", v, e.params)}`)
      .join("");
    console.error(`error: ${translateError("en", e.messageKey, e.params)}${fields}`);
    process.exit(1);
  }
  console.error(e instanceof EnvError ? e.message : e);
  process.exit(1);
});
