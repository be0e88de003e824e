// Importing a backup of N paper marks (default 1,000,000: issue #22's figure) through
// Settings → Your data, in the release build (dist/) on loopback in headless Chromium: the
// time from choosing the file to the summary and to the last write landing, the long tasks
// meanwhile, and the next start (to the app's first rows, and to every mark read) against the
// start before the import, in the same profile.
//
//   node tests/bench/import.mjs [--marks N] [--dist DIR]      (after `trunk build --release`)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openSettings, ready, writesSettled } from '../e2e/browser.mjs';
import { scratchDir } from '../e2e/scratch.mjs';
import { serveStatic } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--marks', 1_000_000));
const dist = option('--dist', fileURLToPath(new URL('../../dist', import.meta.url)));
if (!existsSync(`${dist}/index.html`)) {
  console.error(`missing ${dist}/index.html: run \`trunk build --release\` first`);
  process.exit(2);
}

// Mostly read marks, some likes and dislikes, as a reader's years of skimming would leave.
const marks = Array.from({ length: count }, (_, i) => {
  const id = `${2000 + (i % 700)}.${String(i).padStart(6, '0')}`;
  if (i % 50 === 0) return { id, reaction: i % 100 === 0 ? 'like' : 'dislike' };
  return { id, read: true };
});
const file = Buffer.from(JSON.stringify({ papersift_backup: 1, exported_at: 1_787_000_000, marks }));
// Chosen from disk, as a reader would: a buffer would be handed to the page as base64 and
// decoded there, on the main thread the figures are about.
const path = join(scratchDir('import'), 'papersift-backup.json');
writeFileSync(path, file);

const app = await serveStatic(dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(600_000);
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
});
const longest = (from) =>
  page.evaluate((from) => Math.max(0, ...window.__long.filter(([s, d]) => s + d > from).map(([, d]) => d)), from);

/** A start in this profile: ms to the app's first rows, to ready (every source and mark in), and its longest task. */
async function start() {
  await page.goto(app.url, { waitUntil: 'commit' });
  const rows = await page
    .waitForFunction(() => !document.getElementById('prerender') && document.querySelector('article') && performance.now(), null, { polling: 'raf', timeout: 600_000 })
    .then((h) => h.jsonValue());
  await ready(page);
  await writesSettled(page);
  const settled = await page.evaluate(() => performance.now());
  return { rows, settled, longest: await longest(0) };
}

await start();
const before = await start();
await openSettings(page);
await page.getByText('Your data').click();
const chosen = await page.evaluate(() => performance.now());
const t0 = Date.now();
await page.getByLabel('Import backup').setInputFiles(path);
await page.getByText(/^Imported: /).waitFor({ timeout: 600_000 });
const summary = Date.now() - t0;
await writesSettled(page);
const written = Date.now() - t0;
const importLongest = await longest(chosen);
const during = await page.evaluate((from) => window.__long.filter(([s, d]) => s + d > from).map(([s, d]) => `${(s - from).toFixed(0)}+${d.toFixed(0)}`), chosen);
console.log(`import of ${count} marks (${(file.length / 1e6).toFixed(1)} MB): summary after ${summary} ms, last write after ${written} ms, longest task ${importLongest.toFixed(0)} ms (long tasks, ms from choosing the file + duration: ${during.join(', ') || 'none'})`);
const after = await start();
const again = await start();
const line = (name, s) => `  ${name}: first rows ${s.rows.toFixed(0)} ms, every write settled ${s.settled.toFixed(0)} ms, longest task ${s.longest.toFixed(0)} ms`;
console.log(['starts (warm, service worker controlling):', line('before the import', before), line('after', after), line('after, again', again)].join('\n'));
await context.close();
await browser.close();
await app.close();
