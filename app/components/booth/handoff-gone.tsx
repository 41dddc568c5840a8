import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { HANDOFF_MINUTES } from "~/domain/booth/handoff";

// A handoff link that cannot be used (any more): what happened and what to do, in the reader's language.

export function HandoffGone({ state }: { state: "spent" | "expired" | "unknown" }) {
  const t = useT();
  return (
    <div className="narrow" data-testid={`handoff-${state}`}>
      <h1>{t(`booth.handoff.${state}_title`)}</h1>
      <p>{t(`booth.handoff.${state}`, { minutes: HANDOFF_MINUTES })}</p>
      <Link to="/">{t("error.home")}</Link>
    </div>
  );
}
