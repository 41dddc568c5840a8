// The import parse worker's entry (a worker_threads thread, started by import-parse-pool.server.ts with tsx as its
// loader): reads an uploaded file (CSV or a JSON array) and checks every row against the shared schema, sending
// the results back in chunks, so the request's event loop only receives finished rows and writes them.
// Not bundled into build/: loaded by path, so it imports the domain relatively.
import { parentPort } from "node:worker_threads";
import { importFileRows } from "../../domain/workers/import-format";
import { importRowChecker, MAX_IMPORT_ROWS, type RowIssue, type ValidRow } from "../../domain/workers/import-rows";

export interface ParseJob {
  id: number;
  /** the file's text, or its UTF-8 bytes (decoded here) */
  file: string | Uint8Array;
  chunkRows: number;
  /** [chunks the requesting thread has received]: the worker stays at most MAX_AHEAD chunks ahead of it */
  received: SharedArrayBuffer;
  /** the import's day (the requesting thread's clock): the schema's date windows count from it */
  today: string;
}

/**
 * Why a window: a MessagePort delivers every queued message in one go, so if the worker ran far ahead, the
 * requesting thread would deserialise hundreds of chunks in one uninterrupted task (a 1.4 s stall was measured).
 */
export const MAX_AHEAD = 2;

export type ParseMessage =
  | { id: number; type: "rows"; valid: ValidRow[]; errors: RowIssue[] }
  | { id: number; type: "done"; total: number }
  | { id: number; type: "unreadable" }
  | { id: number; type: "too_large" }
  | { id: number; type: "failed"; message: string };

function run(job: ParseJob, send: (m: ParseMessage) => void) {
  const text = typeof job.file === "string" ? job.file : new TextDecoder("utf-8").decode(job.file);
  const rows = importFileRows(text);
  if (!rows) return send({ id: job.id, type: "unreadable" });
  const check = importRowChecker(job.today);
  let valid: ValidRow[] = [];
  let errors: RowIssue[] = [];
  let total = 0;
  let sent = 0;
  const received = new Int32Array(job.received);
  try {
    for (const r of rows) {
      if (++total > MAX_IMPORT_ROWS) return send({ id: job.id, type: "too_large" });
      const result = check(r);
      if (Array.isArray(result)) errors.push(...result);
      else valid.push(result);
      if (total % job.chunkRows === 0) {
        send({ id: job.id, type: "rows", valid, errors });
        valid = [];
        errors = [];
        sent++;
        for (let got = Atomics.load(received, 0); sent - got > MAX_AHEAD; got = Atomics.load(received, 0))
          Atomics.wait(received, 0, got, 1_000);
      }
    }
  } catch (e) {
    if (e instanceof SyntaxError) return send({ id: job.id, type: "unreadable" });
    throw e;
  }
  send({ id: job.id, type: "rows", valid, errors });
  send({ id: job.id, type: "done", total });
}

parentPort?.on("message", (job: ParseJob) => {
  const send = (m: ParseMessage) => parentPort!.postMessage(m);
  try {
    run(job, send);
  } catch (e) {
    send({ id: job.id, type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
});
