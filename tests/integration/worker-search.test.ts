import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveWorker, archiveWorker } from "~/services/workers/save-worker.server";
import { prepareIndex, reindexWorkers } from "~/services/search/drain-outbox.server";
import { DOCUMENT_VERSION_FIELD } from "~search/worker-document";
import {
  asTenant,
  deleteRawDocument,
  deleteTenantSigningKeys,
  indexUids,
  putRawDocuments,
  rawDocument,
} from "~search/testing";
import { documentsAreCurrent, ensureWorkersIndex, WORKERS_INDEX } from "~search/workers-index";
import { orgWithUser, testDeps } from "../support/fixtures";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

const deps = testDeps();
let a: Awaited<ReturnType<typeof orgWithUser>>, b: Awaited<ReturnType<typeof orgWithUser>>;

beforeAll(async () => {
  await ensureWorkersIndex(deps.search);
  [a, b] = await Promise.all([orgWithUser(deps, "agency"), orgWithUser(deps, "agency")]);
});
afterAll(() => deps.db.destroy());

const rawDoc = (id: string) => rawDocument(deps.search, id);

describe("worker profiles in Meilisearch", () => {
  it("never puts personal identifiers in the index", async () => {
    const w = await saveWorker(deps, agencyActor(a.org, a.user.id), workerInput({ externalRef: "PII-1" }));
    await waitIndexed(deps, [w.id]);
    const doc = (await rawDoc(w.id)) as Record<string, unknown>;
    expect(doc).toMatchObject({
      name: "Siti Nurhaliza",
      agency_id: a.org.id,
      birth_year: 1996,
      province_code: "33",
      lang_en: 4,
      consent: true,
    });
    expect(doc.cert_until_stcw_bst).toBe(Date.parse("2029-02-01T00:00:00Z") / 1000);
    const text = JSON.stringify(doc);
    for (const secret of [
      "3301015204960001",
      "C1234567",
      "+62 812 3456 7890",
      "812",
      "1996-04-12",
      "2031-01-31",
      "6201234567",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    for (const field of [
      "nik",
      "passport_number",
      "passportNumber",
      "phone",
      "email",
      "date_of_birth",
      "dateOfBirth",
      "address",
    ])
      expect(doc).not.toHaveProperty(field);
  });

  it("confines each agency's search to its own documents, whatever the query or filter", async () => {
    const mine = await saveWorker(
      deps,
      agencyActor(a.org),
      workerInput({ fullName: "Wahyuningsih Tenant", nik: undefined, passportNumber: undefined }),
    );
    const theirs = await saveWorker(
      deps,
      agencyActor(b.org),
      workerInput({ fullName: "Wahyuningsih Tenant", nik: undefined, passportNumber: undefined }),
    );
    await waitIndexed(deps, [mine.id, theirs.id]);
    const idx = asTenant(deps.search, a.org.id);
    const plain = await idx.search("Wahyuningsih");
    expect(plain.map((h) => h.id)).toContain(mine.id);
    expect(plain.every((h) => h.agency_id === a.org.id)).toBe(true);
    for (const filter of [
      `agency_id = "${b.org.id}"`,
      `agency_id = "${b.org.id}" OR agency_id = "${a.org.id}"`,
      `NOT agency_id = "${a.org.id}"`,
      `id = "${theirs.id}"`,
    ]) {
      // a filter Meilisearch rejects (`id` is not filterable) shows nothing either
      const hits = await idx.search("", { filter, limit: 1000 }).catch(() => []);
      expect(
        hits.some((h) => h.agency_id !== a.org.id),
        filter,
      ).toBe(false);
    }
    // the token cannot write or read documents directly either
    await expect(idx.getDocument(theirs.id)).rejects.toThrow();
    await expect(idx.addDocuments([{ id: "x", agency_id: a.org.id }])).rejects.toThrow();
  });

  it("withdrawing consent or archiving takes a profile out of search; consent is recorded each time", async () => {
    const actor = agencyActor(a.org, a.user.id);
    const input = workerInput({ externalRef: "CONSENT-1", nik: undefined, passportNumber: undefined });
    const w = await saveWorker(deps, actor, input);
    await waitIndexed(deps, [w.id]);
    expect(await rawDoc(w.id)).not.toBeNull();
    await saveWorker(deps, actor, { ...input, consentToMatching: false });
    await waitIndexed(deps, [w.id]);
    expect(await rawDoc(w.id)).toBeNull();
    await saveWorker(deps, actor, input);
    await waitIndexed(deps, [w.id]);
    expect(await rawDoc(w.id)).not.toBeNull();
    const events = await deps.db
      .selectFrom("worker_consent_events")
      .select(["consent", "recorded_by"])
      .where("worker_id", "=", w.id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { consent: true, recorded_by: a.user.id },
      { consent: false, recorded_by: a.user.id },
      { consent: true, recorded_by: a.user.id },
    ]);
    await archiveWorker(deps, actor, w.id);
    await waitIndexed(deps, [w.id]);
    expect(await rawDoc(w.id)).toBeNull();
  });

  it("updates by the agency's own reference instead of duplicating, and flags a duplicate NIK", async () => {
    const actor = agencyActor(a.org);
    const first = await saveWorker(
      deps,
      actor,
      workerInput({ externalRef: "REF-77", nik: "3301019999990001", passportNumber: "X7777777" }),
    );
    const again = await saveWorker(
      deps,
      actor,
      workerInput({
        externalRef: "REF-77",
        nik: "3301019999990001",
        passportNumber: "X7777777",
        fullName: "Siti N. Updated",
      }),
    );
    expect(again).toMatchObject({ id: first.id, created: false });
    const rows = await deps.db
      .selectFrom("workers")
      .select("full_name")
      .where("agency_org_id", "=", a.org.id)
      .where("external_ref", "=", "REF-77")
      .execute();
    expect(rows).toEqual([{ full_name: "Siti N. Updated" }]);
    const other = await saveWorker(
      deps,
      actor,
      workerInput({ externalRef: "REF-78", nik: "3301019999990001", passportNumber: "X7878787" }),
    );
    expect(other.duplicates).toEqual([
      { id: first.id, fullName: "Siti N. Updated", externalRef: "REF-77", field: "nik" },
    ]);
    // another agency's identical NIK is none of this agency's business
    expect(
      (
        await saveWorker(
          deps,
          agencyActor(b.org),
          workerInput({ externalRef: "REF-77", nik: "3301019999990001", passportNumber: "X7777777" }),
        )
      ).duplicates,
    ).toEqual([]);
  });

  it("rebuilds the index from PostgreSQL into a new index and swaps it in", async () => {
    const w = await saveWorker(
      deps,
      agencyActor(a.org),
      workerInput({ fullName: "Reindex Kartini", nik: undefined, passportNumber: undefined }),
    );
    await waitIndexed(deps, [w.id]);
    // damage the live index behind PostgreSQL's back, then rebuild
    await deleteRawDocument(deps.search, w.id);
    expect(await rawDoc(w.id)).toBeNull();
    expect(await indexUids(deps.search)).toContain(WORKERS_INDEX);
    // two at once (two instances starting together): one rebuilds, the other finds the lock taken
    const [n, m] = await Promise.all([reindexWorkers(deps), reindexWorkers(deps)]);
    expect(Math.min(n, m)).toBe(0);
    expect(Math.max(n, m)).toBeGreaterThan(0);
    expect(await indexUids(deps.search)).toContain(WORKERS_INDEX);
    expect(await rawDoc(w.id)).not.toBeNull();
    const leftovers = (await indexUids(deps.search)).filter((uid) => uid.startsWith(`${WORKERS_INDEX}_rebuild_`));
    expect(leftovers).toEqual([]);
  });

  it("reindexes from PostgreSQL at start-up when documents of an older shape are in the index", async () => {
    const w = await saveWorker(
      deps,
      agencyActor(a.org),
      workerInput({ fullName: "Upgrade Sulastri", nik: undefined, passportNumber: undefined }),
    );
    await waitIndexed(deps, [w.id]);
    // a document as an older release wrote it: no version field, no sector_isco
    const old = Object.fromEntries(
      Object.entries((await rawDoc(w.id)) as Record<string, unknown>).filter(
        ([k]) => k !== DOCUMENT_VERSION_FIELD && k !== "sector_isco",
      ),
    );
    await putRawDocuments(deps.search, [old]);
    expect(await documentsAreCurrent(deps.search)).toBe(false);
    await prepareIndex(deps);
    expect(await documentsAreCurrent(deps.search)).toBe(true);
    expect(await rawDoc(w.id)).toMatchObject({ [DOCUMENT_VERSION_FIELD]: true, sector_isco: ["cruise:5131"] });
  });

  it("refuses non-agencies", async () => {
    const employer = await orgWithUser(deps, "employer");
    await expect(
      saveWorker(deps, { userId: null, orgId: employer.org.id, orgKind: "employer", role: "admin" }, workerInput()),
    ).rejects.toThrow("errors.not_found");
  });
});

describe("the agency's search page over HTTP", () => {
  it("shows only the agency's own profiles, and only to agencies", async () => {
    const { Client } = await import("../support/http");
    const mine = await saveWorker(
      deps,
      agencyActor(a.org),
      workerInput({ fullName: "Purwaningsih Halaman", nik: undefined, passportNumber: undefined }),
    );
    const theirs = await saveWorker(
      deps,
      agencyActor(b.org),
      workerInput({ fullName: "Purwaningsih Halaman", nik: undefined, passportNumber: undefined }),
    );
    await waitIndexed(deps, [mine.id, theirs.id]);
    const c = new Client();
    await c.logIn(a.email, a.password);
    const html = await (await c.get("/workers?q=Purwaningsih")).text();
    expect(html).toContain("Profiles found: 1");
    const forged = await (
      await c.get(`/workers?q=Purwaningsih&province=33%22%20OR%20agency_id%20%3D%20%22${b.org.id}`)
    ).text();
    expect(forged).toContain("Profiles found: 1");
    const employer = await orgWithUser(deps, "employer");
    const e = new Client();
    await e.logIn(employer.email, employer.password);
    expect((await e.get("/workers")).status).toBe(404);
    expect((await e.get("/workers/import")).status).toBe(404);
  });
});

describe("the tenant-token signing key", () => {
  it("is looked up again when Meilisearch no longer knows the cached one", async () => {
    const { searchWorkers } = await import("~/services/workers/search-workers.server");
    const w = await saveWorker(
      deps,
      agencyActor(a.org),
      workerInput({ fullName: "Rotasi Kunci", nik: undefined, passportNumber: undefined }),
    );
    await waitIndexed(deps, [w.id]);
    const ask = () => searchWorkers(deps, agencyActor(a.org), { q: "Rotasi Kunci", page: 1 });
    expect((await ask()).hits.map((h) => h.id)).toContain(w.id);
    await deleteTenantSigningKeys(deps.search);
    expect((await ask()).hits.map((h) => h.id)).toContain(w.id);
  });
});
