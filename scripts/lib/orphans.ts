import { readFileSync } from "node:fs";
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

export interface ProcStat {
  /** the command name (comm) */
  name: string;
  /** R, S, Z, … */
  state: string;
  parentPid: number;
  groupId: number;
}

/** A process's /proc/<pid>/stat, or null (not Linux, or the process has ended). */
export function procStat(pid: number): ProcStat | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
  const close = stat.lastIndexOf(")");
  const [state = "", ppid, pgrp] = stat.slice(close + 2).split(" ");
  return { name: stat.slice(stat.indexOf("(") + 1, close), state, parentPid: Number(ppid), groupId: Number(pgrp) };
}

/** Who started the process `pid`, and whether that starter has gone (then `pid` is an orphan we may stop). */
export async function describeHolder(pid: number): Promise<Holder> {
  const parentPid = procStat(pid)?.parentPid ?? 0;
  const parentCommand = parentPid > 0 ? await cmdline(parentPid) : "";
  const orphan = parentPid <= 1 || !/\b(node|tsx)\b/.test(parentCommand);
  return { pid, parentPid, parentCommand, orphan };
}

/** The process exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
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
