/**
 * A background loop started with the HTTP server (the search outbox, fit notifications, the ranking keeper): runs
 * `tick` every `intervalMs`, and at once unless `immediately` is false, one tick at a time (a slow tick is never
 * overlapped by the next; the ticks due meanwhile queue behind it). A tick handles its own errors; one that throws
 * anyway does not stop the loop. `stop` ends the loop and waits for the tick under way; `stopped` tells a long tick
 * to end early.
 */
export function startPoller(
  tick: (stopped: () => boolean) => Promise<void>,
  opts: { intervalMs: number; immediately?: boolean },
): { stop(): Promise<void> } {
  let stopped = false;
  const isStopped = () => stopped;
  let running: Promise<void> = Promise.resolve();
  const next = () => {
    running = running.then(() => (stopped ? undefined : tick(isStopped))).catch(() => undefined);
  };
  const timer = setInterval(next, opts.intervalMs);
  timer.unref();
  if (opts.immediately ?? true) next();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
