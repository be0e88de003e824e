// PaperSift's service worker. scripts/post-build.mjs fills in the version and the list of
// the build's files (trunk's hashed names) after every build.
const VERSION = '__PAPERSIFT_VERSION__';
const PRECACHE = __PAPERSIFT_PRECACHE__;
const SHELL = `papersift-shell-${VERSION}`;
const FEEDS = 'papersift-feeds';

// The app shell is cached whole before this version takes over.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)));
});

// A new version waits until the page says the reader chose to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Old versions' shells are deleted; the feed cache is kept.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('papersift-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(fallback ?? request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = (await caches.match(fallback ?? request)) ?? (await caches.match(request));
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Other origins (feeds the reader added) are the app's business: it keeps their last good
  // copy in IndexedDB.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: fresh when online (so a new deployment is seen), the shell offline.
    event.respondWith(networkFirst(request, SHELL, new URL('./', self.registration.scope).href));
  } else if (url.pathname.includes('/feeds/')) {
    // Feeds served with the app: network first, the last copy offline.
    event.respondWith(networkFirst(request, FEEDS));
  } else {
    // Hashed assets never change: cache first.
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});
