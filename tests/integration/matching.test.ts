import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { contractEnd } from "~/domain/matching/gates";
import { formatExplanation, formatFailure } from "~/i18n/matching-text";
import { matchJobOrder, matchOrderOf, type MatchQuery } from "~/services/matching/match-order.server";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { enqueueSearchUpdate, searchGenerations } from "~db/search-outbox";
import { dayTs } from "~search/worker-document";
import { rawDocument } from "~search/testing";
import { ensureWorkersIndex } from "~search/workers-index";
import { orgWithUser, testDeps } from "../support/fixtures";
import { verifiedOrder } from "../support/matching";
import { agencyActor, waitIndexed, workerInput } from "../support/workers";

// A seeded pool where the ranked list and the near misses are known exactly, through the real stack:
// PostgreSQL, the outbox, Meilisearch filters, the domain's score.

const deps = testDeps();
const Q: MatchQuery = { limit: 50, offset: 0, nearLimit: 50, nearOffset: 0 };
let agency: Awaited<ReturnType<typeof orgWithUser>>;
let other: Awaited<ReturnType<typeof orgWithUser>>;
let ministry: Awaited<ReturnType<typeof orgWithUser>>;
let made: Awaited<ReturnType<typeof verifiedOrder>>;
let start: string;
let end: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await ensureWorkersIndex(deps.search);
  [agency, other, ministry] = await Promise.all([
    orgWithUser(deps, "agency"),
    orgWithUser(deps, "agency"),
    orgWithUser(deps, "ministry"),
  ]);
  // Cook on a cruise ship: 2 years minimum, English B1, STCW BST through the contract; food safety preferred.
  made = await verifiedOrder(deps, {
    title: "Cook",
    iscoCode: "5120",
    minExperienceYears: 2,
    languages: [{ code: "en", minLevel: "B1" }],
    certificates: [
      { code: "stcw_bst", mandatory: true },
      { code: "food_safety", mandatory: false },
    ],
  });
  const o = matchOrderOf(made.order);
  start = o.startDate;
  end = contractEnd(o);
  const far = addDays(end, 800);
  const base = {
    experiences: [{ sector: "cruise" as const, iscoCode: "5120", years: 5 }],
    languages: [{ code: "en" as const, kind: "ielts" as const, score: 6 }],
    certificates: [{ code: "stcw_bst", expiresOn: far }],
    availableFrom: addDays(start, -30),
    nik: undefined,
    passportNumber: undefined,
  };
  const pool: Record<string, Parameters<typeof workerInput>[0]> = {
    // exact occupation, 9 years, C1, preferred certificate, prefers the USA: the top
    best: {
      ...base,
      experiences: [{ sector: "cruise", iscoCode: "5120", years: 9 }],
      languages: [{ code: "en", kind: "ielts", score: 7.5 }],
      certificates: [...base.certificates, { code: "food_safety", expiresOn: far }],
      preferredCountries: ["US"],
    },
    // same sector, another occupation (another minor group): nothing counts, so neither ranked nor a near miss
    waiter: { ...base, experiences: [{ sector: "cruise", iscoCode: "5131", years: 5 }] },
    kitchenHelper: { ...base, experiences: [{ sector: "cruise", iscoCode: "9412", years: 5 }] },
    twinA: { ...base },
    twinB: { ...base },
    // several stints: only cruise years as a cook (the order's ISCO minor group, 512) count, summed (1 + 1.5 ≥ 2);
    // 1.5 alone is short, and ten years in hotels or five as a kitchen helper on board do not count
    multi: {
      ...base,
      experiences: [
        { sector: "cruise", iscoCode: "5120", years: 1 },
        { sector: "cruise", iscoCode: "5120", years: 1.5 },
        { sector: "cruise", iscoCode: "9412", years: 5 },
        { sector: "hospitality", iscoCode: "5120", years: 10 },
      ],
    },
    multiShort: {
      ...base,
      experiences: [
        { sector: "cruise", iscoCode: "5120", years: 1.5 },
        { sector: "hospitality", iscoCode: "5120", years: 10 },
      ],
    },
    // beyond the cap on experience points, the years still order equal scores
    veteran: { ...base, experiences: [{ sector: "cruise", iscoCode: "5120", years: 20 }] },
    senior: { ...base, experiences: [{ sector: "cruise", iscoCode: "5120", years: 14 }] },
    // BST expiring on the contract's last day passes; the day before is a near miss
    bstOnEnd: { ...base, certificates: [{ code: "stcw_bst", expiresOn: end }] },
    bstDayBefore: { ...base, certificates: [{ code: "stcw_bst", expiresOn: addDays(end, -1) }] },
    // two BST certificates: the later one counts; an unrelated long-valid certificate cannot stand in for BST
    bstRenewed: {
      ...base,
      certificates: [
        { code: "stcw_bst", expiresOn: addDays(end, -90) },
        { code: "stcw_bst", expiresOn: far },
      ],
    },
    bstExpiredOtherValid: {
      ...base,
      certificates: [
        { code: "stcw_bst", expiresOn: addDays(end, -61) },
        { code: "food_safety", expiresOn: far },
      ],
    },
    // IELTS 3.5 is A2 (needs B1); a second, better evidence would count
    englishA2: { ...base, languages: [{ code: "en", kind: "ielts", score: 3.5 }] },
    twoEvidences: {
      ...base,
      languages: [
        { code: "en", kind: "ielts", score: 3.5 },
        { code: "en", kind: "toeic", score: 600 },
      ],
    },
    late: { ...base, availableFrom: addDays(start, 21) },
    // no experience that counts, or the language not spoken at all: not one fixable item away, no near miss
    hotelOnly: { ...base, experiences: [{ sector: "hospitality", iscoCode: "5120", years: 8 }] },
    noEnglish: { ...base, languages: [] },
    // two items missing: neither ranked nor a near miss
    twoMissing: { ...base, availableFrom: addDays(start, 21), certificates: [] },
    // not available or no consent: never shown in matching
    placed: { ...base, status: "placed" },
    noConsent: { ...base, consentToMatching: false },
  };
  for (const [name, patch] of Object.entries(pool)) {
    const w = await saveWorker(
      deps,
      agencyActor(agency.org),
      workerInput({ ...patch, fullName: `Pool ${name}`, externalRef: name }),
    );
    ids[name] = w.id;
  }
  const theirs = await saveWorker(
    deps,
    agencyActor(other.org),
    workerInput({ ...pool.best, fullName: "Other agency best", externalRef: "other-best" }),
  );
  ids.otherBest = theirs.id;
  await waitIndexed(deps, Object.values(ids));
});
afterAll(() => deps.db.destroy());

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
const agencyView = async (q: Partial<MatchQuery> = {}) => {
  const v = await matchJobOrder(deps, agencyActor(agency.org), made.order.id, { ...Q, ...q });
  if (v.kind !== "agency") throw new Error("expected the agency view");
  return v;
};

describe("matching a verified order", () => {
  it("ranks exactly the qualified profiles of the agency, best first, ties by years, then by id", async () => {
    const v = await agencyView();
    const byId = (...names: string[]) =>
      names
        .map((n) => ids[n]!)
        .sort()
        .map(nameOf);
    // best 62 · veteran and senior 61 (experience capped at 40; the 20 years come before the 14) · BST renewed and
    // the twins 33 (equal in everything: by id) · two evidences 30 · BST on the last day 29 · several stints 23
    expect(v.results.map((r) => nameOf(r.workerId))).toEqual([
      "best",
      "veteran",
      "senior",
      ...byId("bstRenewed", "twinA", "twinB"),
      "twoEvidences",
      "bstOnEnd",
      "multi",
    ]);
    expect(v.results.map((r) => r.score)).toEqual([62, 61, 61, 33, 33, 33, 30, 29, 23]);
    expect(v.total).toBe(9);
    // scores never increase down the list
    for (let i = 1; i < v.results.length; i++)
      expect(v.results[i - 1]!.score).toBeGreaterThanOrEqual(v.results[i]!.score);
    // each score is the sum of its named components
    for (const r of v.results) expect(Object.values(r.components).reduce((s, x) => s + x, 0)).toBe(r.score);
    const best = v.results[0]!;
    expect(best.components).toMatchObject({
      iscoExact: 12,
      experience: 28,
      language: 6,
      preferredCertificates: 6,
      preferredDestination: 4,
      recency: 2,
    });
    // a certificate expiring on the contract's last day leaves no headroom
    expect(v.results.find((r) => nameOf(r.workerId) === "bstOnEnd")!.components.certificateHeadroom).toBe(0);
    const listed = [...v.results.map((r) => r.workerId), ...v.nearMisses.map((n) => n.workerId)].map(nameOf);
    for (const name of ["otherBest", "waiter", "kitchenHelper", "hotelOnly", "noEnglish", "twoMissing"])
      expect(listed).not.toContain(name);
  });

  it("explains every rank in one line, in English and Indonesian", async () => {
    const v = await agencyView();
    const best = v.results[0]!;
    const month = addDays(end, 800).slice(0, 7);
    expect(formatExplanation("en", best.explanation)).toBe(
      `Cooks 9 yrs · English C1 (IELTS 7.5) · STCW BST valid to ${month} · HACCP 2 valid to ${month}`,
    );
    expect(formatExplanation("id", best.explanation)).toBe(
      `Juru masak 9 thn · Inggris C1 (IELTS 7.5) · STCW BST berlaku s.d. ${month} · HACCP 2 berlaku s.d. ${month}`,
    );
    const two = v.results.find((r) => nameOf(r.workerId) === "twoEvidences")!;
    expect(formatExplanation("en", two.explanation)).toContain("English B1 (TOEIC 600)");
    const multi = v.results.find((r) => nameOf(r.workerId) === "multi")!;
    expect(formatExplanation("en", multi.explanation)).toMatch(/^Cooks 2\.5 yrs · /);
  });

  it("lists near misses with their one missing item, closest first, and counts them per item", async () => {
    const v = await agencyView();
    expect(v.nearMisses.map((n) => [nameOf(n.workerId), n.key])).toEqual([
      ["multiShort", "sector"],
      ["englishA2", "language:en"],
      ["bstDayBefore", "certificate:stcw_bst"],
      ["bstExpiredOtherValid", "certificate:stcw_bst"],
      ["late", "availability"],
    ]);
    expect(v.nearMissCounts).toEqual([
      { key: "sector", count: 1 },
      { key: "language:en", count: 1 },
      { key: "certificate:stcw_bst", count: 2 },
      { key: "availability", count: 1 },
    ]);
    expect(v.nearMissTotal).toBe(5);
    const text = Object.fromEntries(v.nearMisses.map((n) => [nameOf(n.workerId), formatFailure("en", n.failed)]));
    expect(text).toEqual({
      multiShort: "1.5 yrs related to Cooks, needs 2",
      englishA2: "English A2 (IELTS 3.5), needs B1",
      bstDayBefore: "STCW BST expires 1 day before contract end",
      bstExpiredOtherValid: "STCW BST expires 2 months before contract end",
      late: "Available 3 weeks after start",
    });
    expect(formatFailure("id", v.nearMisses.find((n) => nameOf(n.workerId) === "late")!.failed)).toBe(
      "Tersedia 3 minggu setelah tanggal mulai",
    );
  });

  it("pages through both lists and filters near misses by item", async () => {
    const page1 = await agencyView({ limit: 3, offset: 0 });
    const page2 = await agencyView({ limit: 3, offset: 3 });
    const all = await agencyView();
    expect([...page1.results, ...page2.results].map((r) => r.workerId)).toEqual(
      all.results.slice(0, 6).map((r) => r.workerId),
    );
    const near = await agencyView({ nearLimit: 2, nearOffset: 1 });
    expect(near.nearMisses.map((n) => n.workerId)).toEqual(all.nearMisses.slice(1, 3).map((n) => n.workerId));
    const certs = await agencyView({ item: "certificate:stcw_bst" });
    expect(certs.nearMisses.map((n) => nameOf(n.workerId))).toEqual(["bstDayBefore", "bstExpiredOtherValid"]);
    expect(certs.nearMissTotal).toBe(2);
  });

  it("never shows a candidate who now fails a gate, even before the index catches up", async () => {
    const id = ids.twinA!;
    const before = await agencyView();
    expect(before.results.map((r) => r.workerId)).toContain(id);
    // The worker's BST turns out to expire before the contract ends. The row changes in PostgreSQL without an
    // outbox entry, so no outbox worker can index it before the view is read: the index still qualifies them.
    const cert = [{ code: "stcw_bst", expiresOn: addDays(end, -10) }];
    await sql`update workers set profile = jsonb_set(profile, '{certificates}', ${JSON.stringify(cert)}::jsonb) where id = ${id}`.execute(
      deps.db,
    );
    expect((await rawDocument(deps.search, id))?.cert_until_stcw_bst).toBe(dayTs(addDays(end, 800)));
    const stale = await agencyView();
    expect(stale.results.map((r) => r.workerId)).not.toContain(id);
    expect(stale.stale).toBe(1);
    // once the change reaches the index, the worker is a near miss on exactly that certificate
    await enqueueSearchUpdate(deps.db, "worker", [id]);
    await waitIndexed(deps, [id]);
    const after = await agencyView();
    expect(after.results.map((r) => r.workerId)).not.toContain(id);
    expect(after.stale).toBe(0);
    expect(after.total).toBe(before.total - 1);
    expect(after.nearMisses.find((n) => n.workerId === id)?.failed).toMatchObject({
      gate: "certificate",
      code: "stcw_bst",
      shortByDays: 10,
    });
  });

  it("counts index changes per agency, so one agency's edits leave the others' cached rankings valid", async () => {
    const row = async (scope: string) =>
      (
        await deps.db
          .selectFrom("search_generations")
          .select("generation")
          .where("scope", "=", scope)
          .executeTakeFirst()
      )?.generation ?? "0";
    const [a0, b0] = [await row(agency.org.id), await row(other.org.id)];
    const w = await saveWorker(
      deps,
      agencyActor(other.org),
      workerInput({ fullName: "Generation Test", nik: undefined, passportNumber: undefined, consentToMatching: false }),
    );
    await waitIndexed(deps, [w.id]);
    expect(await row(agency.org.id)).toBe(a0);
    expect(Number(await row(other.org.id))).toBeGreaterThan(Number(b0));
    // the ministry's scope is every agency: its generation moved too
    const sum = async (ids: readonly string[] | null) =>
      Object.values((await searchGenerations(deps.db, ids)).generations).reduce((n, g) => n + Number(g), 0);
    expect(await sum(null)).toBeGreaterThan(await sum([agency.org.id]));
  });

  it("keeps agencies apart, and gives the ministry counts across licensed agencies only", async () => {
    const theirs = await matchJobOrder(deps, agencyActor(other.org), made.order.id, Q);
    expect(theirs.kind === "agency" && theirs.results.map((r) => r.workerId)).toEqual([ids.otherBest]);
    const ministryActor = {
      userId: ministry.user.id,
      orgId: ministry.org.id,
      orgKind: "ministry" as const,
      role: "admin" as const,
    };
    const counts = await matchJobOrder(deps, ministryActor, made.order.id, Q);
    if (counts.kind !== "ministry") throw new Error("expected counts");
    const mine = (await agencyView()).total;
    expect(counts.byAgency.find((a) => a.agencyId === agency.org.id)?.count).toBe(mine);
    expect(counts.byAgency.find((a) => a.agencyId === other.org.id)?.count).toBe(1);
    expect(JSON.stringify(counts)).not.toMatch(/Pool |Other agency best/);
    // a suspended agency's profiles drop out of the ministry's counts
    await unsafeChangeLicence(deps, other.org.id, { status: "suspended", reason: "test suspension" }, null);
    const after = await matchJobOrder(deps, ministryActor, made.order.id, Q);
    expect(after.kind === "ministry" && after.byAgency.map((a) => a.agencyId)).not.toContain(other.org.id);
  });

  it("refuses employers, and orders that are not verified", async () => {
    await expect(matchJobOrder(deps, made.employerActor, made.order.id, Q)).rejects.toMatchObject({
      code: "forbidden",
    });
    await deps.db
      .updateTable("job_orders")
      .set({ positions_filled: made.order.positions })
      .where("id", "=", made.order.id)
      .execute();
    try {
      await expect(agencyView()).rejects.toMatchObject({ code: "conflict" });
    } finally {
      await deps.db.updateTable("job_orders").set({ positions_filled: 0 }).where("id", "=", made.order.id).execute();
    }
  });
});
