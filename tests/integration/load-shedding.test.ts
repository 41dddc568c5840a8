import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";

// A server allowed one request at a time: a body still arriving holds that slot, so the next request is shed at
// once with 503 + Retry-After, in the client's language and the API's format under /api/; /healthz never is.
let app: AppServer;
let holder: net.Socket | undefined;

beforeAll(async () => {
  app = await startAppServer({
    DATABASE_URL: inject("databaseUrl"),
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliMasterKey"),
    SESSION_SECRET: inject("sessionSecret"),
    MAX_IN_FLIGHT: "1",
  });
  const url = new URL(app.url);
  holder = await new Promise<net.Socket>((resolve) => {
    const s = net.connect(Number(url.port), url.hostname, () => {
      s.write(
        `POST /api/v1/job-orders HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      );
      resolve(s);
    });
  });
  await new Promise((r) => setTimeout(r, 300)); // the server has taken the request in
}, 60_000);

afterAll(async () => {
  holder?.destroy();
  await app?.stop();
});

describe("load shedding", () => {
  it("answers the next API request 503 + Retry-After in the API error format and the caller's language", async () => {
    const res = await fetch(`${app.url}/api/v1/me`, { headers: { "Accept-Language": "id" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(/sibuk/);
  });

  it("answers a page request with plain text, and never sheds /healthz", async () => {
    const page = await fetch(`${app.url}/jobs`);
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/busy/);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
