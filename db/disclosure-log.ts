import type { Db } from "./client";
import type { DisclosureLogTable } from "./schema";

// Every time a worker's identity was shown to an employer (issue 7): who, which fields, when, which order, how.

export type DisclosureVia = DisclosureLogTable["via"];

export interface NewDisclosure {
  workerId: string;
  jobOrderId: string;
  employerOrgId: string;
  viewerUserId: string | null;
  viewerLabel: string | null;
  fields: string[];
  via: DisclosureVia;
}

export async function insertDisclosures(db: Db, rows: readonly NewDisclosure[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("disclosure_log")
    .values(
      rows.map((d) => ({
        worker_id: d.workerId,
        job_order_id: d.jobOrderId,
        employer_org_id: d.employerOrgId,
        viewer_user_id: d.viewerUserId,
        viewer_label: d.viewerLabel,
        fields: d.fields,
        via: d.via,
      })),
    )
    .execute();
}

export interface Disclosure {
  id: string;
  at: Date;
  fields: string[];
  via: DisclosureVia;
  employerName: string;
  /** the job order's reference and title */
  reference: string;
  title: string;
  /** the viewing user's name, or the label of the key or process that viewed it */
  viewerName: string | null;
  viewerLabel: string | null;
}

/** Every disclosure of this worker's identity, newest first. */
export async function listDisclosuresOfWorker(db: Db, workerId: string): Promise<Disclosure[]> {
  const rows = await db
    .selectFrom("disclosure_log as d")
    .innerJoin("organisations as e", "e.id", "d.employer_org_id")
    .innerJoin("job_orders as j", "j.id", "d.job_order_id")
    .leftJoin("users as u", "u.id", "d.viewer_user_id")
    .select([
      "d.id",
      "d.at",
      "d.fields",
      "d.via",
      "d.viewer_label",
      "e.name as employer_name",
      "j.reference",
      "j.title",
      "u.name as viewer_name",
    ])
    .where("d.worker_id", "=", workerId)
    .orderBy("d.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    fields: r.fields,
    via: r.via,
    employerName: r.employer_name,
    reference: r.reference,
    title: r.title,
    viewerName: r.viewer_name,
    viewerLabel: r.viewer_label,
  }));
}
