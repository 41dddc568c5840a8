import { startPoller } from "../background/poller.server";
import { isoDay } from "~/domain/dates";
import type { Locale } from "~/i18n/locales";
import { isLocale } from "~/i18n/locales";
import { notificationText } from "~/i18n/notification-text";
import { translate } from "~/i18n/translate";
import { enqueueEmails } from "~db/email-outbox";
import {
  claimFitJobs,
  deferFitJob,
  indexBehind,
  lockPendingFitJob,
  markFitJobDone,
  markFitJobFailed,
  recordFitDeliveries,
  type ClaimedFitJob,
} from "~db/fit-notification-jobs";
import { findJobOrder } from "~db/job-orders";
import { insertNotifications } from "~db/notifications";
import { listRecipients } from "~db/users";
import type { Deps } from "../deps.server";
import { countsByAgency, isMatchable } from "../matching/match-order.server";

// "A newly verified order fits N of your available workers" (decision 023). The verification writes a job row;
// this processor counts each licensed agency's fitting profiles through the matching engine (the ministry's
// counts: the same gates, the same index) and, in one transaction, writes the notifications, queues the mails and
// marks the job done. A job that fails (Meilisearch down, PostgreSQL restarting) backs off and is retried, never
// dropped; the deliveries table's key (job, agency) makes a retried job tell no agency twice. Only the order's
// title and reference and a count are written: no worker's name or identifier.

export const FIT_JOB_LEASE_SECONDS = 30;
/** How long a job waits for profile changes committed before it to reach the index, at most. */
const INDEX_WAIT_MS = 10 * 60_000;
const KIND = "order_fits";

export interface FitRunResult {
  claimed: number;
  done: number;
  failed: number;
  deferred: number;
  /** agencies told in this run */
  notified: number;
  error?: string;
}

/**
 * One run over the due jobs (the background processor's tick; tests call it directly). `jobOrderIds` takes only
 * those orders' jobs.
 */
export async function processFitNotifications(
  deps: Deps,
  opts: { limit?: number; jobOrderIds?: readonly string[] } = {},
): Promise<FitRunResult> {
  const jobs = await claimFitJobs(deps.db, opts.limit ?? 20, FIT_JOB_LEASE_SECONDS, opts.jobOrderIds);
  const result: FitRunResult = { claimed: jobs.length, done: 0, failed: 0, deferred: 0, notified: 0 };
  for (const job of jobs) {
    try {
      const outcome = await processJob(deps, job);
      if (outcome === "deferred") result.deferred++;
      else {
        result.done++;
        result.notified += outcome;
      }
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      result.failed++;
      result.error = error;
      // if PostgreSQL is the part that is down this fails too: the lease then lapses and the job is taken again
      await markFitJobFailed(deps.db, job.id, error).catch(() => undefined);
    }
  }
  return result;
}

async function processJob(deps: Deps, job: ClaimedFitJob): Promise<number | "deferred"> {
  const now = deps.now();
  // profiles saved before the verification count: wait (bounded) for the index to have them
  if (now.getTime() - job.created_at.getTime() < INDEX_WAIT_MS && (await indexBehind(deps.db, job.created_at))) {
    await deferFitJob(deps.db, job.id, 2);
    return "deferred";
  }
  const today = isoDay(now);
  const order = await findJobOrder(deps.db, job.job_order_id);
  if (!order || !isMatchable(order, today)) {
    // revoked, filled or expired before it could be announced: nothing to tell
    await markFitJobDone(deps.db, job.id, "not matchable");
    return 0;
  }
  const { byAgency } = await countsByAgency(deps, order, today);
  const counts = new Map(byAgency.filter((a) => a.count > 0).map((a) => [a.agencyId, a.count]));
  return deps.db.transaction().execute(async (tx) => {
    if (!(await lockPendingFitJob(tx, job.id))) return 0; // another processor finished it meanwhile
    const fresh = await recordFitDeliveries(tx, job.id, [...counts.keys()]);
    const params = (agencyId: string) => ({
      reference: order.reference,
      title: order.title,
      count: String(counts.get(agencyId)!),
    });
    const path = `/job-orders/${order.id}/matches`;
    await insertNotifications(
      tx,
      fresh.map((orgId) => ({
        orgId,
        kind: KIND,
        jobOrderId: order.id,
        entryId: null,
        params: { ...params(orgId), path },
      })),
    );
    const mails = [];
    for (const orgId of fresh) {
      for (const u of await listRecipients(tx, [orgId])) {
        const locale: Locale = u.locale && isLocale(u.locale) ? u.locale : "en";
        const p = params(orgId);
        mails.push({
          toEmail: u.email,
          locale,
          kind: KIND,
          subject: notificationText(locale, KIND, "subject", p),
          body: `${notificationText(locale, KIND, "text", p)}\n\n${translate(locale, "notify.open", { path })}\n`,
        });
      }
    }
    await enqueueEmails(tx, mails);
    await markFitJobDone(tx, job.id);
    return fresh.length;
  });
}

/**
 * The processor started with the HTTP server: polls (no LISTEN/NOTIFY, as the search outbox) and survives every
 * error of a tick (PostgreSQL restarting, Meilisearch down): the next tick tries again.
 */
export function startFitNotifier(
  deps: Deps,
  opts: { intervalMs: number; onError?: (e: unknown) => void; onJobFailed?: (r: FitRunResult) => void },
) {
  return startPoller(
    async (stopped) => {
      try {
        for (;;) {
          const r = await processFitNotifications(deps);
          if (r.failed > 0) opts.onJobFailed?.(r);
          if (r.claimed === 0 || r.failed > 0 || r.deferred === r.claimed || stopped()) return;
        }
      } catch (e) {
        opts.onError?.(e);
      }
    },
    { intervalMs: opts.intervalMs },
  );
}
