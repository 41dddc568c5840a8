import type { Db } from "./client";

/** A mail for a later sender to drain (Jembatan has no sender yet: rows wait in `email_outbox`). */
export async function enqueueEmail(db: Db, m: { toEmail: string; locale: string; kind: string; subject: string; body: string }): Promise<void> {
  await db.insertInto("email_outbox").values({ to_email: m.toEmail, locale: m.locale, kind: m.kind, subject: m.subject, body: m.body }).execute();
}
