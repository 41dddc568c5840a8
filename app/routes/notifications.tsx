import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/pagination";
import { dot } from "~/components/text";
import { formatDateTime } from "~/i18n/locales";
import { notificationText } from "~/i18n/notification-text";
import { listNotifications, markAllRead } from "~/services/notifications/notifications.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notif.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const page = Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("page"))) || 1);
  const { items, hasMore } = await listNotifications(context.deps, actor, page);
  return { items, page, hasMore };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  await markAllRead(context.deps, actor);
  return redirect("/notifications");
}

export default function Notifications() {
  const { items, page, hasMore } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="narrow-wide">
      <h1>{t("notif.title")}</h1>
      {items.some((n) => n.unread) ? (
        <Form method="post" className="actions">
          <button type="submit" className="secondary small">
            {t("notif.mark_read")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">{t("notif.empty")}</p>
      ) : (
        <ul className="match-list">
          {items.map((n) => {
            const params = n.params as Record<string, string>;
            return (
              <li key={n.id} className="card">
                <p className="meta">{dot(formatDateTime(locale, n.at), n.unread ? t("notif.new") : null)}</p>
                <p>
                  <Link to={params.path ?? "/dashboard"}>{notificationText(locale, n.kind, "text", params)}</Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={hasMore ? page + 1 : page} label={t("notif.title")} />
    </div>
  );
}
