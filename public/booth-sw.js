// Jembatan's booth kiosk offline (docs/decisions/019-booth.md): registered by the kiosk's page with the scope
// /booth/, it keeps the kiosk's page and its compiled scripts and styles so the screen loads and works without
// the venue's network. Scripts and styles (/build/, hashed, immutable) come from the cache first; the kiosk's page
// from the network first, its last good copy when the network fails. Nothing else is cached: the live count and
// the lead endpoint always go to the network (the page keeps the last count and queues leads in IndexedDB).

const CACHE = "jembatan-booth-v1";

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The page lists what it loaded before this worker controlled it (its own URL, its scripts and styles).
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "cache" && Array.isArray(data.urls)) event.waitUntil(keep(data.urls));
  if (data && data.type === "forget") event.waitUntil(caches.delete(CACHE));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const u of urls) {
    try {
      const url = new URL(u, self.location.origin);
      if (url.origin !== self.location.origin || !cacheable(url)) continue;
      if (url.pathname.startsWith("/build/") && (await cache.match(url))) continue;
      const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (res.ok) await cache.put(url, res);
    } catch {
      // offline already: the next load caches it
    }
  }
}

const isKioskPage = (url) => /^\/booth\/[^/]+\/?$/.test(url.pathname) && url.pathname !== "/booth/enrol";
const cacheable = (url) => url.pathname.startsWith("/build/") || isKioskPage(url);

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/build/")) event.respondWith(cacheFirst(req));
  else if (req.mode === "navigate" && isKioskPage(url)) event.respondWith(networkFirst(req, url));
});

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirst(req, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  try {
    const res = await fetch(req);
    // only an enrolled screen's kiosk (200) is kept: a 401 page must not replace it
    if (res.status === 200) await cache.put(key, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw e;
  }
}
