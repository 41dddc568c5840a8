import type { Db } from "~db/client";
import type { Search } from "~search/client";

/** What every use case may touch. Built once per process (scripts/http-server.ts, the CLI, the tests). */
export interface Deps {
  db: Db;
  search: Search;
  /** injectable clock: tests and licence rules reason about "today" */
  now: () => Date;
}
