import { useState } from "react";
import { useLocale, useT } from "~/components/i18n";
import type { LeadQueueState } from "./use-lead-queue";

// The kiosk's corner for staff: un-enrol the screen at the end of the day. Refused while any lead waits in the
// device's outbox (those would be stranded on a screen that can no longer send them); confirmed, since the screen
// stops being a kiosk until staff enrol it again.

export function StaffPanel({ slug, queue, onClose }: { slug: string; queue: LeadQueueState; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [step, setStep] = useState<"ask" | "confirm" | "done" | "failed">("ask");
  const unenrol = async () => {
    try {
      const res = await fetch(`/booth/${encodeURIComponent(slug)}/unenrol`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ locale }).toString(),
      });
      if (res.status !== 204) throw new Error(String(res.status));
      // The device is un-enrolled once the app has revoked it. What the screen keeps (refused leads, the offline
      // copy and its service worker) is cleared after, without holding the screen: with Debian's Chromium 156 the
      // service worker's unregistration was seen never to settle while it controlled the page.
      setStep("done");
      void Promise.all([import("./offline.client"), import("./lead-queue.client")])
        .then(([offline, outbox]) => Promise.all([outbox.discardRefused(slug), offline.forgetKioskWorker()]))
        .catch(() => undefined);
    } catch {
      setStep("failed");
    }
  };
  return (
    <div className="kiosk-idle" role="dialog" aria-modal="true" aria-labelledby="kiosk-staff-title">
      <h2 id="kiosk-staff-title">{t("booth.unenrol")}</h2>
      {step === "done" ? (
        <>
          <p role="status">{t("booth.unenrolled")}</p>
          <a className="kiosk-button" href="/booth/enrol">
            {t("booth.enrol_again")}
          </a>
        </>
      ) : queue.waiting > 0 ? (
        <>
          <p role="alert">{t("booth.unenrol_refused")}</p>
          <button type="button" className="kiosk-button" onClick={onClose}>
            {t("booth.close")}
          </button>
        </>
      ) : (
        <>
          <p>{t(step === "failed" ? "booth.unenrol_failed" : "booth.unenrol_confirm")}</p>
          <div className="kiosk-row">
            <button
              type="button"
              className="kiosk-button"
              onClick={() => (step === "confirm" || step === "failed" ? void unenrol() : setStep("confirm"))}
            >
              {t(step === "ask" ? "booth.unenrol" : "booth.unenrol_yes")}
            </button>
            <button type="button" className="kiosk-chip" onClick={onClose}>
              {t("booth.close")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
