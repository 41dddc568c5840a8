import type { DestinationStandard } from "~/domain/job-orders/checks";
import type { Db } from "./client";

const toNumber = (v: string | null) => (v === null ? null : Number(v));

export async function listStandards(db: Db, country?: string): Promise<(DestinationStandard & { id: string })[]> {
  let q = db.selectFrom("destination_standards").selectAll().orderBy("country").orderBy("isco_code");
  if (country) q = q.where("country", "=", country);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    country: r.country,
    iscoCode: r.isco_code,
    minWageAmount: toNumber(r.min_wage_amount),
    minWageCurrency: r.min_wage_currency,
    minWagePeriod: r.min_wage_period,
    maxHoursPerWeek: toNumber(r.max_hours_per_week),
    source: r.source,
  }));
}

export async function insertStandard(db: Db, s: DestinationStandard, by: string | null) {
  return db
    .insertInto("destination_standards")
    .values({
      country: s.country,
      isco_code: s.iscoCode,
      min_wage_amount: s.minWageAmount,
      min_wage_currency: s.minWageCurrency,
      min_wage_period: s.minWagePeriod,
      max_hours_per_week: s.maxHoursPerWeek,
      source: s.source,
      created_by: by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function deleteStandard(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("destination_standards").where("id", "=", id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
