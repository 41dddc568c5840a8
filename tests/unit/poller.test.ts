import { describe, expect, it } from "vitest";
import { startPoller } from "~/services/background/poller.server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the background poller", () => {
  it("ticks on its interval, never two at a time, outlives a tick that throws, and stop waits for the tick", async () => {
    let running = 0;
    let most = 0;
    let ticks = 0;
    const poller = startPoller(
      async () => {
        ticks++;
        running++;
        most = Math.max(most, running);
        await sleep(30); // longer than the interval: the ticks due meanwhile wait
        running--;
        if (ticks === 2) throw new Error("a tick that forgot to catch");
      },
      { intervalMs: 10 },
    );
    await expect.poll(() => ticks, { timeout: 10_000 }).toBeGreaterThanOrEqual(4); // past the throw at the 2nd
    await poller.stop();
    const after = ticks;
    expect(most).toBe(1);
    expect(running).toBe(0);
    await sleep(50);
    expect(ticks).toBe(after); // nothing after stop
  });

  it("ticks at once unless told not to", async () => {
    const counts = { now: 0, later: 0 };
    const now = startPoller(async () => void counts.now++, { intervalMs: 3_600_000 });
    const later = startPoller(async () => void counts.later++, { intervalMs: 3_600_000, immediately: false });
    await sleep(20); // a turn of the event loop: the first tick is due at once, the next in an hour
    await now.stop();
    await later.stop();
    expect(counts).toEqual({ now: 1, later: 0 });
  });

  it("tells a long tick that it was stopped", async () => {
    let started = false;
    let sawStop = false;
    const poller = startPoller(
      async (stopped) => {
        started = true;
        while (!stopped()) await sleep(5);
        sawStop = true;
      },
      { intervalMs: 3_600_000 },
    );
    await expect.poll(() => started).toBe(true);
    await poller.stop();
    expect(sawStop).toBe(true);
  });
});
