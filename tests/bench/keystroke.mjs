// Keystroke to paint, in headless Chromium: the release build (dist/) with a feed of N papers
// from the shared corpus, against a page doing the same with MiniSearch and plain DOM
// rendering (tests/bench/keystroke-page.mjs), in the same run. Queries are typed a key at a
// time; each key is timed from its keydown to the first frame painted after the page's last
// DOM change for it. Also: long tasks while typing, elements in the list, and frame times
// while scrolling to the end of the list and back. A third page ("probe floor") draws the same
// list once and, for each key, only writes the query into its status line: the least any
// page that shows a keystroke can measure here. A fourth ("worker echo floor") does the same
// through a worker that only sends the query back: the least round trip to a worker, and
// the least keystroke to paint of any page whose answer comes from a worker.
//
//   node tests/bench/keystroke.mjs [--data DIR] [--sizes 10000,all] [--delay MS] [--compare DIST]
//
// (after `trunk build --release`). DIR defaults to ../shared/data/arxiv_corpus/dedup (not
// shipped with the project); --compare also measures another build (e.g. an older dist/).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../e2e/browser.mjs';
import { scratchDir } from '../e2e/scratch.mjs';
import { serveStatic } from '../e2e/server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const data = args.data ?? join(ROOT, '../shared/data/arxiv_corpus/dedup');
const delay = Number(args.delay ?? 120);
if (!existsSync(data)) {
  console.error(`missing corpus: ${data}; pass --data DIR (the arxiv_corpus/dedup folder of the shared data)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/index.html'))) {
  console.error('missing dist/: run `trunk build --release` first');
  process.exit(2);
}

// Typed a key at a time, so every prefix is a query too.
const QUERIES = [
  'diffusion models',
  'large language model reasoning',
  '"gaussian splatting"',
  'robot -simulation',
  'speech recognition',
  'graph neural network',
  'federated learning',
  'point cloud segmentation',
  'agents OR robots',
  'vision transformer',
];

const papers = [];
for (const file of readdirSync(data).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(data, file), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    const clean = (s) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');
    papers.push({ id: r.id, title: clean(r.title), abstract: clean(r.summary), authors: r.authors, categories: r.categories ?? [], listed: r.listing_date });
  }
}
const sizes = (args.sizes ?? '10000,all').split(',').map((s) => (s === 'all' ? papers.length : Number(s)));
const dir = scratchDir('keys');
copyFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js'), join(dir, 'minisearch.js'));
copyFileSync(join(ROOT, 'tests/bench/keystroke-page.mjs'), join(dir, 'page.mjs'));
writeFileSync(join(dir, 'echo-worker.mjs'), 'self.onmessage = ({ data }) => self.postMessage(data);\n');
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>MiniSearch baseline</title><script type="module" src="page.mjs"></script>');
for (const n of sizes) {
  writeFileSync(join(dir, `feed-${n}.json`), JSON.stringify({ papersift_feed: 1, title: 'bench', papers: papers.slice(0, n) }));
}
const app = await serveStatic(join(ROOT, 'dist'), '/papersift/', { bench: dir });
const other = args.compare ? await serveStatic(args.compare, '/papersift/', { bench: dir }) : null;

// Runs in both pages before their scripts: keydown times, DOM change times, frame times
// and long tasks, all on the page's performance.now() clock.
function probe() {
  const log = { keys: [], changes: [], paints: [], longTasks: [] };
  window.__probe = log;
  // The end of the next frame: a message posted from requestAnimationFrame runs after paint.
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });
  document.addEventListener(
    'keydown',
    (e) => {
      const key = { at: e.timeStamp, paint: null };
      log.keys.push(key);
      afterPaint((t) => (key.paint = t));
    },
    true,
  );
  // A change is visible when it is outside the list or in its rows that the screen showed
  // before typing began (window.__visibleRows, measured once; five until then); telling so
  // reads the DOM only, never the layout.
  const row = (node) => {
    const list = document.querySelector('ol.papers');
    while (node && node.parentNode !== list) node = node.parentNode;
    return node ? Array.prototype.indexOf.call(list.children, node) : -1;
  };
  const visible = (r) => {
    const list = document.querySelector('ol.papers');
    if (!list || !list.contains(r.target)) return true;
    const top = window.__visibleRows ?? 5;
    if (r.target === list) return r.removedNodes.length > 0 || [...r.addedNodes].some((n) => row(n) < top);
    return row(r.target) < top;
  };
  new MutationObserver((records) => {
    const at = performance.now();
    const shown = records.some(visible);
    afterPaint((t) => log.changes.push({ at, paint: t, visible: shown }));
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
  let last = null;
  const frame = (t) => {
    if (last !== null && log.paints.recording) log.paints.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const browser = await launch();
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (x) => x.toFixed(1);

async function measure(name, url, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(probe);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`${name}: ${err.message}`));
  page.on('console', (m) => console.error(`${name} console: ${m.text()}`));
  const loadStart = Date.now();
  await page.goto(url);
  // Every paper in (the app also has its default feed's).
  await page.waitForFunction((n) => parseInt(document.querySelector('p[role=status]')?.textContent ?? '0', 10) >= n, n, { timeout: 600_000, polling: 500 });
  const loaded = Date.now() - loadStart;
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  const elements = await page.evaluate(() => document.querySelector('ol.papers').querySelectorAll('*').length);
  // The rows the screen shows (at least partly), at the top of the page.
  const visibleRows = await page.evaluate(() => {
    const rows = [...document.querySelector('ol.papers').children].filter((li) => li.getBoundingClientRect().top < innerHeight).length;
    window.__visibleRows = rows;
    return rows;
  });
  await page.waitForTimeout(1000);
  const latencies = [];
  const complete = [];
  let longTasks = [];
  // PaperSift's own measure of a look's round trip to its engine worker (User Timing; the
  // echo floor's page measures its worker's under the same name).
  await page.evaluate(() => performance.clearMeasures('papersift-look'));
  // And the engine's own part of it, measured in its worker (the page's only worker here).
  const engine = page.workers()[0];
  await engine?.evaluate(() => performance.clearMeasures('papersift-engine-look'));
  for (const query of QUERIES) {
    await box.fill('');
    await page.waitForTimeout(300);
    const from = await page.evaluate(() => {
      window.__probe.keys.length = 0;
      window.__probe.changes.length = 0;
      return performance.now();
    });
    for (const ch of query) {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await page.waitForTimeout(delay);
    }
    await page.waitForTimeout(300);
    const log = await page.evaluate(() => window.__probe);
    // A key's latency: to the paint after its last visible DOM change (or after the key, if
    // none); and to the paint after its last change anywhere (the whole list drawn).
    log.keys.forEach((key, i) => {
      const until = log.keys[i + 1]?.at ?? Infinity;
      const changes = log.changes.filter((c) => c.at >= key.at && c.at < until);
      latencies.push(Math.max(key.paint, ...changes.filter((c) => c.visible).map((c) => c.paint)) - key.at);
      complete.push(Math.max(key.paint, ...changes.map((c) => c.paint)) - key.at);
    });
    longTasks = longTasks.concat(log.longTasks.filter((t) => t.at >= from));
  }
  const roundTrips = await page.evaluate(() => performance.getEntriesByName('papersift-look').map((e) => e.duration));
  const inEngine = (await engine?.evaluate(() => performance.getEntriesByName('papersift-engine-look').map((e) => e.duration))) ?? [];
  // Scroll to the end of the list a wheel step at a time, pressing "Show more" four times
  // on the way (250 papers in all), then back to the top; the list's elements are counted
  // every ten steps.
  await box.fill('');
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__probe.paints.length = 0;
    window.__probe.paints.recording = true;
  });
  const more = page.getByRole('button', { name: /^Show 50 more/ });
  const count = () => page.evaluate(() => document.querySelector('ol.papers').querySelectorAll('*').length);
  let most = elements;
  let presses = 0;
  let height = 0;
  for (let step = 0; step < 5000; step++) {
    const end = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2);
    if (end && presses < 4 && (await more.count()) > 0) {
      await more.click();
      presses += 1;
    } else if (end) {
      break;
    }
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(16);
    if (step % 10 === 0) most = Math.max(most, await count());
  }
  height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let step = 0; (await page.evaluate(() => scrollY)) > 0 && step < 5000; step++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(16);
    if (step % 10 === 0) most = Math.max(most, await count());
  }
  const frames = await page.evaluate(() => window.__probe.paints.slice());
  await context.close();
  return { name, n, loaded, elements, visibleRows, most, presses, latencies, complete, longTasks, frames, height, roundTrips, inEngine };
}

console.log(`keystroke to paint, ${QUERIES.length} queries typed a key at a time (${delay} ms apart), headless Chromium`);
for (const n of sizes) {
  for (const [name, url] of [
    ['PaperSift', `${app.url}?period=all&feed=bench/feed-${n}.json`],
    ...(other ? [['compared build', `${other.url}?period=all&feed=bench/feed-${n}.json`]] : []),
    ['MiniSearch + DOM', `${app.url}bench/index.html?feed=feed-${n}.json`],
    ['probe floor', `${app.url}bench/index.html?feed=feed-${n}.json&floor`],
    ['worker echo floor', `${app.url}bench/index.html?feed=feed-${n}.json&floor&echo`],
  ]) {
    const r = await measure(name, url, n);
    const l = r.latencies;
    const long = r.longTasks.map((t) => t.ms);
    console.log(
      `${String(n).padStart(6)} papers  ${name.padEnd(17)} keys ${l.length}  to paint p50 ${fmt(quantile(l, 0.5))}  p95 ${fmt(quantile(l, 0.95))}  max ${fmt(Math.max(...l))} ms` +
        `  (whole list p50 ${fmt(quantile(r.complete, 0.5))}  p95 ${fmt(quantile(r.complete, 0.95))})` +
        `  long tasks ${long.length} (max ${fmt(Math.max(0, ...long))} ms)  list elements ${r.elements}, rows on screen ${r.visibleRows}\n` +
        (r.roundTrips.length ? `        a look's round trip to the worker: ${r.roundTrips.length} looks, p50 ${fmt(quantile(r.roundTrips, 0.5))}  p95 ${fmt(quantile(r.roundTrips, 0.95))} ms` : '') +
        (r.inEngine.length ? `; in the worker, from the look received to its screen posted: p50 ${fmt(quantile(r.inEngine, 0.5))}  p95 ${fmt(quantile(r.inEngine, 0.95))} ms` : '') +
        (r.roundTrips.length ? '\n' : '') +
        `        scroll to the end (${r.presses} × Show more, ${r.height} px) and back: list elements at most ${r.most}, frames ${r.frames.length}, max ${fmt(Math.max(0, ...r.frames))} ms, over 50 ms ${r.frames.filter((f) => f > 50).length}  (loaded in ${(r.loaded / 1000).toFixed(1)} s)`,
    );
  }
}
await browser.close();
await app.close();
await other?.close();
