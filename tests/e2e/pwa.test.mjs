// End-to-end: the installable, offline app: service worker, update offer, CSP, manifest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, launchPersistent, openPage, menuItem, writesSettled, statusText } from './browser.mjs';
import { latestDay, onDay, papers } from './feed.mjs';
import { scratchDir } from './scratch.mjs';
import { serveStatic } from './server.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

let browser;
let app;
// A copy of the build, so that a test can deploy a "new version" over it.
const root = scratchDir('pwa');

before(async () => {
  cpSync(DIST, root, { recursive: true });
  app = await serveStatic(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const dayCount = `${onDay(latestDay).length} papers`;

async function openControlled(options = {}) {
  const opened = await openPage(browser, new URL(app.url).origin, undefined, options);
  opened.violations = [];
  await opened.page.exposeFunction('reportViolation', (v) => opened.violations.push(v));
  await opened.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await opened.page.goto(app.url);
  await opened.page.getByRole('status').filter({ hasText: dayCount }).waitFor();
  return opened;
}

const waitForController = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });

describe('installable offline app', () => {
  test('loads once online, then starts offline with the feed and saved papers, and says so', async () => {
    const { context, page, problems, violations } = await openControlled();
    await waitForController(page);
    // A returning reader, whose app the service worker serves at once (with their own
    // settings), never sees the build's copy of the default rows: it is gone as the page parses.
    const again = await context.newPage();
    await again.goto(app.url, { waitUntil: 'domcontentloaded' });
    assert.equal(await again.locator('#prerender').count(), 0);
    await again.close();
    const first = page.locator('article').first();
    const title = await first.locator('h3').textContent();
    await first.getByRole('button', { name: /^Save/ }).click();
    await writesSettled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('status').filter({ hasText: dayCount }).waitFor();
    await page.getByText('Offline: showing the copies kept on this device.').waitFor();
    await page.locator('article', { hasText: title }).getByRole('button', { name: /^Save/, pressed: true }).waitFor();
    await menuItem(page, 'Saved papers');
    assert.deepEqual(await page.locator('article h3').allTextContents(), [title]);
    await context.setOffline(false);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
  });

  test('opening a published feed never replaces the offline shell, tested by stopping the server', async () => {
    // Was: every in-scope navigation was stored as the shell, so after following Subscribe's
    // Atom link the app opened offline as Atom text.
    const own = await serveStatic(root);
    const { context, page, problems } = await openPage(browser, new URL(own.url).origin);
    await page.goto(own.url);
    await page.getByRole('status').filter({ hasText: dayCount }).waitFor();
    await waitForController(page);
    await page.goto(`${own.url}feeds/published/trending-daily.atom`);
    await page.goto(`${own.url}nowhere.html`);
    // The server stops (Chromium's offline flag does not reach a service worker's fetches).
    await own.close();
    await page.goto(own.url);
    await page.getByRole('status').filter({ hasText: dayCount }).waitFor();
    assert.equal(await page.locator('article').first().count(), 1);
    assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED|HTTP 404|Failed to fetch/.test(p)), []);
    await context.close();
  });

  test('a new deployment is offered to the open page and taken after Reload', async () => {
    const { context, page } = await openControlled();
    await waitForController(page);
    const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('papersift-shell-')));
    const [before] = await shells();
    // Deploy: a changed asset gives the service worker a new version.
    const sw = join(root, 'sw.js');
    const original = readFileSync(sw, 'utf8');
    writeFileSync(sw, original.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = 'feedfacefeedface'"));
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const offer = page.getByRole('alert').filter({ hasText: 'A new version of PaperSift is available.' });
      await offer.waitFor();
      await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload' }).click()]);
      await page.getByRole('status').filter({ hasText: dayCount }).waitFor();
      await page.waitForFunction(async () => (await caches.keys()).includes('papersift-shell-feedfacefeedface'));
      assert.ok(!(await shells()).includes(before), 'the old shell was deleted');
    } finally {
      writeFileSync(sw, original);
    }
    await context.close();
  });

  test('works with service workers blocked', async () => {
    const { context, page, problems } = await openControlled({ serviceWorkers: 'block' });
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('model');
    assert.match(await statusText(page), /^\d+ papers?$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a periodic background sync tells of papers listed since the last visit, once notifications are on', async () => {
    const { context, page, problems } = await openControlled();
    await waitForController(page);
    await context.grantPermissions(['notifications'], { origin: new URL(app.url).origin });
    await page.goto(`${app.url}?view=digest`);
    await page.getByRole('button', { name: 'Notify me' }).waitFor();
    // The last visit: the day before the feed's latest (the app wrote "now" when it opened).
    const since = new Date(Date.parse(`${latestDay}T12:00:00Z`) - 86_400_000);
    const sinceDay = since.toISOString().slice(0, 10);
    await writesSettled(page);
    await page.evaluate((at) => new Promise((resolve, reject) => {
      const open = indexedDB.open('papersift');
      open.onsuccess = () => {
        const tx = open.result.transaction('settings', 'readwrite');
        tx.objectStore('settings').put(String(at), 'last_visit');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), Math.floor(since.getTime() / 1000));
    // The browser waking the worker, as it would about once a day for an installed app.
    const cdp = await context.newCDPSession(page);
    const registrations = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await new Promise((resolve) => {
      const found = () => registrations.some((r) => r.scopeURL === app.url) && resolve();
      cdp.on('ServiceWorker.workerRegistrationUpdated', found);
      found();
    });
    const { registrationId } = registrations.find((r) => r.scopeURL === app.url);
    // Wakes the worker's periodic sync and resolves once it says the sync was handled.
    const wake = async () => {
      const handled = page.evaluate(() => new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('message', (e) => e.data === 'papersift-sync-done' && resolve());
      }));
      await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: new URL(app.url).origin, registrationId, tag: 'papersift-new-papers' });
      await handled;
    };
    const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body]));
    await wake();
    assert.deepEqual(await shown(), [], 'nothing is told before the reader asks');

    await page.getByRole('button', { name: 'Notify me' }).click();
    await page.getByRole('button', { name: 'Notifications on' }).waitFor();
    await writesSettled(page);
    await wake();
    const fresh = papers.filter((p) => p.listed >= sinceDay);
    const top = fresh.reduce((a, b) => ((b.upvotes ?? 0) > (a.upvotes ?? 0) ? b : a));
    assert.deepEqual(await shown(), [[`${fresh.length} new papers`, `Top: ${top.title}`]]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('is installable: Chromium reports no installability errors', async () => {
    // Installability needs a real profile: an incognito-like context is refused as such.
    const context = await launchPersistent(scratchDir('profile'));
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('status').filter({ hasText: dayCount }).waitFor();
    await waitForController(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    await context.close();
  });
});
