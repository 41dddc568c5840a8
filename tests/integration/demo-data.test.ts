import { sql } from "kysely";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, migrateToLatest } from "~db/client";
import { createSearch } from "~search/client";
import { rankPool } from "~/domain/matching/score";
import { candidateOf, matchOrderOf } from "~/services/matching/match-order.server";
import { resolveKioskDevice } from "~/services/booth/resolve-kiosk-device.server";
import { enrolDevice } from "~/services/booth/enrol-device.server";
import { getEventResults } from "~/services/booth/get-event-results.server";
import { DEMO_EVENT_SLUG, demoKioskCode, seedDemoDataIfEmpty } from "../../scripts/lib/demo-data";

// `npm start` loads this into an empty database; a broken seed means a broken first impression.
const name = `demo_seed_${Date.now()}`;
const admin = createDb(inject("databaseUrl"), { max: 1 });
const db = createDb(inject("databaseUrl").replace(/\/[^/]+$/, `/${name}`), { max: 2 });

afterAll(async () => {
  await db.destroy();
  await sql.raw(`drop database if exists ${name}`).execute(admin);
  await admin.destroy();
});

describe("demo data", () => {
  it("seeds an empty database once: six employers, their missions, and job orders in every state", async () => {
    await sql.raw(`create database ${name}`).execute(admin);
    await migrateToLatest(db);
    const deps = { db, search: createSearch(inject("meiliUrl"), inject("meiliMasterKey")), now: () => new Date() };
    expect(await seedDemoDataIfEmpty(deps)).toBe(true);
    expect(await seedDemoDataIfEmpty(deps)).toBe(false);

    const states = await db.selectFrom("job_orders").select("status").distinct().execute();
    expect(states.map((s) => s.status).sort()).toEqual([
      "closed",
      "draft",
      "expired",
      "filled",
      "rejected",
      "returned",
      "revoked",
      "submitted",
      "verified",
    ]);
    const employers = await db.selectFrom("organisations").select("country").where("kind", "=", "employer").execute();
    expect(new Set(employers.map((e) => e.country))).toEqual(new Set(["MT", "DE", "JP", "KR", "TW"]));
    const missions = await db.selectFrom("organisations").select("countries").where("kind", "=", "mission").execute();
    const covered = new Set(missions.flatMap((m) => m.countries));
    for (const c of (await db.selectFrom("job_orders").select("country").distinct().execute()).map((r) => r.country))
      expect(covered.has(c), c).toBe(true);
    expect(await db.selectFrom("problem_employers").select("id").where("lifted_at", "is", null).execute()).toHaveLength(
      1,
    );
    const verified = await db
      .selectFrom("job_orders")
      .select(["verification_code", "valid_until"])
      .where("status", "=", "verified")
      .execute();
    expect(verified.every((v) => v.verification_code && v.valid_until)).toBe(true);
    const perAgency = await db
      .selectFrom("workers")
      .innerJoin("organisations as o", "o.id", "workers.agency_org_id")
      .select(["o.slug", "o.licence_status"])
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .groupBy(["o.slug", "o.licence_status"])
      .execute();
    expect(perAgency.map((r) => [r.slug, r.licence_status, Number(r.n)]).sort()).toEqual([
      ["pt-bahari-nusantara", "active", 1000],
      ["pt-maju-bersama", "active", 1500],
      ["pt-samudra-jaya", "suspended", 500],
    ]);
    const sectors = await db
      .selectFrom("workers")
      .select(sql<string>`profile->'experiences'->0->>'sector'`.as("s"))
      .distinct()
      .execute();
    expect(sectors.length).toBeGreaterThanOrEqual(5);

    // every verified demo order has candidates and near misses to show the demo agency (by the domain's rules)
    const agency = await db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "pt-maju-bersama")
      .executeTakeFirstOrThrow();
    const pool = (await db.selectFrom("workers").selectAll().where("agency_org_id", "=", agency.id).execute()).map(
      candidateOf,
    );
    const orders = await db.selectFrom("job_orders").selectAll().where("status", "=", "verified").execute();
    for (const o of orders) {
      const { ranked, nearMisses } = rankPool(matchOrderOf(o), pool, new Date().toISOString().slice(0, 10));
      expect(ranked.length, o.title).toBeGreaterThanOrEqual(5);
      expect(nearMisses.length, o.title).toBeGreaterThan(0);
    }

    // and one shortlist to show: three candidates, two proposed, the employer notified of both
    const entries = await db
      .selectFrom("shortlist_entries")
      .select(["stage", "job_order_id"])
      .where("agency_org_id", "=", agency.id)
      .execute();
    expect(entries.map((e) => e.stage).sort()).toEqual(["proposed", "proposed", "shortlisted"]);
    const order = await db
      .selectFrom("job_orders")
      .select("employer_org_id")
      .where("id", "=", entries[0]!.job_order_id)
      .executeTakeFirstOrThrow();
    expect(
      await db
        .selectFrom("notifications")
        .select("id")
        .where("org_id", "=", order.employer_org_id)
        .where("kind", "=", "candidate_proposed")
        .execute(),
    ).toHaveLength(2);

    // the verified orders' fit notifications wait, dated after the profiles they will count (decision 023)
    const fitJobs = await db.selectFrom("fit_notification_jobs").select(["created_at", "done_at"]).execute();
    expect(fitJobs.length).toBeGreaterThan(0);
    const lastWorker = await db
      .selectFrom("workers")
      .select(sql<Date>`max(created_at)`.as("at"))
      .executeTakeFirstOrThrow();
    expect(fitJobs.every((j) => j.done_at === null && j.created_at >= lastWorker.at)).toBe(true);

    // and a trade-forum event running now, staffed by a mission, whose printed kiosk code enrols a screen once
    const event = await db
      .selectFrom("events")
      .selectAll()
      .where("slug", "=", DEMO_EVENT_SLUG)
      .executeTakeFirstOrThrow();
    expect(
      await db.selectFrom("event_staff").select("user_id").where("event_id", "=", event.id).execute(),
    ).toHaveLength(1);
    const printed = await demoKioskCode(deps);
    expect(printed?.slug).toBe(DEMO_EVENT_SLUG);
    const { token } = await enrolDevice(deps, printed!.code);
    expect((await resolveKioskDevice(deps, token, DEMO_EVENT_SLUG))?.event.slug).toBe(DEMO_EVENT_SLUG);
    await expect(enrolDevice(deps, printed!.code)).rejects.toThrow();

    // whose first day's leads give its results page something to show, to the mission's staff too
    const verifier = await db
      .selectFrom("users")
      .innerJoin("organisations as o", "o.id", "users.org_id")
      .select(["users.id", "users.org_id"])
      .where("users.email", "=", "verifier@kjri-houston.example")
      .executeTakeFirstOrThrow();
    const { results } = await getEventResults(
      deps,
      { userId: verifier.id, orgId: verifier.org_id, orgKind: "mission", role: "admin" },
      DEMO_EVENT_SLUG,
    );
    expect(results.exact).toBe(false);
    expect(results.leads.total).toBe(25);
    expect(results.breakdownShown).toBe(true);
    expect(results.byOccupation.length).toBeGreaterThan(1);
    expect(results.invitations.sent).toBe(10);
    expect(results.funnel.map((f) => f.count)).toEqual([25, 10, 5, null, null, null]);
  });
});
