import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { Deps } from "~/services/deps.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { drainOutbox } from "~/services/search/drain-outbox.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { indexedIds } from "~search/testing";
import { ensureWorkersIndex } from "~search/workers-index";
import { startEmbeddedMeilisearch, type StartedMeili } from "../../scripts/lib/embedded-meilisearch";
import { getFreePort } from "../../scripts/lib/ports";
import { startReaper } from "../../scripts/lib/reaper";
import { agencyActor, workerInput } from "../support/workers";

// Its own database and its own Meilisearch: stopping the shared one would break the other test files.
const name = `outbox_${Date.now()}`;
const admin = createDb(inject("databaseUrl"), { max: 1 });
const db = createDb(inject("databaseUrl").replace(/\/[^/]+$/, `/${name}`), { max: 3 });
let meili: StartedMeili | undefined;
let dir = "";

afterAll(async () => {
  await meili?.stop();
  await db.destroy();
  await sql.raw(`drop database if exists ${name}`).execute(admin);
  await admin.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the search outbox when Meilisearch is down", () => {
  it("accepts every write, retries with growing backoff, and loses nothing once Meilisearch is back", async () => {
    await sql.raw(`create database ${name}`).execute(admin);
    await migrateToLatest(db);
    dir = await mkdtemp(path.join(os.tmpdir(), "jembatan-outbox-meili-"));
    startReaper({ watch: process.pid, meilisearch: [dir], remove: [dir] });
    const port = await getFreePort();
    const key = randomBytes(24).toString("hex");
    meili = await startEmbeddedMeilisearch({ dir, masterKey: key, persistent: true, port });
    const deps: Deps = { db, search: createSearch(meili.url, key), now: () => new Date() };
    await ensureWorkersIndex(deps.search);
    const agency = await unsafeCreateOrg(
      deps,
      { kind: "agency", slug: "pt-outbox", name: "PT Outbox", licenceNumber: "SIP3MI-X" },
      { userId: null, label: "test" },
    );
    const actor = agencyActor(agency);

    const before = await saveWorker(
      deps,
      actor,
      workerInput({ externalRef: "W-0", nik: undefined, passportNumber: undefined }),
    );
    expect((await drainOutbox(deps)).indexed).toBe(1);

    await meili.stop();
    const written: string[] = [];
    for (let i = 1; i <= 25; i++) {
      written.push(
        (
          await saveWorker(
            deps,
            actor,
            workerInput({ externalRef: `W-${i}`, fullName: `Down ${i}`, nik: undefined, passportNumber: undefined }),
          )
        ).id,
      );
    }
    expect(await db.selectFrom("workers").select("id").execute()).toHaveLength(26);

    const failed = await drainOutbox(deps);
    expect(failed).toMatchObject({ claimed: 25, indexed: 0, failed: 25 });
    expect(failed.error).toBeTruthy(); // the cause, for the worker's log line
    const rows = await db
      .selectFrom("search_outbox")
      .select(["attempts", "next_attempt_at", "last_error", "done_at"])
      .where("entity_id", "in", written)
      .execute();
    expect(
      rows.every((r) => r.attempts === 1 && r.done_at === null && r.last_error && r.next_attempt_at > new Date()),
    ).toBe(true);
    expect((await drainOutbox(deps)).claimed).toBe(0); // backing off, not hammering

    // Time passes; a second failure backs off further.
    await db
      .updateTable("search_outbox")
      .set({ next_attempt_at: new Date(0) })
      .where("done_at", "is", null)
      .execute();
    await drainOutbox(deps);
    const second = await db
      .selectFrom("search_outbox")
      .select(["attempts", "next_attempt_at"])
      .where("entity_id", "in", written)
      .execute();
    expect(second.every((r) => r.attempts === 2)).toBe(true);
    expect(Math.min(...second.map((r) => r.next_attempt_at.getTime())) - Date.now()).toBeGreaterThan(2_500);

    meili = await startEmbeddedMeilisearch({ dir, masterKey: key, persistent: true, port });
    await db
      .updateTable("search_outbox")
      .set({ next_attempt_at: new Date(0) })
      .where("done_at", "is", null)
      .execute();
    const caughtUp = await drainOutbox(deps);
    expect(caughtUp).toMatchObject({ indexed: 25, failed: 0 });
    expect(new Set(await indexedIds(deps.search))).toEqual(new Set([before.id, ...written]));
    expect(await db.selectFrom("search_outbox").select("id").where("done_at", "is", null).execute()).toEqual([]);
  });
});
