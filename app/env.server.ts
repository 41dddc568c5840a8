import { z } from "zod";

// Environment, parsed once at start-up. A missing or malformed variable stops the process with a message that
// names it. Nothing else reads process.env.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const int = (def: number) => z.coerce.number().int().positive().default(def);

const base = {
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** reverse proxies in front of the app (0 = none): the client address is taken that many hops back in X-Forwarded-For */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** default: Secure cookies exactly when NODE_ENV=production */
  COOKIE_SECURE: bool.optional(),
  // Abuse limits: docs/decisions/011-abuse-limits.md.
  /** login attempts per (email, client address) checked without waiting; a success starts over */
  LOGIN_FREE_FAILURES: int(5),
  /** the wait after those, doubling with each further attempt of that pair… */
  LOGIN_BACKOFF_SECONDS: int(30),
  /** …up to this */
  LOGIN_BACKOFF_MAX_SECONDS: int(900),
  /** failed logins from one address per window before only emails that signed in from it before may try */
  LOGIN_MAX_FAILURES_PER_IP: int(100),
  /** failed logins for one email per window (from anywhere) before its attempts are slowed */
  LOGIN_EMAIL_SLOW_AFTER: int(20),
  /** once slowed, one attempt per this many seconds for that email from addresses it never signed in from */
  LOGIN_EMAIL_SLOW_SECONDS: int(30),
  LOGIN_WINDOW_MINUTES: int(15),
  /** mutating API requests per organisation per minute */
  API_WRITES_PER_MINUTE: int(600),
  SIGNUPS_PER_HOUR_PER_IP: int(20),
  INVITATIONS_PER_HOUR_PER_ORG: int(50),
  /** posts of one public form (no sign-in: invitation acceptance, the booth's lead form) per address per hour */
  PUBLIC_WRITES_PER_HOUR_PER_IP: int(300),
  /** how often the search outbox worker looks for changes to send to Meilisearch */
  OUTBOX_POLL_MS: int(1000),
  /** how often the processor looks for newly verified orders to announce to agencies (0: not in this process) */
  FIT_NOTIFY_POLL_MS: z.coerce.number().int().min(0).default(2000),
  /** app processes `npm start` runs (node:cluster); 0 = one per CPU core */
  WEB_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(0),
  /** PostgreSQL clients per app process (docs/decisions/009-faults-and-load.md) */
  DB_POOL_MAX: int(10),
  /** how long a request waits for a free PostgreSQL client before it answers 503 */
  DB_CONNECT_TIMEOUT_MS: int(3000),
  /** requests one app process serves at once; more are answered 503 + Retry-After at once (load shedding) */
  MAX_IN_FLIGHT: int(128),
};

const pgUrl = z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");
const httpUrl = z.string().regex(/^https?:\/\//, "must start with http:// or https://");

export const ServerEnvSchema = z.object({
  ...base,
  DATABASE_URL: pgUrl,
  MEILI_URL: httpUrl,
  MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters"),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

export const cookieSecure = (env: { COOKIE_SECURE?: boolean; NODE_ENV: string }) =>
  env.COOKIE_SECURE ?? env.NODE_ENV === "production";

/** `npm start`: services are optional (started locally when unset); a Meilisearch URL needs its key. */
export const StartEnvSchema = z
  .object({
    ...base,
    DATABASE_URL: pgUrl.optional(),
    MEILI_URL: httpUrl.optional(),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    SEED_DEMO_DATA: bool.default(true),
  })
  .superRefine((v, ctx) => {
    if (v.MEILI_URL && !v.MEILI_MASTER_KEY)
      ctx.addIssue({ code: "custom", path: ["MEILI_MASTER_KEY"], message: "is required when MEILI_URL is set" });
    if (v.MEILI_MASTER_KEY && !v.MEILI_URL)
      ctx.addIssue({ code: "custom", path: ["MEILI_URL"], message: "is required when MEILI_MASTER_KEY is set" });
  });
export type StartEnv = z.infer<typeof StartEnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // Empty strings count as unset: `FOO= npm start` should not mean "FOO is the empty string".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? "environment");
    const got = i.code === "invalid_type" && cleaned[name] === undefined ? "is missing" : i.message;
    return `  ${name} ${got}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}
