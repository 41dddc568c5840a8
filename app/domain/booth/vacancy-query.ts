import type { Vacancy } from "./vacancy";

// A vacancy in a URL's query, as the kiosk asks for its count (GET /booth/<event>/count?…) and as the phone handoff
// carries it: isco, sector, country, positions, start (YYYY-MM), months, lang=en:B1 (repeated), cert=code (repeated).
// Pure; what comes back is raw input for vacancySchema(today), which checks every value.

export function toVacancyQuery(v: Partial<Vacancy>): string {
  const p = new URLSearchParams();
  if (v.iscoCode) p.set("isco", v.iscoCode);
  if (v.sector) p.set("sector", v.sector);
  if (v.country) p.set("country", v.country);
  if (v.positions !== undefined) p.set("positions", String(v.positions));
  if (v.startMonth) p.set("start", v.startMonth);
  if (v.contractMonths !== undefined) p.set("months", String(v.contractMonths));
  for (const l of v.languages ?? []) p.append("lang", `${l.code}:${l.minLevel}`);
  for (const c of v.certificates ?? []) p.append("cert", c);
  return p.toString();
}

const num = (s: string | null) => (s === null || s.trim() === "" ? undefined : Number(s));

/** The raw vacancy of a query: numbers as numbers (NaN for text, which the schema names), lists as lists. */
export function fromVacancyQuery(p: URLSearchParams): Record<string, unknown> {
  return {
    iscoCode: p.get("isco") ?? undefined,
    sector: p.get("sector") ?? undefined,
    country: p.get("country") ?? undefined,
    positions: num(p.get("positions")),
    startMonth: p.get("start") ?? undefined,
    contractMonths: num(p.get("months")),
    languages: p.getAll("lang").map((l) => {
      const [code, minLevel] = l.split(":");
      return { code, minLevel };
    }),
    certificates: p.getAll("cert"),
  };
}
