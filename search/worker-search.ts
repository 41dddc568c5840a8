import type { CefrLevel, LanguageCode } from "~/domain/reference/languages";
import { cefrRank } from "~/domain/reference/languages";
import type { Sector } from "~/domain/reference/sectors";
import type { WorkerStatus } from "~/domain/workers/profile-schema";
import { guarded, type Search } from "./engine";
import { where, type Filter } from "./filter";
import { asAgency } from "./tenant";
import { dayTs } from "./worker-document";
import { WORKERS_INDEX } from "./workers-index";

// An agency's search over its own worker profiles (the /workers page). The caller passes domain values it has
// already checked against the reference lists; the filter is built here, every value through quoteFilterValue.
// The agency restriction is not in the filter at all: it is in the tenant token (search/tenant.ts).

export interface WorkerQuery {
  /** the words typed (typo-tolerant), possibly empty */
  text: string;
  sector?: Sector;
  iscoCode?: string;
  provinceCode?: string;
  /** holds this language, at least at `minLevel` when given */
  language?: { code: LanguageCode; minLevel?: CefrLevel };
  /** holds this certificate, valid on `validOn` (an ISO day) when given */
  certificate?: { code: string; validOn?: string };
  status?: WorkerStatus;
  /** available on or before this ISO day */
  availableBy?: string;
  page: number;
  hitsPerPage: number;
}

export interface WorkerHit {
  id: string;
  name: string;
  birthYear: number;
  province: string;
  sectors: string[];
  iscoCodes: string[];
  languages: { code: string; level: string; evidence: string }[];
  certificates: string[];
  availableFrom: string;
  status: string;
}

export interface WorkerSearchResult {
  hits: WorkerHit[];
  total: number;
  page: number;
  pages: number;
  /** per facet (sectors, province_code, status, languages, certificates): value → count */
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

const FACETS = ["sectors", "province_code", "status", "languages", "certificates"];
const RETRIEVED = [
  "id",
  "name",
  "birth_year",
  "sex",
  "province_code",
  "regency",
  "sectors",
  "isco_codes",
  "language_evidence",
  "certificates",
  "available_from",
  "status",
];

export function workerFilter(q: WorkerQuery): Filter[] {
  const f: Filter[] = [];
  if (q.sector) f.push(where("sectors", "=", q.sector));
  if (q.iscoCode) f.push(where("isco_codes", "=", q.iscoCode));
  if (q.provinceCode) f.push(where("province_code", "=", q.provinceCode));
  if (q.language)
    f.push(where(`lang_${q.language.code}`, ">=", q.language.minLevel ? cefrRank(q.language.minLevel) : 1));
  if (q.certificate)
    f.push(where(`cert_until_${q.certificate.code}`, ">=", q.certificate.validOn ? dayTs(q.certificate.validOn) : 0));
  if (q.status) f.push(where("status", "=", q.status));
  if (q.availableBy) f.push(where("available_from_ts", "<=", dayTs(q.availableBy)));
  return f;
}

/** One page of the agency's own consenting profiles matching `q`, with facet counts. */
export function searchAgencyWorkers(search: Search, agencyId: string, q: WorkerQuery): Promise<WorkerSearchResult> {
  return guarded(async () => {
    const r = await asAgency(search, agencyId, (client) =>
      client.index(WORKERS_INDEX).search(q.text, {
        filter: workerFilter(q),
        facets: FACETS,
        hitsPerPage: q.hitsPerPage,
        page: q.page,
        attributesToRetrieve: RETRIEVED,
      }),
    );
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
  });
}
