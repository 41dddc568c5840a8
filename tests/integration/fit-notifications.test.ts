import { randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { addDays, isoDay } from "~/domain/dates";
import type { Deps } from "~/services/deps.server";
import {
  processFitNotifications,
  startFitNotifier,
  type FitRunResult,
} from "~/services/notifications/fit-notifications.server";
import { listNotifications } from "~/services/notifications/notifications.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { createDb } from "~db/client";
import { createSearch } from "~search/client";
import { orgWithUser, testDeps } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

// Issue 15: when a mission verifies a job order, each licensed agency with available, consenting workers who
// pass every gate is told, once, how many: in the app and in the mail outbox (decision 023).

const deps = testDeps();
afterAll(() => deps.db.destroy());

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const inAYear = addDays(isoDay(new Date()), 365);

type Patch = Parameters<typeof workerInput>[0];
/** A worker of the agency who passes every gate of tests/support/order-input.ts's order unless `patch` breaks one. */
async function worker(agency: { id: string }, patch: Patch = {}): Promise<string> {
  const saved = await saveWorker(
    deps,
    agencyActor(agency),
    workerInput({
      fullName: `Pekerja Cocok ${digits(6)}`,
      nik: digits(16),
      passportNumber: `P${digits(7)}`,
      phone: `+62 812 ${digits(4)} ${digits(4)}`,
      certificates: [{ code: "stcw_bst", expiresOn: addDays(inAYear, 1500) }],
      availableFrom: addDays(inAYear, -30),
      ...patch,
    }),
  );
  return saved.id;
}

/** One run for these orders; a job waiting for the index (other tests' profiles) is looked at again. */
async function runFor(d: Deps, orderIds: string[]): Promise<FitRunResult> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await processFitNotifications(d, { jobOrderIds: orderIds });
    if (r.claimed > 0 && r.deferred === 0) return r;
    if (Date.now() > deadline) throw new Error(`no job processed: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

const notificationsOf = (orgId: string, orderId: string) =>
  deps.db
    .selectFrom("notifications")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("job_order_id", "=", orderId)
    .execute();

const mailsTo = (email: string) =>
  deps.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("to_email", "=", email)
    .where("kind", "=", "order_fits")
    .execute();

const jobOf = (orderId: string) =>
  deps.db.selectFrom("fit_notification_jobs").selectAll().where("job_order_id", "=", orderId).executeTakeFirstOrThrow();

describe("a newly verified order tells the agencies whose workers fit it", () => {
  it("notifies an agency with fitting workers once, with its own count, and no agency without", async () => {
    const [a, b] = await Promise.all([orgWithUser(deps, "agency"), orgWithUser(deps, "agency")]);
    const ids = [
      await worker(a.org),
      await worker(a.org),
      await worker(a.org, { consentToMatching: false }), // not in matching at all
      await worker(a.org, { status: "placed" }), // not available
      await worker(b.org, { certificates: [{ code: "stcw_bst", expiresOn: addDays(inAYear, 30) }] }), // expires mid-contract
    ];
    await waitIndexed(deps, ids);
    const { order } = await verifiedOrder(deps, { title: "Assistant Waiter Fit" });
    expect((await jobOf(order.id)).done_at).toBeNull(); // written by the verification itself

    const r = await runFor(deps, [order.id]);
    expect(r).toMatchObject({ claimed: 1, done: 1, failed: 0 });

    const notes = await notificationsOf(a.org.id, order.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe("order_fits");
    expect(notes[0]!.params).toEqual({
      reference: order.reference,
      title: "Assistant Waiter Fit",
      count: "2",
      path: `/job-orders/${order.id}/matches`,
    });
    expect(await notificationsOf(b.org.id, order.id)).toHaveLength(0);

    const mails = await mailsTo(a.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`${order.reference} fits 2 of your available workers`);
    expect(mails[0]!.body).toContain(
      `New verified job order Assistant Waiter Fit (${order.reference}) fits 2 of your available workers.`,
    );
    expect(mails[0]!.body).toContain(`/job-orders/${order.id}/matches`);
    expect(mails[0]!.body).not.toContain("Pekerja"); // no worker's name
    expect(await mailsTo(b.email)).toHaveLength(0);

    // the in-app list says the same, in the agency's words
    const list = await listNotifications(deps, agencyActor(a.org), 1);
    expect(list.items.filter((n) => n.kind === "order_fits")).toHaveLength(1);

    // running again adds nothing: the job is done, and a replayed job would find its deliveries recorded
    expect(await processFitNotifications(deps, { jobOrderIds: [order.id] })).toMatchObject({ claimed: 0 });
    await deps.db
      .updateTable("fit_notification_jobs")
      .set({ done_at: null, next_attempt_at: new Date(0) }) // as if a processor died before marking it done
      .where("job_order_id", "=", order.id)
      .execute();
    expect(await runFor(deps, [order.id])).toMatchObject({ done: 1, notified: 0 });
    expect(await notificationsOf(a.org.id, order.id)).toHaveLength(1);
    expect(await mailsTo(a.email)).toHaveLength(1);
  });

  it("keeps a job whose count failed (Meilisearch unreachable) and tells the agency on a later run", async () => {
    const a = await orgWithUser(deps, "agency");
    await waitIndexed(deps, [await worker(a.org)]);
    const { order } = await verifiedOrder(deps, { title: "Assistant Waiter Retry" });

    const unreachable: Deps = { ...deps, search: createSearch("http://127.0.0.1:9", "no-key") };
    const failed = await runFor(unreachable, [order.id]);
    expect(failed).toMatchObject({ claimed: 1, done: 0, failed: 1 });
    const pending = await jobOf(order.id);
    expect(pending.done_at).toBeNull();
    expect(pending.attempts).toBe(1);
    expect(pending.last_error).toBeTruthy();
    expect(pending.next_attempt_at.getTime()).toBeGreaterThan(Date.now()); // backs off
    expect(await notificationsOf(a.org.id, order.id)).toHaveLength(0);
    expect(await mailsTo(a.email)).toHaveLength(0);

    // the next run after the backoff counts it (one worker: English says "one")
    const ok = await runFor(deps, [order.id]);
    expect(ok).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    expect((await jobOf(order.id)).done_at).not.toBeNull();
    const notes = await notificationsOf(a.org.id, order.id);
    expect(notes.map((n) => n.params.count)).toEqual(["1"]);
    const mails = await mailsTo(a.email);
    expect(mails.map((m) => m.subject)).toEqual([`${order.reference} fits one of your available workers`]);
  });

  it("waits for profile changes saved before the verification to reach the index, then counts", async () => {
    const a = await orgWithUser(deps, "agency");
    await waitIndexed(deps, [await worker(a.org)]);
    // a change committed before the verification that the index has not taken yet (held back from the drainer)
    const held = await deps.db
      .insertInto("search_outbox")
      .values({ entity: "worker", entity_id: randomUUID(), next_attempt_at: new Date(Date.now() + 3_600_000) })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const { order } = await verifiedOrder(deps, { title: "Assistant Waiter Wait" });
      const waiting = await processFitNotifications(deps, { jobOrderIds: [order.id] });
      expect(waiting).toMatchObject({ claimed: 1, deferred: 1, done: 0, failed: 0 });
      expect((await jobOf(order.id)).attempts).toBe(0); // waiting is not a failure
      expect(await notificationsOf(a.org.id, order.id)).toHaveLength(0);

      await deps.db.updateTable("search_outbox").set({ done_at: new Date() }).where("id", "=", held.id).execute();
      expect(await runFor(deps, [order.id])).toMatchObject({ done: 1 });
      expect((await notificationsOf(a.org.id, order.id)).map((n) => n.params.count)).toEqual(["1"]);
    } finally {
      await deps.db.updateTable("search_outbox").set({ done_at: new Date() }).where("id", "=", held.id).execute();
    }
  });

  it("keeps polling through a PostgreSQL it cannot reach: each tick's error is reported, none stops it", async () => {
    const down: Deps = {
      ...deps,
      db: createDb("postgres://postgres:postgres@127.0.0.1:9/none", { max: 1, connectionTimeoutMs: 500 }),
    };
    const errors: unknown[] = [];
    const notifier = startFitNotifier(down, { intervalMs: 50, onError: (e) => errors.push(e) });
    const deadline = Date.now() + 10_000;
    while (errors.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await notifier.stop();
    await down.db.destroy();
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });
});
