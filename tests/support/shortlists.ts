import { randomInt } from "node:crypto";
import { addDays } from "~/domain/dates";
import type { Deps } from "~/services/deps.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { Client } from "./http";
import { apiFor, apiOrg, type ApiOrg } from "./job-orders";
import { verifiedOrder } from "./matching";
import { agencyActor, workerInput } from "./workers";

type WorkerPatch = Parameters<typeof workerInput>[0];
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

/** The id of a worker's entry on an order's shortlist, as the agency's API lists it. */
export async function entryOf(api: ApiOrg, orderId: string, workerId: string): Promise<string> {
  const r = await api.call("GET", `/job-orders/${orderId}/shortlist`);
  const item = r.json.items.find((i: { workerId: string }) => i.workerId === workerId);
  if (!item) throw new Error("not on the shortlist");
  return item.entryId;
}

/** One move on a shortlist entry, as `api`'s organisation. */
export const move = (api: ApiOrg, entryId: string, action: string, reason?: string) =>
  api.call("POST", `/shortlist/${entryId}/moves`, reason ? { action, reason } : { action });

export type ShortlistScenario = Awaited<ReturnType<typeof shortlistScenario>>;

/**
 * What one shortlist test starts from, made for that test alone: a verified order with its employer, an agency and
 * a second agency, and helpers that make workers who pass every gate of the order and put them on its shortlist.
 * Names and references carry `tag`, so a test can scan any answer for them; `workers` maps each key to its id.
 */
export async function shortlistScenario(deps: Deps, opts: { positions?: number } = {}) {
  const [agency, other, made] = await Promise.all([
    apiOrg(deps, "agency"),
    apiOrg(deps, "agency"),
    verifiedOrder(deps, { positions: opts.positions ?? 3 }),
  ]);
  const employer = await apiFor(deps, made.employer);
  const tag = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
  const start = made.order.start_date;
  const workers: Record<string, string> = {};

  /** A worker of `api`'s agency who passes every gate of the order unless `patch` breaks one. */
  async function worker(api: ApiOrg, key: string, patch: WorkerPatch = {}): Promise<string> {
    const saved = await saveWorker(
      deps,
      agencyActor(api.org),
      workerInput({
        fullName: `Pekerja ${key} ${tag}`,
        externalRef: `${key}-${tag}`,
        nik: digits(16),
        passportNumber: `P${digits(7)}`,
        phone: `+62 812 ${digits(4)} ${digits(4)}`,
        experiences: [{ sector: "cruise", iscoCode: "5131", years: 4 }],
        certificates: [{ code: "stcw_bst", expiresOn: addDays(start, 1500) }],
        availableFrom: addDays(start, -10),
        ...patch,
      }),
    );
    workers[key] = saved.id;
    return saved.id;
  }

  /** The agency edits a worker's profile (identifiers left as stored): `patch` over a profile that passes. */
  async function edit(api: ApiOrg, key: string, patch: WorkerPatch): Promise<void> {
    const base = {
      fullName: `Pekerja ${key} ${tag}`,
      externalRef: `${key}-${tag}`,
      nik: undefined,
      passportNumber: undefined,
    };
    await saveWorker(
      deps,
      agencyActor(api.org),
      workerInput({
        ...base,
        certificates: [{ code: "stcw_bst", expiresOn: addDays(start, 1500) }],
        availableFrom: addDays(start, -10),
        ...patch,
      }),
      workers[key],
    );
  }

  /** New workers of the agency on the order's shortlist; those in `propose` proposed to the employer. Entry ids by key. */
  async function shortlisted(keys: string[], opts: { propose?: string[] } = {}): Promise<Record<string, string>> {
    for (const k of keys) await worker(agency, k);
    const r = await agency.call("POST", `/job-orders/${made.order.id}/shortlist`, {
      workerIds: keys.map((k) => workers[k]),
    });
    if (r.status !== 201) throw new Error(`shortlisting answered ${r.status}`);
    const entries: Record<string, string> = {};
    for (const k of keys) entries[k] = await entryOf(agency, made.order.id, workers[k]!);
    for (const k of opts.propose ?? []) {
      const p = await move(agency, entries[k]!, "propose");
      if (p.status !== 200) throw new Error(`proposing ${k} answered ${p.status}`);
    }
    return entries;
  }

  /**
   * A candidate well along: proposed, invited to interview, a note by the agency, consent to disclosure, and the
   * employer's look at the identity through the API and on the page (two disclosures logged). Returns the entry id.
   */
  async function disclosedCandidate(key: string): Promise<string> {
    const entry = (await shortlisted([key], { propose: [key] }))[key]!;
    const steps = [
      await move(employer, entry, "request_interview"),
      await agency.call("POST", `/shortlist/${entry}/notes`, { body: "Strong English; renew the medical in March." }),
      await agency.call("POST", `/shortlist/${entry}/disclosure-consent`),
      await employer.call("GET", `/job-orders/${made.order.id}/candidates`),
    ];
    const refused = steps.find((s) => s.status >= 300);
    if (refused) throw new Error(`arranging a disclosed candidate: ${refused.status} ${JSON.stringify(refused.json)}`);
    const browser = new Client();
    await browser.logIn(made.employer.email, made.employer.password);
    const page = await browser.get(`/job-orders/${made.order.id}/candidates`);
    if (page.status !== 200) throw new Error(`the candidates page answered ${page.status}`);
    return entry;
  }

  return { made, employer, agency, other, tag, workers, worker, edit, shortlisted, disclosedCandidate };
}
