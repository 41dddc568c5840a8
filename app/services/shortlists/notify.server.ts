import type { Locale } from "~/i18n/locales";
import { isLocale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import type { Db } from "~db/client";
import { enqueueEmails } from "~db/email-outbox";
import { insertNotifications } from "~db/notifications";
import { listRecipients } from "~db/users";

// In-app notifications and the email outbox (issue 7). Both are written in the transaction of the change they
// announce; a later mail sender drains `email_outbox` (sent_at, attempts). Neither ever carries a worker's name:
// candidates appear by their order-local code.

export type NotificationKind = "candidate_proposed" | "candidate_selected" | "order_filled";

export interface Notice {
  orgIds: readonly string[];
  kind: NotificationKind;
  jobOrderId: string;
  entryId?: string | null;
  /** reference, title, code: shown in the notification's text */
  params: Record<string, string>;
  /** where the notification leads (a path on the site) */
  path: string;
}

export async function notify(tx: Db, n: Notice): Promise<void> {
  const orgIds = [...new Set(n.orgIds)];
  if (orgIds.length === 0) return;
  await insertNotifications(
    tx,
    orgIds.map((orgId) => ({
      orgId,
      kind: n.kind,
      jobOrderId: n.jobOrderId,
      entryId: n.entryId ?? null,
      params: { ...n.params, path: n.path },
    })),
  );
  const users = await listRecipients(tx, orgIds);
  await enqueueEmails(
    tx,
    users.map((u) => {
      const locale: Locale = u.locale && isLocale(u.locale) ? u.locale : "en";
      return {
        toEmail: u.email,
        locale,
        kind: n.kind,
        subject: translate(locale, `notify.${n.kind}.subject`, n.params),
        body: `${translate(locale, `notify.${n.kind}.text`, n.params)}\n\n${translate(locale, "notify.open", { path: n.path })}\n`,
      };
    }),
  );
}
