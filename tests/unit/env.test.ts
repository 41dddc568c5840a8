import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, ServerEnvSchema, StartEnvSchema } from "~/env.server";

const good = {
  DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
  MEILI_URL: "http://127.0.0.1:7700",
  MEILI_MASTER_KEY: "0123456789abcdef",
  SESSION_SECRET: "x".repeat(32),
};

describe("environment parsing", () => {
  it("applies defaults", () => {
    const env = parseEnv(ServerEnvSchema, good);
    expect(env).toMatchObject({
      PORT: 3000,
      NODE_ENV: "production",
      LOGIN_FREE_FAILURES: 5,
      LOGIN_MAX_FAILURES_PER_IP: 100,
      API_WRITES_PER_MINUTE: 600,
      TRUST_PROXY: 0,
    });
  });

  it("names a missing variable", () => {
    const { DATABASE_URL: _, ...rest } = good;
    expect(() => parseEnv(ServerEnvSchema, rest)).toThrow(EnvError);
    expect(() => parseEnv(ServerEnvSchema, rest)).toThrow(/DATABASE_URL is missing/);
  });

  it("names malformed variables, each on its own line", () => {
    let message = "";
    try {
      parseEnv(ServerEnvSchema, { ...good, PORT: "eighty", MEILI_URL: "localhost:7700", SESSION_SECRET: "short" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^ {2}PORT /m);
    expect(message).toMatch(/^ {2}MEILI_URL must start with http/m);
    expect(message).toMatch(/^ {2}SESSION_SECRET must be at least 32 characters/m);
  });

  it("treats empty strings as unset and lets npm start run without services configured", () => {
    expect(parseEnv(StartEnvSchema, { DATABASE_URL: "" })).toMatchObject({ DATA_DIR: ".data", SEED_DEMO_DATA: true });
  });

  it("requires the Meilisearch key together with its URL", () => {
    expect(() => parseEnv(StartEnvSchema, { MEILI_URL: "http://127.0.0.1:7700" })).toThrow(
      /MEILI_MASTER_KEY is required when MEILI_URL is set/,
    );
  });
});
