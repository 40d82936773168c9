// Service worker of the kiosk example: the page starts without network.
//
// - The shell (this page, its CSS and script, the widget) is served from the cache at once and
//   refreshed in the background (stale-while-revalidate), so a new widget arrives on the next load.
// - The survey definition is network-first with the cached copy as fallback: a newly published
//   version is used as soon as the collector is reachable.
// - Anything else, and every POST, goes straight to the network untouched. Responses are never
//   cached or replayed here: the widget keeps undelivered ones in its IndexedDB queue and resends
//   them with the same responseId, which the collector stores once.
//
// Assumes the collector serves this folder at /examples/kiosk/, the widget at
// /widget/feedback-survey.js and surveys at /v1/surveys/:id (see docs/kiosk.md).

const CACHE = 'otklik-kiosk-v1';
const SURVEY = '/v1/surveys/kiosk-pulse';
const SHELL = ['./', 'kiosk.css', 'kiosk.js', 'manifest.webmanifest', '/widget/feedback-survey.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      // The survey may be unreachable at install time (not yet published): the shell still installs.
      await cache.add(SURVEY).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith('otklik-kiosk-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

const shellUrls = new Set(SHELL.map((p) => new URL(p, self.registration.scope).href));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (/^\/v1\/surveys\/[^/]+(\/versions\/\d+)?$/.test(url.pathname)) {
    event.respondWith(networkFirst(req));
    return;
  }
  // The page is cached as './'; a query (?touchpoint=…) or /index.html is the same page.
  const key = url.origin + url.pathname.replace(/index\.html$/, '');
  if (shellUrls.has(key)) event.respondWith(staleWhileRevalidate(event, req, key));
});

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(req);
    if (hit) return hit;
    throw e;
  }
}

async function staleWhileRevalidate(event, req, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  const fresh = fetch(req).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    return res;
  });
  if (hit) {
    event.waitUntil(fresh.catch(() => undefined));
    return hit;
  }
  return fresh;
}
