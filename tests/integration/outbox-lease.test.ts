import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Deps } from "~/services/deps.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { drainOutbox, drainOutboxOnce, OUTBOX_LEASE_SECONDS } from "~/services/search/drain-outbox.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { createDb, migrateToLatest } from "~db/client";
import { claimOutbox } from "~db/search-outbox";
import { createSearch } from "~search/client";
import { indexedIds as readIndexedIds } from "~search/testing";
import { ensureWorkersIndex } from "~search/workers-index";
import { startEmbeddedMeilisearch, type StartedMeili } from "../../scripts/lib/embedded-meilisearch";
import { startReaper } from "../../scripts/lib/reaper";
import { agencyActor, workerInput } from "../support/workers";

// Its own database and Meilisearch: this file freezes Meilisearch (SIGSTOP), which would stall the other files.
const name = `lease_${Date.now()}`;
const admin = createDb(inject("databaseUrl"), { max: 1 });
const db = createDb(inject("databaseUrl").replace(/\/[^/]+$/, `/${name}`), { max: 4 });
let meili: StartedMeili | undefined;
let dir = "";
let deps: Deps;
let actor: ReturnType<typeof agencyActor>;

beforeAll(async () => {
  await sql.raw(`create database ${name}`).execute(admin);
  await migrateToLatest(db);
  dir = await mkdtemp(path.join(os.tmpdir(), "jembatan-lease-meili-"));
  startReaper({ watch: process.pid, meilisearch: [dir], remove: [dir] });
  const key = randomBytes(24).toString("hex");
  meili = await startEmbeddedMeilisearch({ dir, masterKey: key, persistent: false });
  // A patient client: a frozen Meilisearch below must look like a slow one, not a failed request.
  deps = { db, search: createSearch(meili.url, key, { timeoutMs: 30_000 }), now: () => new Date() };
  await ensureWorkersIndex(deps.search);
  const agency = await unsafeCreateOrg(
    deps,
    { kind: "agency", slug: "pt-lease", name: "PT Lease", licenceNumber: "SIP3MI-L" },
    { userId: null, label: "test" },
  );
  actor = agencyActor(agency);
});

afterAll(async () => {
  const pid = meili?.pid();
  if (pid) process.kill(pid, "SIGCONT");
  await meili?.stop();
  await db.destroy();
  await sql.raw(`drop database if exists ${name}`).execute(admin);
  await admin.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const save = (ref: string) =>
  saveWorker(
    deps,
    actor,
    workerInput({ externalRef: ref, fullName: `Lease ${ref}`, nik: undefined, passportNumber: undefined }),
  );
const indexedIds = async () => new Set(await readIndexedIds(deps.search));

describe("the search outbox lease", () => {
  it("gives the rows of a drainer that died to another drainer within seconds", async () => {
    const w = await save("DEAD-1");
    // A drainer claims the row and dies before Meilisearch confirms (no renewal, no done, no failure).
    const claimed = await claimOutbox(db, 100, OUTBOX_LEASE_SECONDS);
    expect(claimed.map((c) => c.entity_id)).toContain(w.id);
    expect((await drainOutboxOnce(deps)).claimed).toBe(0); // leased: nobody else takes it meanwhile

    const { rows } = await sql<{
      left: number;
    }>`select extract(epoch from max(next_attempt_at) - now())::float as left from search_outbox where done_at is null`.execute(
      db,
    );
    expect(rows[0]!.left).toBeLessThanOrEqual(OUTBOX_LEASE_SECONDS);

    let drained = 0;
    for (let i = 0; i < 40 && drained === 0; i++) {
      await sleep(500);
      drained = (await drainOutbox(deps)).indexed;
    }
    expect(drained).toBe(1);
    expect(await indexedIds()).toContain(w.id);
  });

  it("keeps renewing the lease of a batch that is still in Meilisearch's hands, so nobody takes it twice", async () => {
    const w = await save("SLOW-1");
    const pid = meili!.pid()!;
    process.kill(pid, "SIGSTOP"); // Meilisearch frozen: the drainer waits on it, alive
    const slow = drainOutboxOnce(deps);
    try {
      await sleep((OUTBOX_LEASE_SECONDS + 3) * 1000); // past the first lease
      expect((await claimOutbox(db, 100, OUTBOX_LEASE_SECONDS)).map((c) => c.entity_id)).not.toContain(w.id);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    expect(await slow).toMatchObject({ claimed: 1, indexed: 1, failed: 0 });
    expect(await indexedIds()).toContain(w.id);
    const row = await db
      .selectFrom("search_outbox")
      .select(["done_at", "attempts"])
      .where("entity_id", "=", w.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 0 });
    expect(row.done_at).not.toBeNull();
  }, 60_000);
});
