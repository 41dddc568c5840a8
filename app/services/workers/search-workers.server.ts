import type { Actor } from "~/domain/org";
import { CERTIFICATE_CODES } from "~/domain/reference/certificates";
import { ISCO_CODES } from "~/domain/reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "~/domain/reference/languages";
import { PROVINCE_CODES } from "~/domain/reference/provinces";
import { SECTORS } from "~/domain/reference/sectors";
import { WORKER_STATUSES } from "~/domain/workers/profile-schema";
import { searchAgencyWorkers, type WorkerQuery, type WorkerSearchResult } from "~search/worker-search";
import type { Deps } from "../deps.server";
import { requireAgency } from "../guards.server";

export interface WorkerSearchQuery {
  q: string;
  sector?: string;
  isco?: string;
  province?: string;
  lang?: string;
  minLevel?: string;
  cert?: string;
  certValidOn?: string;
  status?: string;
  availableBy?: string;
  page: number;
}

const pick = <T extends string>(list: readonly T[], v: string | undefined) => list.find((x) => x === v);
const isDate = (v: string | undefined): v is string =>
  v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * The query as the search port takes it: only allow-listed codes and valid dates survive (anything else in the
 * URL is ignored). The agency restriction is not in it: search/ puts it in the tenant token.
 */
export function workerQuery(q: WorkerSearchQuery): WorkerQuery {
  const lang = pick(LANGUAGES, q.lang);
  const cert = pick(CERTIFICATE_CODES, q.cert);
  return {
    text: q.q.slice(0, 200),
    sector: pick(SECTORS, q.sector),
    iscoCode: pick(ISCO_CODES, q.isco),
    provinceCode: pick(PROVINCE_CODES, q.province),
    language: lang ? { code: lang, minLevel: pick(CEFR_LEVELS, q.minLevel) } : undefined,
    certificate: cert ? { code: cert, validOn: isDate(q.certValidOn) ? q.certValidOn : undefined } : undefined,
    status: pick(WORKER_STATUSES, q.status),
    availableBy: isDate(q.availableBy) ? q.availableBy : undefined,
    page: Math.max(1, Math.min(q.page, 500)),
    hitsPerPage: SEARCH_PAGE_SIZE,
  };
}

export const SEARCH_PAGE_SIZE = 20;

export async function searchWorkers(deps: Deps, actor: Actor, q: WorkerSearchQuery): Promise<WorkerSearchResult> {
  requireAgency(actor);
  return searchAgencyWorkers(deps.search, actor.orgId, workerQuery(q));
}
