import { contractEnd, gateKeys, type GateKey, type MatchOrder } from "~/domain/matching/gates";
import { cefrRank } from "~/domain/reference/languages";
import { allOf, not, where, whereIn, type Filter } from "./filter";
import { dayTs, minorYearsField, unitYearsField } from "./worker-document";

// The matching gates as Meilisearch filters, in one place: the engine's retrieval (match-retrieval.ts) and the
// booth's counts (match-counts.ts) build every filter here, so what the kiosk counts is what the engine ranks.

const CODE = /^[a-z0-9_]{1,40}$/;
export const code = (c: string) => {
  if (!CODE.test(c)) throw new Error(`not a reference code: ${JSON.stringify(c)}`);
  return c;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The filter one gate item is: passing it is passing the gate. `fixable`, where there is one, is who may be a near
 * miss on the item (the domain's `isFixable`): someone with experience that counts, or who speaks the language.
 */
export interface GateClause {
  key: GateKey;
  clause: Filter;
  fixable?: Filter;
}

const ISCO = /^\d{4}$/;

export function gateClauses(o: MatchOrder): GateClause[] {
  const end = dayTs(contractEnd(o));
  const sector = code(o.sector);
  return gateKeys(o).map((key): GateClause => {
    if (key === "sector") {
      if (!ISCO.test(o.iscoCode)) throw new Error(`not an ISCO-08 unit group: ${JSON.stringify(o.iscoCode)}`);
      const years = Number(o.minExperienceYears);
      if (o.occupationScope === "sector") {
        const inSector = where("sectors", "=", sector);
        return {
          key,
          clause: years > 0 ? allOf(inSector, where(`years_${sector}`, ">=", years)) : inSector,
          fixable: inSector,
        };
      }
      const field =
        o.occupationScope === "unit" ? unitYearsField(sector, o.iscoCode) : minorYearsField(sector, o.iscoCode);
      return { key, clause: where(field, ">=", years), fixable: where(field, ">=", 0) };
    }
    if (key === "availability") return { key, clause: where("available_from_ts", "<=", dayTs(o.startDate)) };
    const [kind, c] = key.split(":") as ["language" | "certificate", string];
    if (kind === "language") {
      const need = o.languages.find((l) => l.code === c)!;
      return {
        key,
        clause: where(`lang_${code(c)}`, ">=", cefrRank(need.minLevel)),
        fixable: where(`lang_${code(c)}`, ">=", 1),
      };
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

/** Passes every gate but `key`, and fails `key` in a way that can be fixed: a near miss on exactly that item. */
export function nearMissFilter(o: MatchOrder, agencyIds: readonly string[], key: GateKey): Filter {
  const gates = gateClauses(o);
  const missing = gates.find((g) => g.key === key);
  if (!missing) throw new Error(`not a gate of this order: ${key}`);
  return allOf(
    baseClause(agencyIds),
    ...gates.filter((g) => g.key !== key).map((g) => g.clause),
    ...(missing.fixable ? [missing.fixable] : []),
    not(missing.clause),
  );
}

/**
 * Passes every gate but `key`, and passes `key` or fails it in a way that can be fixed: the pool a near-miss count
 * is taken from (the near misses on `key` are this pool less the qualified).
 */
export function allButFilter(o: MatchOrder, agencyIds: readonly string[], key: GateKey): Filter {
  const gates = gateClauses(o);
  const item = gates.find((g) => g.key === key);
  if (!item) throw new Error(`not a gate of this order: ${key}`);
  return allOf(
    baseClause(agencyIds),
    ...gates.filter((g) => g.key !== key).map((g) => g.clause),
    ...(item.fixable ? [item.fixable] : []),
  );
}
