import { useT } from "~/components/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("footer.text")}</p>
    </footer>
  );
}
