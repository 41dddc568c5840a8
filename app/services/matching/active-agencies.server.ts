import { licenceBlock } from "~/domain/org";
import { listAgencyLicences } from "~db/orgs";
import type { Deps } from "../deps.server";

/** The agencies whose profiles count on `today`: licensed, not suspended (the ministry's scope and the booth's). */
export async function activeAgencies(deps: Deps, today: string) {
  const all = await listAgencyLicences(deps.db);
  return all.filter((a) => licenceBlock(a.licence, today) === null);
}
