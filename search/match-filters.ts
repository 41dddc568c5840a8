import { contractEnd, gateKeys, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { cefrRank } from "~/domain/reference/languages";
import { allOf, not, where, whereIn, type Filter } from "./filter";
import { dayTs } from "./worker-document";

// The matching gates as Meilisearch filters, in one place: the engine's retrieval (match-retrieval.ts) and the
// booth's counts (match-counts.ts) build every filter here, so what the kiosk counts is what the engine ranks.

const CODE = /^[a-z0-9_]{1,40}$/;
export const code = (c: string) => {
  if (!CODE.test(c)) throw new Error(`not a reference code: ${JSON.stringify(c)}`);
  return c;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The filter one gate item is: passing it is passing the gate. */
export interface GateClause {
  key: GateKey;
  clause: Filter;
}

export function gateClauses(o: MatchOrder): GateClause[] {
  const end = dayTs(contractEnd(o));
  const sector = code(o.sector);
  return gateKeys(o).map((key): GateClause => {
    if (key === "sector") {
      const inSector = where("sectors", "=", sector);
      return {
        key,
        clause:
          o.minExperienceYears > 0
            ? allOf(inSector, where(`years_${sector}`, ">=", Number(o.minExperienceYears)))
            : inSector,
      };
    }
    if (key === "availability") return { key, clause: where("available_from_ts", "<=", dayTs(o.startDate)) };
    const [kind, c] = key.split(":") as ["language" | "certificate", string];
    if (kind === "language") {
      const need = o.languages.find((l) => l.code === c)!;
      return { key, clause: where(`lang_${code(c)}`, ">=", cefrRank(need.minLevel)) };
    }
    return { key, clause: where(`cert_until_${code(c)}`, ">=", end) };
  });
}

/** Available, consenting profiles of the given agencies (an empty list matches nothing). */
export function baseClause(agencyIds: readonly string[]): Filter {
  for (const id of agencyIds) if (!UUID.test(id)) throw new Error("agency id must be a uuid");
  const scope = agencyIds.length ? whereIn("agency_id", agencyIds) : where("agency_id", "=", "none");
  return allOf(where("status", "=", "available"), where("consent", "=", true), scope);
}

export const qualifiedFilter = (o: MatchOrder, agencyIds: readonly string[]) =>
  allOf(baseClause(agencyIds), ...gateClauses(o).map((g) => g.clause));

/** Passes every gate but `key`, and fails `key`: a near miss on exactly that item. */
export function nearMissFilter(o: MatchOrder, agencyIds: readonly string[], key: GateKey): Filter {
  const gates = gateClauses(o);
  const missing = gates.find((g) => g.key === key);
  if (!missing) throw new Error(`not a gate of this order: ${key}`);
  return allOf(baseClause(agencyIds), ...gates.filter((g) => g.key !== key).map((g) => g.clause), not(missing.clause));
}

/** Passes every gate but `key` (whether or not it passes `key`): the pool a near-miss count is taken from. */
export function allButFilter(o: MatchOrder, agencyIds: readonly string[], key: GateKey): Filter {
  const gates = gateClauses(o);
  if (!gates.some((g) => g.key === key)) throw new Error(`not a gate of this order: ${key}`);
  return allOf(baseClause(agencyIds), ...gates.filter((g) => g.key !== key).map((g) => g.clause));
}
