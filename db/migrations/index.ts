import type { Migration } from "kysely/migration";
import * as foundation from "./2026-11-23T0900-foundation";
import * as jobOrders from "./2026-11-23T1000-job-orders";
import * as workers from "./2026-11-23T1100-workers";
import * as matching from "./2026-11-23T1200-matching";
import * as liveRankings from "./2026-11-23T1300-live-rankings";
import * as shortlists from "./2026-11-23T1400-shortlists";
import * as imports from "./2026-12-02T1200-imports";
import * as rateLimits from "./2026-12-02T1300-rate-limits";
import * as idempotency from "./2026-12-02T1400-idempotency";
import * as boothEvents from "./2026-12-03T1000-booth-events";
import * as boothLeads from "./2026-12-04T1000-booth-leads";
import * as leadInvitationOpen from "./2026-12-04T1200-lead-invitation-open";
import * as splitHealthCare from "./2026-12-05T1000-split-health-care";
import * as importFailedRows from "./2026-12-06T1000-import-failed-rows";
import * as fitNotifications from "./2026-12-06T1100-fit-notifications";

// The explicit, ordered list of migrations (a directory scan breaks inside bundles). Append only; a landed
// migration is never edited.
export const migrations: Record<string, Migration> = {
  "2026-11-23T0900-foundation": foundation,
  "2026-11-23T1000-job-orders": jobOrders,
  "2026-11-23T1100-workers": workers,
  "2026-11-23T1200-matching": matching,
  "2026-11-23T1300-live-rankings": liveRankings,
  "2026-11-23T1400-shortlists": shortlists,
  "2026-12-02T1200-imports": imports,
  "2026-12-02T1300-rate-limits": rateLimits,
  "2026-12-02T1400-idempotency": idempotency,
  "2026-12-03T1000-booth-events": boothEvents,
  "2026-12-04T1000-booth-leads": boothLeads,
  "2026-12-04T1200-lead-invitation-open": leadInvitationOpen,
  "2026-12-05T1000-split-health-care": splitHealthCare,
  "2026-12-06T1000-import-failed-rows": importFailedRows,
  "2026-12-06T1100-fit-notifications": fitNotifications,
};
