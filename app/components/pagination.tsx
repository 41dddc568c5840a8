import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "./i18n";

/** Previous/next links that keep the current filters; `param` names the page parameter (two lists on a page). */
export function Pagination({
  page,
  pages,
  param = "page",
  label,
}: {
  page: number;
  pages: number;
  param?: string;
  label?: string;
}) {
  const t = useT();
  const [search] = useSearchParams();
  if (pages <= 1) return null;
  const to = (p: number) => {
    const next = new URLSearchParams(search);
    next.set(param, String(p));
    return `?${next}`;
  };
  return (
    <nav className="pagination" aria-label={label ?? t("common.pagination")}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t("common.prev")}
        </Link>
      ) : null}
      <span>{t("common.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)} rel="next">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
