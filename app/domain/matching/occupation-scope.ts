import type { OccupationScope } from "./gates";

/**
 * Regulated professions: the law of the destination licenses the occupation itself (nurses, midwives, doctors,
 * pharmacists, physiotherapists; ships' officers and engineers under STCW), so an order for one takes only that
 * occupation. Others take related occupations (the same ISCO minor group) by default (decision 020).
 */
export const REGULATED_OCCUPATIONS: ReadonlySet<string> = new Set([
  "2211", // generalist medical practitioners
  "2212", // specialist medical practitioners
  "2221", // nursing professionals
  "2222", // midwifery professionals
  "2261", // dentists
  "2262", // pharmacists
  "2264", // physiotherapists
  "3151", // ships' engineers
  "3152", // ships' deck officers and pilots
  "3153", // aircraft pilots
  "3221", // nursing associate professionals
  "3222", // midwifery associate professionals
]);

/** The occupation scope an order has when the employer did not choose one. */
export const defaultOccupationScope = (iscoCode: string): OccupationScope =>
  REGULATED_OCCUPATIONS.has(iscoCode) ? "unit" : "minor";
