import { afterAll, describe, expect, inject, it } from "vitest";
import { getFreePort } from "../../scripts/lib/ports";
import { startAppServer, type AppServer } from "../support/app-server";

const servers: AppServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

async function serverWith(overrides: Record<string, string>) {
  const s = await startAppServer({
    DATABASE_URL: inject("databaseUrl"),
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliMasterKey"),
    SESSION_SECRET: inject("sessionSecret"),
    ...overrides,
  });
  servers.push(s);
  return s;
}

describe("GET /healthz", () => {
  it("answers 200 when PostgreSQL and Meilisearch are up", async () => {
    const res = await fetch(`${inject("baseUrl")}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", postgres: "up", meilisearch: "up" });
  });

  it("answers 503 naming Meilisearch when it is down", async () => {
    const s = await serverWith({ MEILI_URL: `http://127.0.0.1:${await getFreePort()}` });
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "degraded", postgres: "up", meilisearch: "down" });
  });

  it("answers 503 naming PostgreSQL when it is down", async () => {
    const s = await serverWith({ DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${await getFreePort()}/none` });
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "degraded", postgres: "down", meilisearch: "up" });
  });
});

describe("start-up configuration", () => {
  it("refuses to start with a malformed variable, naming it", async () => {
    await expect(serverWith({ SESSION_SECRET: "too-short" })).rejects.toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
  });
});
