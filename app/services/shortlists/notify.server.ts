import type { Locale } from "~/i18n/locales";
import { isLocale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import type { Db } from "~db/client";

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
  await tx
    .insertInto("notifications")
    .values(orgIds.map((org_id) => ({ org_id, kind: n.kind, job_order_id: n.jobOrderId, entry_id: n.entryId ?? null, params: JSON.stringify({ ...n.params, path: n.path }) })))
    .execute();
  const users = await tx.selectFrom("users").select(["email", "locale"]).where("org_id", "in", orgIds).execute();
  if (users.length === 0) return;
  await tx
    .insertInto("email_outbox")
    .values(
      users.map((u) => {
        const locale: Locale = u.locale && isLocale(u.locale) ? u.locale : "en";
        return {
          to_email: u.email,
          locale,
          kind: n.kind,
          subject: translate(locale, `notify.${n.kind}.subject`, n.params),
          body: `${translate(locale, `notify.${n.kind}.text`, n.params)}\n\n${translate(locale, "notify.open", { path: n.path })}\n`,
        };
      }),
    )
    .execute();
}
