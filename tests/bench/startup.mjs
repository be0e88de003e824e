// Cold start to the first paper on screen: the release build (dist/) on loopback, in headless
// Chromium, with an empty cache (a fresh context per run), then with the service worker warm
// (a reload of a controlled page, which the app draws itself).
//   node tests/bench/startup.mjs [--runs N] [--dist DIR]      (after `trunk build --release`)
import { fileURLToPath } from 'node:url';

import { launch } from '../e2e/browser.mjs';
import { serveStatic } from '../e2e/server.mjs';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 7;
const atDist = process.argv.indexOf('--dist');
const dist = atDist > 0 ? process.argv[atDist + 1] : fileURLToPath(new URL('../../dist', import.meta.url));
const app = await serveStatic(dist);
const browser = await launch();
// Milliseconds from navigation start to the first paper card on screen: on a first visit
// that is the build's copy of the first rows (painted at the first contentful paint), so the
// app's own first card (the copy gone) is timed too.
const firstPaper = (page) =>
  page.waitForFunction(() => {
    const painted = performance.getEntriesByName('first-contentful-paint')[0];
    return document.querySelector('article') && painted && Math.max(painted.startTime, 0.001);
  }, null, { polling: 'raf' }).then((h) => h.jsonValue());
const appsPaper = (page) =>
  page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('article') && performance.now(), null, { polling: 'raf' }).then((h) => h.jsonValue());
const cold = [];
const coldApp = [];
const warm = [];
for (let i = 0; i < runs; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url, { waitUntil: 'commit' });
  cold.push(await firstPaper(page));
  coldApp.push(await appsPaper(page));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload({ waitUntil: 'commit' });
  warm.push(await appsPaper(page));
  await context.close();
}
await browser.close();
await app.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
console.log(`first paper on screen, ${runs} runs, median ms: cold (empty cache) ${median(cold).toFixed(0)} (the app's own ${median(coldApp).toFixed(0)}), service worker warm ${median(warm).toFixed(0)}`);
console.log(`  cold: ${list(cold)}\n  cold, the app's: ${list(coldApp)}\n  warm: ${list(warm)}`);
