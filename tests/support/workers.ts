import type { Actor } from "~/domain/org";
import type { WorkerProfileInput } from "~/domain/workers/profile-schema";
import type { Deps } from "~/services/deps.server";
import { drainOutbox } from "~/services/search/drain-outbox.server";

export function workerInput(patch: Partial<WorkerProfileInput> = {}): WorkerProfileInput {
  return {
    fullName: "Siti Nurhaliza",
    dateOfBirth: "1996-04-12",
    sex: "female",
    provinceCode: "33",
    regency: "Kab. Cilacap",
    phone: "+62 812 3456 7890",
    nik: "3301015204960001",
    passportNumber: "C1234567",
    passportExpiry: "2031-01-31",
    experiences: [{ sector: "cruise", iscoCode: "5131", years: 4 }],
    languages: [{ code: "en", kind: "ielts", score: 6 }],
    certificates: [{ code: "stcw_bst", number: "6201234567", issuedOn: "2024-02-01", expiresOn: "2029-02-01" }],
    availableFrom: "2027-01-15",
    status: "available",
    preferredCountries: [],
    consentToMatching: true,
    ...patch,
  };
}

export const agencyActor = (org: { id: string }, userId: string | null = null): Actor => ({
  userId,
  orgId: org.id,
  orgKind: "agency",
  role: "admin",
});

/**
 * Waits until every outbox row for these workers is done. The app server's own outbox worker may take rows too
 * (both write to the same Meilisearch), so this drains as well and then checks the rows, not its own result.
 */
export async function waitIndexed(deps: Deps, workerIds: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await drainOutbox(deps);
    const pending = await deps.db
      .selectFrom("search_outbox")
      .select("id")
      .where("entity_id", "in", workerIds)
      .where("done_at", "is", null)
      .execute();
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending.length} outbox rows still pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
