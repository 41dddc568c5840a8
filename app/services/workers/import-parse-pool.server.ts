import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RowIssue, ValidRow } from "~/domain/workers/import-rows";
import type { ParseJob, ParseMessage } from "./import-parse-worker";

// A small pool of worker threads that parse and check uploaded import files (docs/decisions/013-import-off-the-
// event-loop.md). The worker entry is TypeScript loaded by path with tsx, the loader every entry point already
// runs under; the path is found from this module's own location, which is app/services/workers/ when run from
// source and build/ when bundled into the built server, by walking up to the project root.

const ENTRY = "app/services/workers/import-parse-worker.ts";
const SIZE = Math.max(1, Math.min(2, availableParallelism()));
/** An idle worker is stopped after this long (its heap held the last file's rows). */
const IDLE_MS = 30_000;
const WORKER_NICE = 10;

export interface CheckedFile {
  total: number;
  valid: ValidRow[];
  errors: RowIssue[];
}
export type ParseOutcome = CheckedFile | "unreadable" | "too_large";

function projectRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ;) {
    if (existsSync(path.join(dir, ENTRY))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${ENTRY} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

let bootstrap: string | undefined;
/**
 * The worker runs a short bootstrap that lowers its own priority, registers tsx's require hook and requires the
 * TypeScript entry. (On Node 20, `execArgv: ["--import", "tsx"]` and tsx's ESM register() do not reach a worker's
 * own module loading.) The priority: on two shared cores the worker competes with the event loop for CPU, and it
 * is the background work, so on Linux (where a thread is a task with its own id) it runs at nice 10 from its first
 * instruction and the thread answering requests is scheduled first; elsewhere this is skipped.
 */
function startWorker(): Worker {
  if (!bootstrap) {
    const root = projectRoot();
    const tsx = createRequire(path.join(root, "package.json")).resolve("tsx/cjs/api");
    bootstrap = [
      `try { require("node:os").setPriority(Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop()), ${WORKER_NICE}); } catch {}`,
      `require(${JSON.stringify(tsx)}).register();`,
      `require(${JSON.stringify(path.join(root, ENTRY))});`,
    ].join("\n");
  }
  return new Worker(bootstrap, { eval: true });
}

interface Slot {
  worker: Worker;
  busy: boolean;
  idle?: NodeJS.Timeout;
}
const slots: Slot[] = [];
const waiting: ((slot: Slot) => void)[] = [];
let nextId = 1;

function newSlot(): Slot {
  const slot: Slot = { worker: startWorker(), busy: false };
  slot.worker.on("error", () => undefined); // the job it held fails with it (parseInWorker)
  slot.worker.once("exit", () => {
    slots.splice(slots.indexOf(slot) >>> 0, 1);
    // a job queued for the worker that is gone gets a new one
    const next = waiting.shift();
    if (next) next(take(newSlot()));
  });
  slots.push(slot);
  return slot;
}

function acquire(): Promise<Slot> {
  const free = slots.find((s) => !s.busy) ?? (slots.length < SIZE ? newSlot() : undefined);
  if (free) return Promise.resolve(take(free));
  return new Promise((resolve) => waiting.push(resolve));
}

function take(slot: Slot): Slot {
  clearTimeout(slot.idle);
  slot.busy = true;
  slot.worker.ref();
  return slot;
}

function release(slot: Slot) {
  slot.busy = false;
  slot.worker.unref();
  const next = waiting.shift();
  if (next) return next(take(slot));
  slot.idle = setTimeout(() => void slot.worker.terminate(), IDLE_MS);
  slot.idle.unref();
}

/**
 * Parses and checks a file in a worker thread. The rows come back `chunkRows` at a time (each message is small to
 * receive). The file is copied to the worker (a memcpy, not a parse), so the caller still holds it. Rejects when
 * the worker fails or dies.
 */
export async function parseInWorker(
  file: string | Uint8Array,
  chunkRows: number,
  today: string,
): Promise<ParseOutcome> {
  const slot = await acquire();
  const id = nextId++;
  const result: CheckedFile = { total: 0, valid: [], errors: [] };
  const received = new SharedArrayBuffer(4);
  const counter = new Int32Array(received);
  try {
    return await new Promise<ParseOutcome>((resolve, reject) => {
      const onMessage = (m: ParseMessage) => {
        if (m.id !== id) return;
        if (m.type === "rows") {
          for (const v of m.valid) result.valid.push(v);
          for (const e of m.errors) result.errors.push(e);
          Atomics.add(counter, 0, 1);
          Atomics.notify(counter, 0);
          return;
        }
        cleanup();
        if (m.type === "done") resolve({ ...result, total: m.total });
        else if (m.type === "failed") reject(new Error(`import parse worker: ${m.message}`));
        else resolve(m.type);
      };
      const onError = (e: Error) => (cleanup(), reject(e));
      const onExit = (code: number) => (cleanup(), reject(new Error(`import parse worker exited (${code})`)));
      const cleanup = () => {
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.worker.off("exit", onExit);
      };
      slot.worker.on("message", onMessage);
      slot.worker.once("error", onError);
      slot.worker.once("exit", onExit);
      const job: ParseJob = { id, file, chunkRows, received, today };
      slot.worker.postMessage(job);
    });
  } finally {
    if (slots.includes(slot)) release(slot);
  }
}
