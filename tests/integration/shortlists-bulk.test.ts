import { afterAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { testDeps } from "../support/fixtures";
import { Client, formFields } from "../support/http";
import { entryOf, shortlistScenario } from "../support/shortlists";
import { waitIndexed } from "../support/workers";

// Near misses on the shortlist and bulk moves with a confirmation, over HTTP (issue 15, parts 2 and 8).

const deps = testDeps();
afterAll(() => deps.db.destroy());

/** A form body with repeated fields (several ticked boxes), as a browser sends it. */
const form = formFields;

const stage = async (id: string) =>
  (await deps.db.selectFrom("shortlist_entries").select("stage").where("id", "=", id).executeTakeFirstOrThrow()).stage;

describe("near misses and bulk moves on the agency's pages", () => {
  it("shortlists a near miss flagged with its fix, and proposes in bulk only after a confirmation, never the flagged one", async () => {
    const { made, agency, other, tag, worker } = await shortlistScenario(deps, { positions: 3 });
    const orderId = made.order.id;
    const browser = new Client();
    await browser.logIn(agency.email, agency.password);
    const q1 = await worker(agency, "q1");
    const q2 = await worker(agency, "q2");
    const late = await worker(agency, "late", { availableFrom: addDays(made.order.start_date, 20) });
    await waitIndexed(deps, [q1, q2, late]);

    // the near miss can be ticked on the match page and goes on the shortlist with the others
    const matches = await (await browser.get(`/job-orders/${orderId}/matches`)).text();
    expect(matches).toMatch(new RegExp(`id="add-near"[\\s\\S]*value="${late}"`));
    const added = await browser.post(`/job-orders/${orderId}/matches`, form({ workerIds: [q1, q2, late] }));
    expect(added.status).toBe(302);
    const [e1, e2, eLate] = [
      await entryOf(agency, orderId, q1),
      await entryOf(agency, orderId, q2),
      await entryOf(agency, orderId, late),
    ];

    // flagged with what it lacks and how to fix it; no propose button for it; the others show score and qualifications
    const page = await (await browser.get(`/job-orders/${orderId}/shortlist`)).text();
    const lateCard = page.slice(
      page.indexOf(`id="e-${eLate}"`),
      page.indexOf("</li>", page.indexOf(`id="e-${eLate}"`)),
    );
    expect(lateCard).toContain("Cannot be proposed until this is fixed");
    expect(lateCard).toMatch(/class="fix"/);
    expect(lateCard).not.toContain("Propose to employer");
    const q1Card = page.slice(page.indexOf(`id="e-${e1}"`));
    expect(q1Card).toMatch(/class="score"/);
    expect(q1Card).toContain("Waiters 4 yrs");
    expect(page).toContain('form="bulk"');

    // a bulk move is reviewed first: nothing changes, and the flagged candidate is named as staying
    const preview = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({
        intent: "bulk_preview",
        action: "propose",
        entryIds: [e1, e2, eLate],
      }),
    );
    expect(preview.status).toBe(200);
    const confirm = await preview.text();
    expect(confirm).toContain("Propose these candidates to the employer?");
    expect(confirm).toContain("2 candidates will be proposed");
    expect(confirm).toContain("These will not move:");
    expect(confirm).toContain("Propose 2");
    for (const e of [e1, e2, eLate]) expect(await stage(e)).toBe("shortlisted");

    // confirmed, the two move and the flagged one stays; even if it is posted, it is refused and named
    const done = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({
        intent: "bulk",
        action: "propose",
        entryIds: [e1, e2, eLate],
      }),
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("2 candidates proposed.");
    expect(await stage(e1)).toBe("proposed");
    expect(await stage(e2)).toBe("proposed");
    expect(await stage(eLate)).toBe("shortlisted");

    // posted again (a second tab), each refusal says why, with the stage named; a box posted twice is one candidate
    const again = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({ intent: "bulk", action: "propose", entryIds: [e1, e1] }),
    );
    const againText = await again.text();
    expect(again.status).toBe(200);
    expect(againText).toContain("Not possible while the candidate is");
    expect(againText).not.toContain("{stage}");
    const twice = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({ intent: "bulk_preview", action: "withdraw", reason: "other", entryIds: [e1, e1] }),
    );
    expect(await twice.text()).toContain("1 candidate will be withdrawn from this order.");

    // a near miss that cannot be added says so on the near-miss list's own form
    const none = await browser.post(`/job-orders/${orderId}/matches`, form({ list: "near" }));
    expect(none.status).toBe(400);
    expect(await none.text()).toMatch(/id="add-near-error"[^>]*>[^<]*Choose at least one candidate/);

    // withdrawing in bulk needs a reason, in the reader's language, and changes nothing without one
    const noReason = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({ intent: "bulk_preview", action: "withdraw", entryIds: [e1] }),
      { headers: { "Accept-Language": "en" } },
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Choose a reason.");

    // another agency's entries, unknown ids and bad actions are refused and store nothing
    const stranger = new Client();
    await stranger.logIn(other.email, other.password);
    const theirs = await stranger.post(
      `/job-orders/${orderId}/shortlist`,
      form({
        intent: "bulk",
        action: "withdraw",
        reason: "other",
        entryIds: [e1],
      }),
    );
    expect(theirs.status).toBe(422); // the order is open to every agency; this entry is not on their shortlist
    expect(await theirs.text()).toContain("1 of the chosen candidates are not on this shortlist.");
    const bad = await browser.post(
      `/job-orders/${orderId}/shortlist`,
      form({
        intent: "bulk",
        action: "select",
        entryIds: ["not-a-uuid"],
      }),
    );
    expect(bad.status).toBe(400);
    expect(await stage(e1)).toBe("proposed");

    // the CSV has the score, the qualifications and readable dates, and no ISO timestamps
    const csv = new TextDecoder().decode(
      new Uint8Array(await (await browser.get(`/job-orders/${orderId}/shortlist.csv`)).arrayBuffer()).slice(3),
    );
    expect(csv).toContain("Waiters 4 yrs");
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(csv).toContain(tag);
  });
});
