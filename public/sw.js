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

// Fetches `request`; a good response (and one `keep` accepts) replaces the cached copy kept
// under `fallback` (or the request), which answers when the network does not.
async function networkFirst(request, cacheName, fallback, keep = () => true) {
  try {
    const response = await fetch(request);
    if (response.ok && keep(response)) {
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
  const shell = new URL('./', self.registration.scope).href;
  const isAppPage = [shell, new URL('./index.html', self.registration.scope).href].includes(url.origin + url.pathname);
  if (request.mode === 'navigate' && isAppPage) {
    // The page itself: fresh when online (so a new deployment is seen), the shell offline.
    // Only an HTML page replaces the shell: an error page or a redirect elsewhere must not.
    const isHtml = (response) => (response.headers.get('content-type') ?? '').startsWith('text/html');
    event.respondWith(networkFirst(request, SHELL, shell, isHtml));
  } else if (request.mode === 'navigate' && !url.pathname.includes('/feeds/')) {
    // Another page of the site: the browser's own business, never the shell.
    return;
  } else if (url.pathname.includes('/feeds/')) {
    // Feeds served with the app: network first, the last copy offline.
    event.respondWith(networkFirst(request, FEEDS));
  } else {
    // Hashed assets never change: cache first.
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});

// Periodic background sync, where the browser grants it (Chromium, to an installed app): the
// papers of the embedded feed listed since the last visit, told in a notification if the
// reader turned notifications on. The count is made here, on the device, as the app makes it
// when it opens; the For-you model lives in the app, so this says "new papers", not "for you".
const SYNC_TAG = 'papersift-new-papers';

// When a sync is handled (told or not), the open pages hear `papersift-sync-done`: what
// anything waiting on it (an end-to-end test) waits for.
self.addEventListener('periodicsync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  const done = async () => {
    for (const client of await self.clients.matchAll()) client.postMessage('papersift-sync-done');
  };
  event.waitUntil(tellNewPapers().finally(done));
});

async function tellNewPapers() {
  const { display, last_visit: lastVisit } = await readSettings(['display', 'last_visit']);
  if (!display?.notify || typeof lastVisit !== 'number' || Notification.permission !== 'granted') return;
  const feedUrl = new URL('feeds/default.json', self.registration.scope).href;
  const feed = await (await networkFirst(new Request(feedUrl), FEEDS)).json();
  // Listed on or after the day of the last visit, as the app counts them.
  const since = new Date(lastVisit * 1000).toISOString().slice(0, 10);
  const fresh = (Array.isArray(feed?.papers) ? feed.papers : []).filter((p) => typeof p?.listed === 'string' && p.listed >= since);
  if (fresh.length === 0) return;
  const top = fresh.reduce((a, b) => ((b.upvotes ?? 0) > (a.upvotes ?? 0) ? b : a));
  const title = `${fresh.length} new paper${fresh.length === 1 ? '' : 's'}`;
  await self.registration.showNotification(title, { body: `Top: ${top.title}`, tag: 'papersift-new' });
}

// The reader's settings (JSON text by key), read without ever creating the database: the
// app owns its schema, so a missing database stays missing.
function readSettings(names) {
  return new Promise((resolve) => {
    const open = indexedDB.open('papersift');
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve({});
    open.onblocked = () => resolve({});
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('settings')) {
        db.close();
        resolve({});
        return;
      }
      const store = db.transaction('settings').objectStore('settings');
      const found = {};
      let left = names.length;
      const done = () => {
        left -= 1;
        if (left === 0) {
          db.close();
          resolve(found);
        }
      };
      for (const name of names) {
        const get = store.get(name);
        get.onsuccess = () => {
          try {
            if (typeof get.result === 'string') found[name] = JSON.parse(get.result);
          } catch {
            // A damaged setting reads as unset.
          }
          done();
        };
        get.onerror = done;
      }
    };
  });
}
