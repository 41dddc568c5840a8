import type { Db } from "./client";

export interface NewEmail {
  toEmail: string;
  locale: string;
  kind: string;
  subject: string;
  body: string;
}

const columnsOf = (m: NewEmail) => ({
  to_email: m.toEmail,
  locale: m.locale,
  kind: m.kind,
  subject: m.subject,
  body: m.body,
});

/** A mail for a later sender to drain (Jembatan has no sender yet: rows wait in `email_outbox`). */
export async function enqueueEmail(db: Db, m: NewEmail): Promise<void> {
  await db.insertInto("email_outbox").values(columnsOf(m)).execute();
}

/** Several mails in one statement. */
export async function enqueueEmails(db: Db, mails: readonly NewEmail[]): Promise<void> {
  if (mails.length === 0) return;
  await db.insertInto("email_outbox").values(mails.map(columnsOf)).execute();
}
