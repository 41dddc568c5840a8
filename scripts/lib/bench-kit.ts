// Shared by the benchmarks in scripts/bench/: the tests' complete job order (tests/support/order-input.ts) taken
// through the real use cases to verified, and the percentile and timing helpers their reports print.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { type Actor } from "~/domain/org";
import type { Deps } from "~/services/deps.server";
import { decideJobOrder } from "~/services/job-orders/decide.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { unsafeCreateOrg } from "~/services/orgs/create-org.server";
import { unsafeCreateUser } from "~/services/users/users.server";
import { createDb, migrateToLatest, type Db } from "~db/client";
import { updateOrg } from "~db/orgs";
import { createSearch } from "~search/client";
import { ensureWorkersIndex } from "~search/workers-index";
import { startEmbeddedMeilisearch } from "./embedded-meilisearch";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { orderInput } from "../../tests/support/order-input";

/** Created by an employer, submitted, approved by a mission: the same use cases as the pages and the API. */
export async function benchVerifiedOrder(deps: Deps, i: number, patch: Record<string, unknown>) {
  const input = jobOrderSchema(isoDay(deps.now())).parse(orderInput(patch));
  const org = async (kind: "employer" | "mission", slug: string) => {
    const o = await unsafeCreateOrg(
      deps,
      { kind, slug, name: slug, ...(kind === "employer" ? { country: "MT" } : { countries: [input.country] }) },
      { userId: null, label: "bench" },
    );
    const u = await unsafeCreateUser(deps, {
      orgSlug: slug,
      email: `${slug}@bench.example`,
      name: slug,
      role: "admin",
      password: randomBytes(12).toString("hex"),
    });
    return { userId: u.id, orgId: o.id, orgKind: kind, role: "admin" } satisfies Actor;
  };
  const [employer, mission] = await Promise.all([
    org("employer", `bench-employer-${i}`),
    org("mission", `bench-mission-${i}`),
  ]);
  await updateOrg(deps.db, employer.orgId, {
    registration_number: "C 12345",
    address: "1 Harbour Street, Valletta VLT 1000, Malta",
    contact_email: "hr@example.com",
    contact_phone: "+356 2122 0000",
  });
  const created = await createJobOrder(deps, employer, input);
  await submitJobOrder(deps, employer, created.id);
  return decideJobOrder(deps, mission, created.id, { decision: "approve" });
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
};
export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

/**
 * Throwaway PostgreSQL and Meilisearch for a benchmark, migrated, with the workers index ready, and `loadDeps`
 * whose search client has a long HTTP timeout (20k-document batches into a growing index; what is measured uses
 * the production client). A signal stops both servers, so a long run leaves no server or temp data behind.
 */
export async function startBenchServices() {
  const [pgDir, meiliDir] = await Promise.all([
    mkdtemp(path.join(os.tmpdir(), "bench-pg-")),
    mkdtemp(path.join(os.tmpdir(), "bench-meili-")),
  ]);
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: pgDir, persistent: false }),
    startEmbeddedMeilisearch({ dir: meiliDir, masterKey: randomBytes(24).toString("hex"), persistent: false }),
  ]);
  const db: Db = createDb(pg.url, { max: 4 });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void Promise.allSettled([pg.stop(), meili.stop()]).finally(() => process.exit(130)));
  }
  const stop = async () => {
    await db.destroy();
    // pg's pool.end() does not wait for its sockets to close: give the server a moment to see them go
    await new Promise((r) => setTimeout(r, 300));
    await Promise.allSettled([pg.stop(), meili.stop()]);
  };
  const loadDeps: Deps = {
    db,
    search: createSearch(meili.url, meili.masterKey, { timeoutMs: 600_000 }),
    now: () => new Date(),
  };
  try {
    await migrateToLatest(db);
    await ensureWorkersIndex(loadDeps.search);
  } catch (e) {
    await stop();
    throw e;
  }
  return { db, meili, loadDeps, stop };
}

/** Three licensed bench agencies, and the actor of each. */
export async function createBenchAgencies(deps: Deps) {
  const agencies = await Promise.all(
    [1, 2, 3].map((k) =>
      unsafeCreateOrg(
        deps,
        { kind: "agency", slug: `bench-agency-${k}`, name: `Bench agency ${k}`, licenceNumber: `SIP-bench-${k}` },
        { userId: null, label: "bench" },
      ),
    ),
  );
  const agencyActor = (id: string): Actor => ({ userId: null, orgId: id, orgKind: "agency", role: "admin" });
  return { agencies, agencyActor };
}
