/**
 * A log that says the first occurrence of each (key) at once and then at most one line per `everyMs`, with a
 * count of the lines it left out: a fault under load must not flood the log, and its first sign is never silent.
 * Only causes and counts go in: never a request body or personal data.
 */
export interface RateLimitedLog {
  (key: string, line: string): void;
}

export function rateLimitedLog(
  write: (line: string) => void,
  opts: { everyMs?: number; now?: () => number } = {},
): RateLimitedLog {
  const everyMs = opts.everyMs ?? 10_000;
  const now = opts.now ?? Date.now;
  const last = new Map<string, { at: number; suppressed: number }>();
  return (key, line) => {
    const t = now();
    const seen = last.get(key);
    if (seen && t - seen.at < everyMs) {
      seen.suppressed++;
      return;
    }
    const more = seen?.suppressed ? ` (+${seen.suppressed} more like it since the last line)` : "";
    last.set(key, { at: t, suppressed: 0 });
    if (last.size > 1000) last.delete(last.keys().next().value as string); // bounded: causes with ids in them
    write(line + more);
  };
}
