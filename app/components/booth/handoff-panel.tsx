import { useCallback, useEffect, useState } from "react";
import { useLocale, useT } from "~/components/i18n";
import type { Vacancy } from "~/domain/booth/vacancy";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";

// The kiosk's "Continue on your phone": asks the server for a one-time link carrying the vacancy on screen (POST
// /booth/<event>/handoffs) and shows its QR code and address. The code holds the link's token only, never anything
// the visitor typed. Closing the panel, or the idle reset (which unmounts it), takes the code off the screen.

interface HandoffAnswer {
  url: string;
  minutes: number;
  qr: string;
}

export function HandoffPanel({ slug, vacancy, onClose }: { slug: string; vacancy: Vacancy; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [answer, setAnswer] = useState<HandoffAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const query = toVacancyQuery(vacancy);

  const ask = useCallback(
    async (signal?: AbortSignal) => {
      setFailed(false);
      setAnswer(null);
      try {
        const res = await fetch(`/booth/${slug}/handoffs`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: `${query}&ui=${locale}`,
          signal,
        });
        if (res.status !== 201) throw new Error(String(res.status));
        setAnswer((await res.json()) as HandoffAnswer);
      } catch {
        if (!signal?.aborted) setFailed(true);
      }
    },
    [slug, query, locale],
  );

  // one link per opening of the panel (a change of the screen's language does not make another)
  useEffect(() => {
    const ctl = new AbortController();
    void ask(ctl.signal);
    return () => ctl.abort();
  }, []);

  const shown = answer ? answer.url.replace(/^https?:\/\//, "") : "";
  return (
    <section className="kiosk-form kiosk-handoff" aria-labelledby="kiosk-handoff-title" data-testid="kiosk-handoff">
      <h2 id="kiosk-handoff-title">{t("booth.handoff.title")}</h2>
      {answer ? (
        <>
          <p>{t("booth.handoff.scan", { minutes: answer.minutes })}</p>
          <img className="kiosk-qr" src={answer.qr} alt={t("booth.handoff.qr_alt")} width={320} height={320} />
          <p className="kiosk-handoff-or">{t("booth.handoff.or_type")}</p>
          <p className="kiosk-handoff-url" data-testid="kiosk-handoff-url">
            {shown}
          </p>
        </>
      ) : failed ? (
        <p role="alert">{t("booth.handoff.failed")}</p>
      ) : (
        <p role="status">{t("booth.handoff.making")}</p>
      )}
      <div className="kiosk-row">
        {failed ? (
          <button type="button" className="kiosk-button" onClick={() => void ask()}>
            {t("booth.handoff.retry")}
          </button>
        ) : null}
        <button type="button" className="kiosk-chip" onClick={onClose}>
          {t("booth.handoff.close")}
        </button>
      </div>
    </section>
  );
}
