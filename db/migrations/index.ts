import type { Migration } from "kysely/migration";
import * as foundation from "./2026-11-23T0900-foundation";

// The explicit, ordered list of migrations (a directory scan breaks inside bundles). Append only; a landed
// migration is never edited.
export const migrations: Record<string, Migration> = {
  "2026-11-23T0900-foundation": foundation,
};
