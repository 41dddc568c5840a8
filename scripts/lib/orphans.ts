import { readFile } from "node:fs/promises";

export interface Holder {
  pid: number;
  parentPid: number;
  parentCommand: string;
  /** its parent is gone (reparented to init or a subreaper that is not one of our node processes) */
  orphan: boolean;
}

async function cmdline(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

/** Who started the process `pid`, and whether that starter has gone (then `pid` is an orphan we may stop). */
export async function describeHolder(pid: number): Promise<Holder> {
  let parentPid = 0;
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ")".
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    parentPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    // not Linux, or the process just ended
  }
  const parentCommand = parentPid > 0 ? await cmdline(parentPid) : "";
  const orphan = parentPid <= 1 || !/\b(node|tsx)\b/.test(parentCommand);
  return { pid, parentPid, parentCommand, orphan };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks `pid` to stop (`signal`), then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
