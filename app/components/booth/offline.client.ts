// Registers the kiosk's service worker (public/booth-sw.js, scope /booth/) and hands it what this page loaded
// before it took control, so the next load works without the network. Browsers without service workers (or a
// page not served over https or localhost) simply stay online-only.

export async function registerKioskWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register("/booth-sw.js", { scope: "/booth/" });
  const reg = await navigator.serviceWorker.ready;
  const loaded = performance
    .getEntriesByType("resource")
    .map((e) => e.name)
    .filter((u) => new URL(u).pathname.startsWith("/build/"));
  const styles = [
    ...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"], link[rel="modulepreload"]'),
  ].map((l) => l.href);
  reg.active?.postMessage({ type: "cache", urls: [location.href, ...loaded, ...styles] });
}

/** Un-enrolling: the cached kiosk goes, and the worker with it. */
export async function forgetKioskWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  // Seen with Debian's Chromium 156.0.8078.129: this did not settle while the worker still controlled the page, and
  // the screen stayed on the confirmation. The device is already un-enrolled by then: wait a moment at most.
  const forget = (async () => {
    const reg = await navigator.serviceWorker.getRegistration("/booth/");
    reg?.active?.postMessage({ type: "forget" });
    await reg?.unregister();
  })().catch(() => undefined);
  await Promise.race([forget, new Promise((resolve) => setTimeout(resolve, 1_000))]);
}
