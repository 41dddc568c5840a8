import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import type { Deps } from "~/services/deps.server";
import { createDb, migrateToLatest } from "~db/client";
import { updateOrg } from "~db/orgs";
import { createSearch } from "~search/client";
import { indexedIds } from "~search/testing";
import { startEmbeddedMeilisearch, type StartedMeili } from "../../scripts/lib/embedded-meilisearch";
import { startEmbeddedPostgres, type StartedPostgres } from "../../scripts/lib/embedded-postgres";
import { startReaper } from "../../scripts/lib/reaper";
import { startAppServer, type AppServer } from "../support/app-server";
import { orgWithUser } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { orderInput } from "../support/order-input";
import { workerInput } from "../support/workers";

// Faults against real parts: this file's own PostgreSQL, Meilisearch and app process (restarting the shared ones
// would break the other files). Writers run concurrently through the outage; every write the app acknowledged must
// be there afterwards, every other answer must be a 503 with Retry-After, and the app process must survive.

let pg: StartedPostgres, meili: StartedMeili, app: AppServer, deps: Deps;
const dirs: string[] = [];

beforeAll(async () => {
  const [pgDir, meiliDir] = await Promise.all([
    mkdtemp(path.join(os.tmpdir(), "jembatan-fault-pg-")),
    mkdtemp(path.join(os.tmpdir(), "jembatan-fault-meili-")),
  ]);
  dirs.push(pgDir, meiliDir);
  startReaper({ watch: process.pid, postgres: [pgDir], meilisearch: [meiliDir], remove: [pgDir, meiliDir] });
  const masterKey = randomBytes(24).toString("hex");
  [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: pgDir, persistent: true }),
    startEmbeddedMeilisearch({ dir: meiliDir, masterKey, persistent: true }),
  ]);
  deps = { db: createDb(pg.url, { max: 4 }), search: createSearch(meili.url, masterKey), now: () => new Date() };
  await migrateToLatest(deps.db);
  app = await startAppServer({
    DATABASE_URL: pg.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: masterKey,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    OUTBOX_POLL_MS: "200",
  });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await deps?.db.destroy();
  await Promise.allSettled([pg?.stop(), meili?.stop()]);
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface Tally {
  acked: string[];
  other: { status: number; retryAfter: string | null; path: string }[];
}

/** `n` clients sending `send` back to back until `until` resolves; what each answer was. */
async function hammer(
  n: number,
  until: Promise<unknown>,
  send: () => Promise<{ status: number; retryAfter: string | null; ackedId?: string; path: string }>,
): Promise<Tally> {
  const tally: Tally = { acked: [], other: [] };
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (!done) {
        const r = await send().catch((e: unknown) => ({ status: -1, retryAfter: String(e), path: "(no answer)" }));
        if ("ackedId" in r && r.ackedId) tally.acked.push(r.ackedId);
        else tally.other.push({ status: r.status, retryAfter: r.retryAfter, path: r.path });
        if (r.status !== 201 && r.status !== 200) await new Promise((res) => setTimeout(res, 50));
      }
    }),
  );
  return tally;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthz() {
  const res = await fetch(`${app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function waitHealthy(deadlineMs = 30_000) {
  const deadline = Date.now() + deadlineMs;
  while ((await healthz().catch(() => ({ status: 0 }))).status !== 200) {
    if (Date.now() > deadline) throw new Error("the app did not become healthy again");
    await sleep(200);
  }
}

describe("a PostgreSQL restart under concurrent writes", () => {
  it("answers 503 + Retry-After meanwhile, names PostgreSQL in /healthz, loses no acknowledged write and serves again without a restart", async () => {
    const employer = await orgWithUser(deps, "employer");
    await updateOrg(deps.db, employer.org.id, {
      registration_number: "C 1",
      address: "1 Harbour Street, Valletta",
      contact_email: "hr@example.com",
      contact_phone: "+356 2122 0000",
    });
    const { key } = await unsafeCreateApiKey(deps, employer.org, "faults", { userId: null, label: "test" });
    const send = async () => {
      const res = await fetch(`${app.url}/api/v1/job-orders`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify(orderInput({ title: `Fault ${randomUUID().slice(0, 8)}` })),
      });
      const body = (await res.json().catch(() => null)) as { jobOrder?: { id: string } } | null;
      return {
        status: res.status,
        retryAfter: res.headers.get("Retry-After"),
        ackedId: res.status === 201 ? body?.jobOrder?.id : undefined,
        path: "POST /api/v1/job-orders",
      };
    };
    let sawDown: Record<string, unknown> | null = null;
    const outage = (async () => {
      await sleep(1500);
      const restarting = pg.restart({ downMs: 3000 });
      await sleep(1000);
      const h = await healthz();
      if (h.status === 503) sawDown = h.body;
      await restarting;
      await waitHealthy();
      await sleep(1500); // and writes succeed again
    })();
    const tally = await hammer(6, outage, send);
    console.log(
      `[faults] PostgreSQL restart: ${tally.acked.length} writes acknowledged, ${tally.other.length} answered ${[...new Set(tally.other.map((o) => o.status))].join("/")}`,
    );

    expect(app.exitCode()).toBeNull(); // survived, no restart
    expect(sawDown).toMatchObject({ postgres: expect.not.stringMatching(/^ok$/) });
    const unexpected = tally.other.filter((o) => o.status !== 503 || !o.retryAfter);
    expect(unexpected).toEqual([]);
    expect(tally.other.length).toBeGreaterThan(0); // the outage was felt
    const stored = new Set(
      (
        await deps.db.selectFrom("job_orders").select("id").where("employer_org_id", "=", employer.org.id).execute()
      ).map((r) => r.id),
    );
    expect(tally.acked.filter((id) => !stored.has(id))).toEqual([]); // no acknowledged write lost
    expect(tally.acked.length).toBeGreaterThan(12); // writes went through before and after
    expect((await send()).status).toBe(201);
  }, 90_000);
});

describe("a Meilisearch crash under concurrent writes", () => {
  it("keeps taking writes, answers matches with 503 + Retry-After, and indexes every acknowledged write after Meilisearch is back", async () => {
    const agency = await orgWithUser(deps, "agency");
    const { key } = await unsafeCreateApiKey(deps, agency.org, "faults", { userId: null, label: "test" });
    const { order } = await verifiedOrder(deps);
    const refs: string[] = [];
    const write = async () => {
      const ref = `F-${randomUUID().slice(0, 12)}`;
      const res = await fetch(`${app.url}/api/v1/workers/import`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify([{ ...workerInput({ nik: undefined, passportNumber: undefined }), externalRef: ref }]),
      });
      const body = (await res.json().catch(() => null)) as { created?: number } | null;
      if (res.status === 200 && body?.created === 1) refs.push(ref);
      return {
        status: res.status,
        retryAfter: res.headers.get("Retry-After"),
        ackedId: res.status === 200 ? ref : undefined,
        path: "POST /api/v1/workers/import",
      };
    };
    const read = async () => {
      const res = await fetch(`${app.url}/api/v1/job-orders/${order.id}/matches?limit=5`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      await res.arrayBuffer();
      return {
        status: res.status,
        retryAfter: res.headers.get("Retry-After"),
        ackedId: res.status === 200 ? "read" : undefined,
        path: "GET matches",
      };
    };
    let sawDown: Record<string, unknown> | null = null;
    const outage = (async () => {
      await sleep(1000);
      await meili.kill();
      await sleep(2000);
      const h = await healthz();
      if (h.status === 503) sawDown = h.body;
      await sleep(1000);
      await meili.start();
      await waitHealthy();
      await sleep(1000);
    })();
    const [writes, reads] = await Promise.all([hammer(3, outage, write), hammer(3, outage, read)]);
    console.log(
      `[faults] Meilisearch kill: ${writes.acked.length} imports acknowledged, ${writes.other.length} refused; matches ${reads.acked.length} × 200, ${reads.other.length} × ${[...new Set(reads.other.map((o) => o.status))].join("/")}`,
    );

    expect(app.exitCode()).toBeNull();
    expect(sawDown).toMatchObject({ meilisearch: expect.not.stringMatching(/^ok$/) });
    expect(writes.other).toEqual([]); // PostgreSQL is the source of truth: every write was taken
    expect(reads.other.filter((o) => o.status !== 503 || !o.retryAfter)).toEqual([]);
    expect(reads.other.length).toBeGreaterThan(0);

    const ids = (
      await deps.db
        .selectFrom("workers")
        .select("id")
        .where("agency_org_id", "=", agency.org.id)
        .where("external_ref", "in", refs)
        .execute()
    ).map((r) => r.id);
    expect(ids).toHaveLength(refs.length);
    // the app's own outbox worker catches up (nothing drained here)
    const deadline = Date.now() + 30_000;
    let missing = ids;
    while (missing.length && Date.now() < deadline) {
      const indexed = new Set(await indexedIds(deps.search));
      missing = ids.filter((id) => !indexed.has(id));
      if (missing.length) await sleep(300);
    }
    expect(missing).toEqual([]);
  }, 90_000);
});
