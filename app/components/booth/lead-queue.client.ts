import { openDB, type DBSchema, type IDBPDatabase } from "idb";

// The kiosk's outbox for leads (decision 019): every lead is written here first, under the UUID the device made
// for it, and sent from here; it leaves only when the server answered that it holds it (201 stored, 200 already
// stored). So a lead captured without Wi-Fi, a lost answer or a tab closed mid-send is sent again, and the server's
// "once per UUID" makes the repeats harmless. IndexedDB survives a reload and a restart of the browser.

export interface QueuedLead {
  id: string;
  slug: string;
  /** the urlencoded body exactly as POST /booth/<event>/leads takes it */
  body: string;
  queuedAt: number;
  /** "refused": the server answered that it will never take it as it is (4xx other than 401/429) */
  state: "waiting" | "refused";
  tries: number;
}

interface BoothDb extends DBSchema {
  leads: { key: string; value: QueuedLead; indexes: { slug: string } };
}

let opened: Promise<IDBPDatabase<BoothDb>> | null = null;
const db = () =>
  (opened ??= openDB<BoothDb>("jembatan-booth", 1, {
    upgrade(d) {
      d.createObjectStore("leads", { keyPath: "id" }).createIndex("slug", "slug");
    },
  }));

export async function enqueueLead(slug: string, id: string, body: string, at: number): Promise<void> {
  await (await db()).put("leads", { id, slug, body, queuedAt: at, state: "waiting", tries: 0 });
}

export async function queuedLeads(slug: string): Promise<QueuedLead[]> {
  const all = await (await db()).getAllFromIndex("leads", "slug", slug);
  return all.sort((a, b) => a.queuedAt - b.queuedAt);
}

export interface QueueState {
  waiting: number;
  refused: number;
}

export async function queueState(slug: string): Promise<QueueState> {
  const all = await queuedLeads(slug);
  return {
    waiting: all.filter((l) => l.state === "waiting").length,
    refused: all.filter((l) => l.state === "refused").length,
  };
}

/** Forgets leads the server refused for good (staff decide, on un-enrolling). */
export async function discardRefused(slug: string): Promise<void> {
  const d = await db();
  for (const l of await queuedLeads(slug)) if (l.state === "refused") await d.delete("leads", l.id);
}

export type DrainStop = "done" | "offline" | "revoked" | "limited";
export interface DrainResult {
  sent: number;
  stop: DrainStop;
  /** when "limited": wait this long before the next try */
  retryAfterMs?: number;
}

let draining: Promise<DrainResult> | null = null;

/** Sends every waiting lead of the event, oldest first; one drain at a time (a second call joins the first). */
export function drainLeads(slug: string): Promise<DrainResult> {
  draining ??= drain(slug).finally(() => {
    draining = null;
  });
  return draining;
}

async function drain(slug: string): Promise<DrainResult> {
  const d = await db();
  let sent = 0;
  for (const lead of await queuedLeads(slug)) {
    if (lead.state !== "waiting") continue;
    let res: Response;
    try {
      res = await fetch(`/booth/${encodeURIComponent(slug)}/leads`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: lead.body,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch {
      return { sent, stop: "offline" };
    }
    if (res.status === 200 || res.status === 201) {
      await d.delete("leads", lead.id);
      sent++;
    } else if (res.status === 401) {
      return { sent, stop: "revoked" };
    } else if (res.status === 429) {
      const s = Number(res.headers.get("Retry-After"));
      return { sent, stop: "limited", retryAfterMs: (Number.isFinite(s) && s > 0 ? s : 60) * 1000 };
    } else if (res.status >= 500 || res.status === 408) {
      // the server or a proxy of the venue failed: the lead waits for the next try
      return { sent, stop: "offline" };
    } else {
      await d.put("leads", { ...lead, state: "refused", tries: lead.tries + 1 });
    }
  }
  return { sent, stop: "done" };
}
