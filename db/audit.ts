import type { Db } from "./client";

export interface AuditEntry {
  orgId: string | null;
  actorUserId: string | null;
  actorLabel?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      org_id: e.orgId,
      actor_user_id: e.actorUserId,
      actor_label: e.actorLabel ?? null,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** Replaces a subject's id in the audit trail (an erased worker): the trail keeps what was done, not to whom. */
export async function replaceAuditSubject(
  db: Db,
  subjectType: string,
  subjectId: string,
  replacement: string,
): Promise<void> {
  await db
    .updateTable("audit_events")
    .set({ subject_id: replacement })
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .execute();
}
