import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "~/components/i18n";

// The kiosk's view of its lead outbox (lead-queue.client.ts): how many wait and how many the server refused, and a
// drain on load, whenever the browser says the network is back, after every new lead and every 15 s.

export interface LeadQueueState {
  waiting: number;
  refused: number;
  /** the server answered 401: this device's credential was revoked (its leads stay until it is enrolled again) */
  revoked: boolean;
}

export interface LeadQueue {
  state: LeadQueueState;
  /** queues a lead and tries to send it at once; true when it is still waiting afterwards */
  add: (id: string, body: string) => Promise<boolean>;
}

const RETRY_MS = 15_000;

export function useLeadQueue(slug: string): LeadQueue {
  const [state, setState] = useState<LeadQueueState>({ waiting: 0, refused: 0, revoked: false });
  const notBefore = useRef(0);

  const drain = useCallback(async () => {
    const q = await import("./lead-queue.client");
    if (performance.now() >= notBefore.current) {
      const r = await q.drainLeads(slug);
      if (r.stop === "limited") notBefore.current = performance.now() + (r.retryAfterMs ?? RETRY_MS);
      const s = await q.queueState(slug);
      setState({ ...s, revoked: r.stop === "revoked" });
      return s;
    }
    const s = await q.queueState(slug);
    setState((old) => ({ ...old, ...s }));
    return s;
  }, [slug]);

  useEffect(() => {
    const run = () => void drain().catch(() => undefined);
    run();
    const timer = window.setInterval(run, RETRY_MS);
    window.addEventListener("online", run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("online", run);
    };
  }, [drain]);

  const add = useCallback(
    async (id: string, body: string) => {
      const q = await import("./lead-queue.client");
      // eslint-disable-next-line no-restricted-syntax -- the queue's order is the device's own clock
      await q.enqueueLead(slug, id, body, Date.now());
      const s = await drain().catch(() => null);
      if (!s) return true;
      return (await q.queuedLeads(slug)).some((l) => l.id === id);
    },
    [slug, drain],
  );

  return { state, add };
}

export function QueueStatus({ state }: { state: LeadQueueState }) {
  const t = useT();
  if (!state.waiting && !state.refused && !state.revoked) return <div className="kiosk-queue" role="status" />;
  return (
    <div className="kiosk-queue on" role="status" data-testid="kiosk-queue">
      {state.waiting ? (
        <p>
          {state.waiting === 1 ? t("booth.queue.waiting_one") : t("booth.queue.waiting_many", { count: state.waiting })}
        </p>
      ) : null}
      {state.refused ? (
        <p>
          {state.refused === 1 ? t("booth.queue.refused_one") : t("booth.queue.refused_many", { count: state.refused })}
        </p>
      ) : null}
      {state.revoked ? <p>{t("booth.queue.revoked")}</p> : null}
    </div>
  );
}
