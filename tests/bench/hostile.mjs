// How long the main thread is blocked while each hostile feed of the audit (issue #22;
// tests/e2e/hostile-cases.mjs) loads through a link: the release build (dist/) on loopback in
// headless Chromium, a fresh context per run. Long tasks (over 50 ms) are recorded from the
// navigation until the reader's notice is shown and the list is drawn; reported are the
// longest task after the app took over from the build's first rows (the start-up itself is
// the same for every case: see the baselines, without a hostile feed) and the longest of all.
//
//   node tests/bench/hostile.mjs [--runs N] [--dist DIR] [--no-notice]   (after `trunk build --release`)
//
// --no-notice waits for the sources to settle instead of for each case's notice: for a build
// older than the notices (a baseline).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { frames, launch, listDrawn, ready } from '../e2e/browser.mjs';
import { startFeedServer } from '../e2e/feed-server.mjs';
import { cases, overLimit } from '../e2e/hostile-cases.mjs';
import { serveStatic } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 3));
const waitForNotice = !args.includes('--no-notice');
const dist = option('--dist', fileURLToPath(new URL('../../dist', import.meta.url)));
if (!existsSync(`${dist}/index.html`)) {
  console.error(`missing ${dist}/index.html: run \`trunk build --release\` first`);
  process.exit(2);
}

const app = await serveStatic(dist);
const feeds = await startFeedServer();
const browser = await launch();

const baselines = [
  { name: 'baseline: the embedded feed only', feeds: [] },
  { name: 'baseline: plus a small valid JSON Feed', feeds: ['/valid.json'] },
];

/** One load: [longest task after the app took over, longest of all, total blocked], in ms. */
async function once(which) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const links = which.feeds.map((p) => `feed=${encodeURIComponent(feeds.origin + p)}`);
  await page.goto(`${app.url}?${[...links, which.extra].filter(Boolean).join('&')}`, { waitUntil: 'commit' });
  const tookOver = await page
    .waitForFunction(() => !document.getElementById('prerender') && document.querySelector('article') && performance.now(), null, { polling: 'raf' })
    .then((h) => h.jsonValue());
  await ready(page);
  if (which.says && waitForNotice) {
    await page.locator('.source-notices .notice, [role=alert]').filter({ hasText: which.says }).waitFor({ timeout: 120_000 });
  }
  await listDrawn(page);
  await frames(page, 10);
  const long = await page.evaluate(() => window.__long);
  await context.close();
  const after = long.filter(([start, duration]) => start + duration > tookOver).map(([, d]) => d);
  const all = long.map(([, d]) => d);
  return [Math.max(0, ...after), Math.max(0, ...all), all.reduce((a, b) => a + b, 0)];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`long tasks while a hostile feed loads through a link, median of ${runs} runs (ms):`);
console.log('  case | longest after the app took over | longest of all | total blocked');
for (const which of [...baselines, ...cases, overLimit]) {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(which));
  const [after, all, total] = [0, 1, 2].map((k) => median(results.map((r) => r[k])).toFixed(0));
  console.log(`  ${which.name} | ${after} | ${all} | ${total}`);
}
await browser.close();
await feeds.close();
await app.close();
