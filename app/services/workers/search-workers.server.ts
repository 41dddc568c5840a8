import type { Actor } from "~/domain/org";
import { CERTIFICATE_CODES } from "~/domain/reference/certificates";
import { ISCO_CODES } from "~/domain/reference/isco";
import { CEFR_LEVELS, LANGUAGES } from "~/domain/reference/languages";
import { PROVINCE_CODES } from "~/domain/reference/provinces";
import { SECTORS } from "~/domain/reference/sectors";
import { WORKER_STATUSES } from "~/domain/workers/profile-schema";
import { dayTs } from "~search/worker-document";
import { agencySearchClient, forgetSigningKey, WORKERS_INDEX } from "~search/workers-index";
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
const isDate = (v: string | undefined) => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * The filter is assembled only from allow-listed codes and numbers computed here: no user text ever enters it.
 * The agency restriction is not in it at all: it is in the tenant token, enforced by Meilisearch.
 */
export function workerFilter(q: WorkerSearchQuery): string[] {
  const f: string[] = [];
  const sector = pick(SECTORS, q.sector);
  if (sector) f.push(`sectors = ${sector}`);
  const isco = pick(ISCO_CODES, q.isco);
  if (isco) f.push(`isco_codes = "${isco}"`);
  const province = pick(PROVINCE_CODES, q.province);
  if (province) f.push(`province_code = "${province}"`);
  const lang = pick(LANGUAGES, q.lang);
  const level = pick(CEFR_LEVELS, q.minLevel);
  if (lang) f.push(`lang_${lang} >= ${level ? CEFR_LEVELS.indexOf(level) + 1 : 1}`);
  const cert = pick(CERTIFICATE_CODES, q.cert);
  if (cert) f.push(`cert_until_${cert} >= ${isDate(q.certValidOn) ? dayTs(q.certValidOn!) : 0}`);
  const status = pick(WORKER_STATUSES, q.status);
  if (status) f.push(`status = ${status}`);
  if (isDate(q.availableBy)) f.push(`available_from_ts <= ${dayTs(q.availableBy!)}`);
  return f;
}

export const SEARCH_PAGE_SIZE = 20;

export async function searchWorkers(deps: Deps, actor: Actor, q: WorkerSearchQuery) {
  requireAgency(actor);
  const query = async () => (await agencySearchClient(deps.search, actor.orgId)).index(WORKERS_INDEX).search(q.q.slice(0, 200), {
    filter: workerFilter(q),
    facets: ["sectors", "province_code", "status", "languages", "certificates"],
    hitsPerPage: SEARCH_PAGE_SIZE,
    page: Math.max(1, Math.min(q.page, 500)),
    attributesToRetrieve: ["id", "name", "birth_year", "sex", "province_code", "regency", "sectors", "isco_codes", "language_evidence", "certificates", "available_from", "status"],
  });
  // A cached signing key that Meilisearch no longer knows makes the token invalid: look it up again once.
  const r = await query().catch((e: unknown) => {
    if ((e as { cause?: { code?: string } }).cause?.code !== "invalid_api_key") throw e;
    forgetSigningKey(deps.search);
    return query();
  });
  return {
    hits: r.hits.map((h) => ({
      id: String(h.id),
      name: String(h.name),
      birthYear: Number(h.birth_year),
      province: String(h.province_code),
      sectors: (h.sectors as string[]) ?? [],
      iscoCodes: (h.isco_codes as string[]) ?? [],
      languages: ((h.language_evidence as string[]) ?? []).map((e) => {
        const [code = "", level = "", ...rest] = e.split(":");
        return { code, level, evidence: rest.join(":") };
      }),
      certificates: (h.certificates as string[]) ?? [],
      availableFrom: String(h.available_from),
      status: String(h.status),
    })),
    total: r.totalHits ?? 0,
    page: r.page ?? 1,
    pages: Math.max(1, r.totalPages ?? 1),
    facets: (r.facetDistribution ?? {}) as Record<string, Record<string, number>>,
    processingTimeMs: r.processingTimeMs,
  };
}
