import { sql, type Kysely } from "kysely";

// Frozen once landed: never edit; add a new migration instead.
//
// The sector catalogue's `health_care` is split into `nursing` and `care_work` (issue 15: an employer who asks for a
// nurse does not take a care assistant, nor the other way round; decision 020). Each stored value is re-tagged by its
// occupation: nursing and midwifery professionals and associate professionals (ISCO 222x, 322x) are `nursing`,
// everything else that was `health_care` (health care assistants, home-based and other personal care workers) is
// `care_work`. Stored job-order versions are re-tagged too: the catalogue value was renamed, not what was said.
const NURSING = sql`in ('2221', '2222', '3221', '3222')`;
const retag = (isco: ReturnType<typeof sql>) => sql`case when ${isco} ${NURSING} then 'nursing' else 'care_work' end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`update workers set profile = jsonb_set(profile, '{experiences}', (
      select coalesce(jsonb_agg(case when e->>'sector' = 'health_care'
          then jsonb_set(e, '{sector}', to_jsonb(${retag(sql`e->>'iscoCode'`)}::text)) else e end order by ord), '[]'::jsonb)
      from jsonb_array_elements(profile->'experiences') with ordinality as x(e, ord)))
    where profile->'experiences' @> '[{"sector":"health_care"}]'`.execute(db);
  await sql`update job_orders set sector = ${retag(sql`isco_code`)},
      content = jsonb_set(content, '{sector}', to_jsonb(${retag(sql`isco_code`)}::text))
    where sector = 'health_care'`.execute(db);
  await sql`update job_order_versions set
      content = jsonb_set(content, '{sector}', to_jsonb(${retag(sql`content->>'iscoCode'`)}::text))
    where content->>'sector' = 'health_care'`.execute(db);
  await sql`update shortlist_entries set stat_sector = ${retag(sql`coalesce(stat_isco_code, (select isco_code from job_orders j where j.id = job_order_id))`)}
    where stat_sector = 'health_care'`.execute(db);
  for (const table of ["leads", "booth_handoffs"]) {
    await sql`update ${sql.table(table)} set
        vacancy = jsonb_set(vacancy, '{sector}', to_jsonb(${retag(sql`vacancy->>'iscoCode'`)}::text))
      where vacancy->>'sector' = 'health_care'`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update workers set profile = jsonb_set(profile, '{experiences}', (
      select coalesce(jsonb_agg(case when e->>'sector' in ('nursing', 'care_work')
          then jsonb_set(e, '{sector}', '"health_care"') else e end order by ord), '[]'::jsonb)
      from jsonb_array_elements(profile->'experiences') with ordinality as x(e, ord)))
    where profile->'experiences' @> '[{"sector":"nursing"}]' or profile->'experiences' @> '[{"sector":"care_work"}]'`.execute(
    db,
  );
  await sql`update job_orders set sector = 'health_care', content = jsonb_set(content, '{sector}', '"health_care"')
    where sector in ('nursing', 'care_work')`.execute(db);
  await sql`update job_order_versions set content = jsonb_set(content, '{sector}', '"health_care"')
    where content->>'sector' in ('nursing', 'care_work')`.execute(db);
  await sql`update shortlist_entries set stat_sector = 'health_care' where stat_sector in ('nursing', 'care_work')`.execute(
    db,
  );
  for (const table of ["leads", "booth_handoffs"]) {
    await sql`update ${sql.table(table)} set vacancy = jsonb_set(vacancy, '{sector}', '"health_care"')
      where vacancy->>'sector' in ('nursing', 'care_work')`.execute(db);
  }
}
