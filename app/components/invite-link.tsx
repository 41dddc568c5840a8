import { useT } from "./i18n";

/** The one-time invitation link, shown once right after it is created. */
export function InviteLink({ email, link }: { email: string; link: string }) {
  const t = useT();
  return (
    <div className="card" role="status">
      <p>{t("settings.invite_created", { email })}</p>
      <p className="secret" data-testid="invite-link">
        {link}
      </p>
    </div>
  );
}
