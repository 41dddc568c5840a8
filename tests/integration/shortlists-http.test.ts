import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { CandidatesResponseSchema } from "~/domain/shortlists/api-schema";
import { recordPlacements } from "~/services/job-orders/lifecycle.server";
import { indexedIds, rawDocument } from "~search/testing";
import { testDeps } from "../support/fixtures";
import { Client } from "../support/http";
import { apiFor, apiOrg } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";
import { entryOf, move, shortlistScenario } from "../support/shortlists";
import { waitIndexed } from "../support/workers";

// Shortlists, the employer's anonymised review, consented disclosure and erasure, over HTTP
// (docs/decisions/008-shortlists.md). Every test makes its own organisations, order and workers (shortlistScenario), so
// each passes alone.

const deps = testDeps();
afterAll(() => deps.db.destroy());

describe("shortlists", () => {
  it("an agency adds its own candidates, one or many at once; bad bodies are refused and store nothing", async () => {
    const { made, employer, agency, other, tag, workers: w, worker } = await shortlistScenario(deps);
    for (const k of ["a1", "a2", "a3", "a4", "a5"]) await worker(agency, k);
    await worker(agency, "late", { availableFrom: addDays(made.order.start_date, 30) });
    await worker(other, "b1");

    const r = await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, { workerIds: [w.a1, w.a2, w.a3] });
    expect(r.status).toBe(201);
    expect(r.json.added).toHaveLength(3);
    const again = await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, {
      workerIds: [w.a1, w.a4, w.a5, w.late],
    });
    expect(again.json).toMatchObject({ already: 1 });
    expect(again.json.added).toHaveLength(3);

    const count = async () =>
      (
        await deps.db
          .selectFrom("shortlist_entries")
          .select(sql<number>`count(*)::int`.as("n"))
          .where("job_order_id", "=", made.order.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(before).toBe(6);
    const empty = await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, { workerIds: [] });
    expect(empty.status).toBe(422);
    expect(empty.json.error.fields.workerIds).toBe("Choose at least one candidate.");
    expect(
      (await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, { workerIds: ["not-a-uuid"] })).status,
    ).toBe(422);
    const theirs = await agency.call(
      "POST",
      `/job-orders/${made.order.id}/shortlist`,
      { workerIds: [w.b1, w.a2] },
      { "Accept-Language": "id" },
    );
    expect(theirs.status).toBe(422);
    expect(theirs.json.error.fields.workerIds).toBe("1 profil yang dipilih bukan milik agensi Anda.");
    expect(await count()).toBe(before);

    const list = await agency.call("GET", `/job-orders/${made.order.id}/shortlist`);
    expect(list.json.items.map((i: { name: string }) => i.name)).toContain(`Pekerja a1 ${tag}`);
    expect(list.json.items.every((i: { stage: string }) => i.stage === "shortlisted")).toBe(true);
    // the other agency sees none of it, and the employer sees nothing before a proposal
    const theirsList = await other.call("GET", `/job-orders/${made.order.id}/shortlist`);
    expect(theirsList.json.items).toEqual([]);
    expect((await employer.call("GET", `/job-orders/${made.order.id}/candidates`)).json.candidates).toEqual([]);
    expect((await employer.call("GET", `/job-orders/${made.order.id}/shortlist`)).status).toBe(403);
  });

  it("moves candidates through the stages, each side only its own moves, with reasons where required", async () => {
    const { made, employer, agency, other, tag, shortlisted } = await shortlistScenario(deps);
    const { a1: e1, a2: e2 } = (await shortlisted(["a1", "a2"])) as Record<"a1" | "a2", string>;
    // a shortlist is the agency's own until it proposes: the employer and other agencies cannot even see the entry
    expect((await move(employer, e1, "request_interview")).status).toBe(404);
    expect((await move(other, e1, "propose")).status).toBe(404);
    expect((await move(agency, e1, "select")).status).toBe(403);

    const p = await move(agency, e1, "propose");
    expect(p.status).toBe(200);
    expect(p.json.stage).toBe("proposed");
    expect((await move(agency, e1, "depart")).status).toBe(409);
    expect((await move(employer, e1, "withdraw", "other")).status).toBe(403);
    expect((await move(employer, e1, "request_interview")).json.stage).toBe("interview");

    await move(agency, e2, "propose");
    const noReason = await move(employer, e2, "reject");
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.fields.reason).toBe("Choose a reason.");
    expect((await move(employer, e2, "reject", "language")).json.stage).toBe("rejected");
    expect((await move(agency, e2, "withdraw", "worker_declined")).status).toBe(409); // already over

    // the employer was told about each proposal, in the app and in the mail outbox (no names in either)
    const notes = await deps.db
      .selectFrom("notifications")
      .selectAll()
      .where("org_id", "=", made.employer.org.id)
      .where("kind", "=", "candidate_proposed")
      .execute();
    expect(notes).toHaveLength(2);
    const mail = await deps.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("to_email", "=", made.employer.email)
      .where("kind", "=", "candidate_proposed")
      .execute();
    expect(mail).toHaveLength(2);
    expect(mail[0]!.subject).toMatch(/^New candidate C-[0-9A-F]{6} for /);
    expect(JSON.stringify([notes, mail])).not.toContain(tag);

    // notes are the agency's own
    const note = await agency.call("POST", `/shortlist/${e1}/notes`, {
      body: "Strong English; renew the medical in March.",
    });
    expect(note.status).toBe(201);
    expect((await other.call("POST", `/shortlist/${e1}/notes`, { body: "x" })).status).toBe(404);
    expect((await agency.call("POST", `/shortlist/${e1}/notes`, { body: "  " })).status).toBe(422);
    const listed = (await agency.call("GET", `/job-orders/${made.order.id}/shortlist`)).json.items.find(
      (i: { entryId: string }) => i.entryId === e1,
    );
    expect(listed.notes.map((n: { body: string }) => n.body)).toEqual(["Strong English; renew the medical in March."]);
  });

  it("flags a candidate at once when a gate breaks, and refuses to propose them", async () => {
    const { made, agency, workers: w, worker, edit, shortlisted } = await shortlistScenario(deps);
    const { a3: e3, a4: e4 } = (await shortlisted(["a3", "a4", "a5"])) as Record<"a3" | "a4" | "a5", string>;
    await worker(agency, "late", { availableFrom: addDays(made.order.start_date, 30) });
    await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, { workerIds: [w.late] });

    const eLate = await entryOf(agency, made.order.id, w.late!);
    const late = await move(agency, eLate, "propose");
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/no longer passes every requirement/);

    // a3's BST now ends before the contract does; a4 withdrew consent to matching
    await edit(agency, "a3", { certificates: [{ code: "stcw_bst", expiresOn: addDays(made.order.start_date, 30) }] });
    await edit(agency, "a4", { consentToMatching: false });
    const items = (await agency.call("GET", `/job-orders/${made.order.id}/shortlist`)).json.items;
    const i3 = items.find((i: { entryId: string }) => i.entryId === e3);
    const i4 = items.find((i: { entryId: string }) => i.entryId === e4);
    expect(i3.flagged).toBe(true);
    expect(i3.failing[0]).toMatch(/^STCW BST expires .* before contract end$/);
    expect(i3.actions).not.toContain("propose");
    expect(i4.flagged).toBe(true);
    expect((await move(agency, e3, "propose")).status).toBe(409);
    expect((await move(agency, e4, "propose")).status).toBe(409);
    const unflagged = items.find((i: { workerId: string }) => i.workerId === w.a5);
    expect(unflagged.flagged).toBe(false);
    expect(unflagged.actions).toContain("propose");
  });
});

describe("the agency's pages", () => {
  it("shortlists from the match page, moves a candidate from the shortlist page, shows errors next to the field, and exports CSV", async () => {
    const { made: order, agency, other, tag, worker } = await shortlistScenario(deps, { positions: 2 });
    const browser = new Client();
    await browser.logIn(agency.email, agency.password);
    const ids = [await worker(agency, "s1"), await worker(agency, "s2")];
    await waitIndexed(deps, ids);
    const matches = await (await browser.get(`/job-orders/${order.order.id}/matches`)).text();
    expect(matches).toMatch(new RegExp(`<input type="checkbox" name="workerIds"[^>]*value="${ids[0]}"`));
    const none = await browser.post(`/job-orders/${order.order.id}/matches`, {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choose at least one candidate.");
    const added = await browser.post(`/job-orders/${order.order.id}/matches`, { workerIds: ids[0]! });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`/job-orders/${order.order.id}/shortlist`);
    const page = await (await browser.get(`/job-orders/${order.order.id}/shortlist`)).text();
    expect(page).toContain(`Pekerja s1 ${tag}`);
    expect(page).toContain("Propose to employer");
    const entry = await entryOf(agency, order.order.id, ids[0]!);

    const noReason = await browser.post(`/job-orders/${order.order.id}/shortlist`, {
      intent: "move",
      entryId: entry,
      action: "withdraw",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    const noReasonHtml = await noReason.text();
    expect(noReasonHtml).toContain(`id="e-${entry}-withdraw-reason-error"`);
    expect(noReasonHtml).toContain("Choose a reason.");
    const proposed = await browser.post(`/job-orders/${order.order.id}/shortlist`, {
      intent: "move",
      entryId: entry,
      action: "propose",
    });
    expect(proposed.status).toBe(302);
    expect(
      (await deps.db.selectFrom("shortlist_entries").select("stage").where("id", "=", entry).executeTakeFirstOrThrow())
        .stage,
    ).toBe("proposed");
    await browser.post(`/job-orders/${order.order.id}/shortlist`, {
      intent: "note",
      entryId: entry,
      body: '=HYPERLINK("http://evil.example")',
    });

    const csv = await browser.get(`/job-orders/${order.order.id}/shortlist.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheets read UTF-8 names right
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe(
      "code,name,reference,stage,score,qualifications,reason,fails now,how to fix,stage since,disclosure consent,notes",
    );
    expect(text).toContain(`Pekerja s1 ${tag}`);
    expect(text).toContain("proposed to the employer");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`); // a formula is never live in a spreadsheet
    // another agency gets nothing of it
    const stranger = new Client();
    await stranger.logIn(other.email, other.password);
    expect(await (await stranger.get(`/job-orders/${order.order.id}/shortlist.csv`)).text()).not.toContain(tag);
  });
});

describe("positions", () => {
  it("never selects more candidates than open positions, even when selections arrive at the same moment", async () => {
    const { made: order, employer: boss, agency, other, worker } = await shortlistScenario(deps, { positions: 2 });
    const mine = [await worker(agency, "s1"), await worker(agency, "s2"), await worker(agency, "s3")];
    const theirs = [await worker(other, "t1"), await worker(other, "t2")];
    await agency.call("POST", `/job-orders/${order.order.id}/shortlist`, { workerIds: mine });
    await other.call("POST", `/job-orders/${order.order.id}/shortlist`, { workerIds: theirs });
    const entries = [
      ...(await Promise.all(mine.map((id) => entryOf(agency, order.order.id, id)))),
      ...(await Promise.all(theirs.map((id) => entryOf(other, order.order.id, id)))),
    ];
    for (const [i, e] of entries.entries()) expect((await move(i < 3 ? agency : other, e, "propose")).status).toBe(200);

    const answers = await Promise.all(entries.map((e) => move(boss, e, "select")));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409]);
    expect(
      answers
        .filter((a) => a.status === 409)
        .every((a) => a.json.error.message === "Every position of this order is already taken."),
    ).toBe(true);
    const row = await deps.db
      .selectFrom("job_orders")
      .select(["status", "positions_filled"])
      .where("id", "=", order.order.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "filled", positions_filled: 2 });
    const selected = await deps.db
      .selectFrom("shortlist_entries")
      .select(["id", "worker_id", "agency_org_id"])
      .where("job_order_id", "=", order.order.id)
      .where("stage", "=", "selected")
      .execute();
    expect(selected).toHaveLength(2);
    // selected workers are in process (out of matching); everyone concerned heard that the order filled
    const statuses = await deps.db
      .selectFrom("workers")
      .select("status")
      .where(
        "id",
        "in",
        selected.map((s) => s.worker_id!),
      )
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(["in_process", "in_process"]);
    const filled = await deps.db
      .selectFrom("notifications")
      .select("org_id")
      .where("job_order_id", "=", order.order.id)
      .where("kind", "=", "order_filled")
      .execute();
    expect(new Set(filled.map((n) => n.org_id))).toEqual(new Set([order.employer.org.id, agency.org.id, other.org.id]));

    // a filled order stays reachable for agencies with candidates on it, not for others
    expect((await agency.call("GET", `/job-orders/${order.order.id}`)).status).toBe(200);
    expect((await agency.call("GET", `/job-orders/${order.order.id}/shortlist`)).json.items).toHaveLength(3);
    const stranger = await apiOrg(deps, "agency");
    expect((await stranger.call("GET", `/job-orders/${order.order.id}`)).status).toBe(404);
    expect((await stranger.call("GET", `/job-orders/${order.order.id}/shortlist`)).status).toBe(404);

    // a selected candidate who withdraws frees the position and reopens the order
    const leaving = selected[0]!;
    const leaver = leaving.agency_org_id === agency.org.id ? agency : other;
    expect((await move(leaver, leaving.id, "withdraw", "worker_declined")).json).toEqual({
      stage: "withdrawn",
      orderStatus: "verified",
    });
    expect(
      await deps.db
        .selectFrom("job_orders")
        .select(["status", "positions_filled"])
        .where("id", "=", order.order.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "verified", positions_filled: 1 });
    expect(
      (
        await deps.db
          .selectFrom("workers")
          .select("status")
          .where("id", "=", leaving.worker_id!)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("available");
  });
});

describe("the employer's review", () => {
  const PERSONAL = [
    "fullName",
    "full_name",
    "name",
    "nik",
    "passport",
    "phone",
    "dateOfBirth",
    "date_of_birth",
    "externalRef",
    "workerId",
    "photo",
    "email",
    "address",
  ];

  it("shows proposed candidates anonymised: no name, identifiers, contact or birth date", async () => {
    const { made, employer, tag, workers: w, shortlisted } = await shortlistScenario(deps);
    await shortlisted(["a1", "a2", "a3"], { propose: ["a1", "a2"] });
    const r = await employer.call("GET", `/job-orders/${made.order.id}/candidates`);
    expect(r.status).toBe(200);
    CandidatesResponseSchema.parse(r.json); // strict: any field beyond the anonymised ones fails here
    expect(r.json.candidates.length).toBeGreaterThanOrEqual(2);
    const c = r.json.candidates[0];
    expect(c.code).toMatch(/^C-[0-9A-F]{6}$/);
    expect(c.ageBand).toMatch(/^\d{2}-\d{2}$|^50\+$/);
    expect(c.provinceCode).toBe("33");
    expect(c.languages).toEqual([{ code: "en", level: "B2" }]);
    expect(c.certificates[0]).toMatchObject({ code: "stcw_bst" });
    expect(c.identity).toBeNull();
    const text = JSON.stringify(r.json);
    expect(text).not.toContain(tag); // names and references carry the tag
    for (const id of Object.values(w)) expect(text).not.toContain(id);
    const rows = await deps.db
      .selectFrom("workers")
      .select(["nik", "passport_number", "phone", "date_of_birth"])
      .where("id", "in", [w.a1!, w.a2!])
      .execute();
    for (const row of rows) for (const v of Object.values(row)) expect(text).not.toContain(String(v));
    const keys = new Set<string>();
    JSON.parse(text, (k, v) => (keys.add(k), v));
    for (const k of PERSONAL) expect(keys.has(k), k).toBe(false);

    // the page, as the employer's browser gets it: the same candidates, none of the personal fields
    const browser = new Client();
    await browser.logIn(made.employer.email, made.employer.password);
    const res = await browser.get(`/job-orders/${made.order.id}/candidates`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const c of r.json.candidates) expect(html).toContain(c.code);
    expect(html).toContain("Not disclosed");
    expect(html).not.toContain(tag);
    for (const id of Object.values(w)) expect(html).not.toContain(id);
    for (const row of rows) for (const v of Object.values(row)) expect(html).not.toContain(String(v));
    expect(html).not.toContain("12 Apr 1996");
  });

  it("tells the employer in the app: the unread count in the header, the list, and marking them read", async () => {
    const { made, shortlisted } = await shortlistScenario(deps);
    await shortlisted(["a1", "a2"], { propose: ["a1", "a2"] }); // the two proposals the employer is told about
    const browser = new Client();
    await browser.logIn(made.employer.email, made.employer.password);
    const home = await (await browser.get("/dashboard")).text();
    expect(home).toContain("Notifications (2 new)");
    const list = await (await browser.get("/notifications")).text();
    expect(list.match(/A placement agency proposed candidate C-[0-9A-F]{6} for your job order/g)).toHaveLength(2);
    expect(list).toContain("Notifications (2 new)"); // reading the list changes nothing
    expect((await browser.post("/notifications", {})).status).toBe(302);
    const after = await (await browser.get("/notifications")).text();
    expect(after).not.toContain("new)");
    expect(after).not.toContain("Mark all as read");
  });

  it("reveals the identity only after the worker's consent to disclosure, and logs every disclosure", async () => {
    const { made, employer, agency, other, tag, workers: w, shortlisted } = await shortlistScenario(deps);
    const { a1: e1 } = (await shortlisted(["a1", "a2"], { propose: ["a1", "a2"] })) as Record<"a1" | "a2", string>;
    const before = await employer.call("GET", `/job-orders/${made.order.id}/candidates`);
    expect(before.json.candidates.find((c: { entryId: string }) => c.entryId === e1).identity).toBeNull();
    expect((await agency.call("GET", `/workers/${w.a1}/disclosures`)).json.disclosures).toEqual([]);
    expect((await employer.call("POST", `/shortlist/${e1}/disclosure-consent`)).status).toBe(403);
    expect((await other.call("POST", `/shortlist/${e1}/disclosure-consent`)).status).toBe(404);

    expect((await agency.call("POST", `/shortlist/${e1}/disclosure-consent`)).status).toBe(200);
    const after = await employer.call("GET", `/job-orders/${made.order.id}/candidates`);
    const shown = after.json.candidates.find((c: { entryId: string }) => c.entryId === e1);
    expect(shown.identity).toMatchObject({ fullName: `Pekerja a1 ${tag}`, dateOfBirth: "1996-04-12" });
    // others on the same order stay anonymous
    expect(after.json.candidates.filter((c: { identity: unknown }) => c.identity !== null)).toHaveLength(1);

    const log = (await agency.call("GET", `/workers/${w.a1}/disclosures`)).json.disclosures;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      employer: made.employer.org.name,
      jobOrder: made.order.reference,
      fields: ["full_name", "date_of_birth", "phone"],
      via: "api",
    });
    expect((await other.call("GET", `/workers/${w.a1}/disclosures`)).status).toBe(404);

    // on the page too, and that view is logged as well
    const browser = new Client();
    await browser.logIn(made.employer.email, made.employer.password);
    const html = await (await browser.get(`/job-orders/${made.order.id}/candidates`)).text();
    expect(html).toContain(`Pekerja a1 ${tag}`);
    expect(html).not.toContain(`Pekerja a2 ${tag}`);
    const vias = (
      await deps.db.selectFrom("disclosure_log").select("via").where("worker_id", "=", w.a1!).orderBy("id").execute()
    ).map((d) => d.via);
    expect(vias).toEqual(["api", "page"]);
  });
});

describe("a worker's data on request", () => {
  it("exports everything held about the worker", async () => {
    const { made, agency, other, tag, workers: w, disclosedCandidate } = await shortlistScenario(deps);
    await disclosedCandidate("a1");
    const r = await agency.call("GET", `/workers/${w.a1}/export`);
    expect(r.status).toBe(200);
    expect(r.json.worker).toMatchObject({ id: w.a1, fullName: `Pekerja a1 ${tag}` });
    expect(r.json.orders[0]).toMatchObject({ reference: made.order.reference, stage: "interview" });
    expect(r.json.orders[0].notes[0].body).toMatch(/Strong English/);
    expect(r.json.orders[0].history.map((h: { to: string }) => h.to)).toEqual([
      "shortlisted",
      "proposed",
      "interview",
      "interview",
    ]); // the last: consent to disclosure
    expect(r.json.disclosures.length).toBeGreaterThanOrEqual(1);
    expect((await other.call("GET", `/workers/${w.a1}/export`)).status).toBe(404);
  });

  it("erases the person from PostgreSQL and Meilisearch and keeps the anonymous placement statistics", async () => {
    const { made, employer, agency, other, workers: w, disclosedCandidate } = await shortlistScenario(deps);
    await disclosedCandidate("a1"); // a note, a stage history and logged disclosures: all of it must go
    const id = w.a1!;
    await waitIndexed(deps, [id]);
    const person = await deps.db
      .selectFrom("workers")
      .select(["full_name", "nik", "passport_number", "phone"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const entry = await entryOf(agency, made.order.id, id);
    // a stored, replayable answer that carries the person's data must go with them too
    const note = await agency.call(
      "POST",
      `/shortlist/${entry}/notes`,
      { body: `Call on ${person.phone}` },
      { "Idempotency-Key": `erase-${entry}` },
    );
    expect(note.status).toBe(201);
    expect((await other.call("DELETE", `/workers/${id}`)).status).toBe(404);
    const r = await agency.call("DELETE", `/workers/${id}`);
    expect(r.status).toBe(200);
    await waitIndexed(deps, [id]);

    // no table holds the name, NIK, passport, phone or the worker's id any more
    const tables = (
      await sql<{
        t: string;
      }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
        deps.db,
      )
    ).rows.map((r) => r.t);
    for (const needle of [person.full_name, person.nik!, person.passport_number!, person.phone!, id]) {
      for (const t of tables) {
        const hit = await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(t)} x where x::text ilike ${`%${needle}%`}`.execute(deps.db);
        expect(hit.rows[0]!.n, `${t} still holds ${needle}`).toBe(0);
      }
    }
    expect(await rawDocument(deps.search, id)).toBeNull();
    expect(await indexedIds(deps.search, { ids: [id] })).toEqual([]);

    // the statistics stay: the entry, its order, stage and anonymous facts, without a worker
    const kept = await deps.db
      .selectFrom("shortlist_entries")
      .selectAll()
      .where("id", "=", entry)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      worker_id: null,
      stage: "withdrawn",
      stat_sector: "cruise",
      stat_isco_code: "5131",
      stat_province_code: "33",
    });
    expect(kept.stat_age_band).toMatch(/^\d{2}-\d{2}$/);
    expect(
      (await employer.call("GET", `/job-orders/${made.order.id}/candidates`)).json.candidates.find(
        (c: { entryId: string }) => c.entryId === entry,
      ),
    ).toBeUndefined();
  });

  it("refuses to erase a worker who holds a position until they are withdrawn from it", async () => {
    const { made: order, employer: boss, agency, worker } = await shortlistScenario(deps, { positions: 1 });
    const id = await worker(agency, "holder");
    await agency.call("POST", `/job-orders/${order.order.id}/shortlist`, { workerIds: [id] });
    const e = await entryOf(agency, order.order.id, id);
    await move(agency, e, "propose");
    expect((await move(boss, e, "select")).status).toBe(200);
    const r = await agency.call("DELETE", `/workers/${id}`);
    expect(r.status).toBe(409);
    expect(await deps.db.selectFrom("workers").select("id").where("id", "=", id).executeTakeFirst()).toBeTruthy();
  });
});

describe("guards", () => {
  it("another employer sees nothing of an order's candidates and cannot move them", async () => {
    const { made, shortlisted } = await shortlistScenario(deps);
    const { a2: e2 } = (await shortlisted(["a2"], { propose: ["a2"] })) as Record<"a2", string>;
    const stranger = await apiOrg(deps, "employer");
    expect((await stranger.call("GET", `/job-orders/${made.order.id}/candidates`)).status).toBe(404);
    expect((await move(stranger, e2, "select")).status).toBe(404);
  });

  it("keeps recorded placements at or above the candidates selected through Jembatan", async () => {
    const { made: order, employer: boss, agency, worker } = await shortlistScenario(deps, { positions: 2 });
    const id = await worker(agency, "holder");
    await agency.call("POST", `/job-orders/${order.order.id}/shortlist`, { workerIds: [id] });
    const e = await entryOf(agency, order.order.id, id);
    await move(agency, e, "propose");
    expect((await move(boss, e, "select")).status).toBe(200);
    await expect(recordPlacements(deps, order.employerActor, order.order.id, 0)).rejects.toMatchObject({
      code: "invalid",
      messageKey: "errors.filled_below_selected",
    });
    expect(
      (
        await deps.db
          .selectFrom("job_orders")
          .select("positions_filled")
          .where("id", "=", order.order.id)
          .executeTakeFirstOrThrow()
      ).positions_filled,
    ).toBe(1);
  });

  it("stops showing and selecting a proposed candidate who withdrew consent, and never selects one worker twice", async () => {
    const { made: o1, employer: boss1, agency, worker, edit } = await shortlistScenario(deps, { positions: 2 });
    const o2 = await verifiedOrder(deps, { positions: 2 });
    const boss2 = await apiFor(deps, o2.employer);
    const leaving = await worker(agency, "t1");
    const twice = await worker(agency, "t2");
    for (const o of [o1, o2])
      await agency.call("POST", `/job-orders/${o.order.id}/shortlist`, { workerIds: [leaving, twice] });
    const entries = async (o: typeof o1) => [
      await entryOf(agency, o.order.id, leaving),
      await entryOf(agency, o.order.id, twice),
    ];
    const [l1, t1] = await entries(o1);
    const [, t2] = await entries(o2);
    for (const e of [l1!, t1!, t2!]) expect((await move(agency, e, "propose")).status).toBe(200);

    await edit(agency, "t1", { consentToMatching: false });
    const seen = (await boss1.call("GET", `/job-orders/${o1.order.id}/candidates`)).json.candidates.map(
      (c: { entryId: string }) => c.entryId,
    );
    expect(seen).toEqual([t1]);
    const refused = await move(boss1, l1!, "select");
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/no longer available/);

    expect((await move(boss1, t1!, "select")).status).toBe(200);
    const second = await move(boss2, t2!, "select");
    expect(second.status).toBe(409);
    expect(
      (
        await deps.db
          .selectFrom("job_orders")
          .select("positions_filled")
          .where("id", "=", o2.order.id)
          .executeTakeFirstOrThrow()
      ).positions_filled,
    ).toBe(0);
  });
});
