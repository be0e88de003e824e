// First rows of a large feed: the release build (dist/) on loopback in headless Chromium,
// opened on a link that adds a PaperSift feed of the whole ~75k-paper corpus (newest day
// first, as the converter writes it) and shows that feed's newest day. Measured from
// navigation start: the first card of that day on screen, and the moment every paper has
// arrived and is indexed (the "loading more" bar goes). With --compare DIR, another build is measured in
// the same run (e.g. one from before streaming decode). Then a source of 30 papers is added in
// Settings → Sources, and timed from the click until they are counted in the list. The page's
// main thread is measured while the feed loads and while For you fits (two papers saved, then the
// For-you order until it is ranked): Chromium's own count of its task time (TaskDuration) and the
// long tasks (50 ms or more) the page observed.
// Each build is measured on two copies of the feed: as is (the app indexes it) and rewritten
// by the converter with --index (the app loads the index shipped beside it).
//
//   node tests/bench/first-rows.mjs [--data DIR] [--runs N] [--compare DIST]   (after `trunk build --release`)
//
// DIR defaults to ../shared/data/arxiv_corpus/dedup (not shipped with the project).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openSettings } from '../e2e/browser.mjs';
import { scratchDir } from '../e2e/scratch.mjs';
import { serveStatic } from '../e2e/server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const data = args.data ?? join(ROOT, '../shared/data/arxiv_corpus/dedup');
const runs = Number(args.runs ?? 5);
if (!existsSync(data)) {
  console.error(`missing corpus: ${data}; pass --data DIR (the arxiv_corpus/dedup folder of the shared data)`);
  process.exit(2);
}
const builds = [['this build', join(ROOT, 'dist')], ...(args.compare ? [['compared build', args.compare]] : [])];
for (const [, dist] of builds) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`missing ${dist}/index.html: run \`trunk build --release\` first`);
    process.exit(2);
  }
}

const papers = [];
for (const file of readdirSync(data).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(data, file), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    const clean = (s) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');
    papers.push({ id: r.id, title: clean(r.title), abstract: clean(r.summary), authors: r.authors, categories: r.categories ?? [], listed: r.listing_date });
  }
}
papers.sort((a, b) => b.listed.localeCompare(a.listed) || a.id.localeCompare(b.id));
const newest = papers[0].listed;
const dir = scratchDir('rows');
writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ papersift_feed: 1, title: 'corpus', papers }));
// A small source added afterwards in Settings → Sources: 30 more papers on the newest day.
const EXTRA = 30;
const extra = Array.from({ length: EXTRA }, (_, i) => ({ id: `extra-${i}`, title: `Extra paper ${i}`, listed: newest }));
writeFileSync(join(dir, 'extra.json'), JSON.stringify({ papersift_feed: 1, title: 'extra', papers: extra }));
const mb = readFileSync(join(dir, 'corpus.json')).length / 1e6;
mkdirSync(join(dir, 'indexed'));
execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'papersift-feed', '--', '--title', 'corpus', '--index',
  '--out', join(dir, 'indexed/corpus.json'), join(dir, 'corpus.json')], { cwd: ROOT, stdio: 'inherit' });
const indexMb = readFileSync(join(dir, 'indexed/corpus.index')).length / 1e6;

// Runs in the page before its scripts: when the first card appears, and when the bar that
// says more papers are arriving goes away, on the page's clock (0 = navigation start).
function probe() {
  const seen = { first: null, bar: false, done: null, long: [] };
  window.__rows = seen;
  // The page's long tasks (50 ms or more), from navigation start.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const now = performance.now();
    // The app's cards, not the build's copy of the default view (gone as the page parses).
    if (seen.first === null && [...document.querySelectorAll('article')].some((a) => !a.closest('#prerender'))) seen.first = now;
    const bar = document.querySelector('.loading-more') !== null;
    if (bar) seen.bar = true;
    if (seen.bar && !bar && seen.done === null) seen.done = now;
  }).observe(document, { childList: true, subtree: true });
}

const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${papers.length} papers, ${mb.toFixed(1)} MB PaperSift feed (its index: ${indexMb.toFixed(1)} MB); newest day ${newest}; ${runs} runs, median ms from navigation start`);
for (const [build, dist] of builds) for (const [variant, path] of [['indexed here', 'corpus.json'], ['index shipped', 'indexed/corpus.json']]) {
  const name = `${build}, ${variant}`;
  const app = await serveStatic(dist, '/papersift/', { bench: dir });
  const feed = encodeURIComponent(`${app.url}bench/${path}`);
  const first = [];
  const done = [];
  const main = { load: [], forYou: [] };
  const added = [];
  const arrived = {};
  const engineWork = [];
  for (let r = 0; r < runs; r += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(probe);
    const page = await context.newPage();
    // The page's main-thread time: Chromium's own count of the time its tasks took.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    await page.goto(`${app.url}?feed=${feed}&period=daily&date=${newest}`);
    // The day's 300 papers are on screen when a card of the corpus is.
    await page.locator('article', { hasText: papers[0].title }).first().waitFor({ timeout: 120_000 });
    await page.getByText(`${papers.filter((p) => p.listed === newest).length} papers`).first().waitFor({ timeout: 120_000 });
    let seen = await page.evaluate(() => window.__rows);
    for (let waited = 0; seen.bar && seen.done === null && waited < 120_000; waited += 200) {
      await page.waitForTimeout(200);
      seen = await page.evaluate(() => window.__rows);
    }
    first.push(seen.first);
    if (seen.done !== null) done.push(seen.done);
    main.load.push([await busy(), seen.long.filter(([start]) => seen.done === null || start < seen.done)]);
    // The engine's longest piece of work while loading (indexing the corpus, or reading its
    // index), measured in its worker; a build without that measure reports none.
    const flushes = (await page.workers()[0]?.evaluate(() => performance.getEntriesByName('papersift-engine-flush').map((e) => e.duration))) ?? [];
    if (flushes.length) engineWork.push(Math.max(...flushes));

    // When the feed's body (and its index, if shipped) had arrived, on the page's clock: fetched
    // by the page (older builds) or by the engine worker, whose clock starts when it does.
    const arrivals = () => [performance.timeOrigin, performance.getEntriesByType('resource')
      .filter((e) => /corpus\.(json|index)$/.test(e.name)).map((e) => [e.name.split('.').at(-1), e.responseEnd])];
    const [pageOrigin, onPage] = await page.evaluate(arrivals);
    const [workerOrigin, inWorker] = (await page.workers()[0]?.evaluate(arrivals)) ?? [pageOrigin, []];
    const ends = [...onPage, ...inWorker.map(([kind, end]) => [kind, end + workerOrigin - pageOrigin])];
    for (const [kind, end] of ends) (arrived[kind] ??= []).push(end);
    const onDay = papers.filter((p) => p.listed === newest).length;
    await openSettings(page);
    await page.getByText(/^Sources \(/).click();
    await page.getByLabel('Feed address').fill(`${app.url}bench/extra.json`);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('status').filter({ hasText: `${onDay + EXTRA} papers` }).waitFor({ timeout: 120_000 });
    added.push((await page.evaluate(() => performance.now())) - clicked);
    // For you on the whole corpus: two papers saved, then the For-you order, until it is ranked.
    await page.keyboard.press('Escape');
    const before = [await busy(), (await page.evaluate(() => window.__rows.long)).length];
    for (const n of [0, 1]) await page.locator('article').nth(n).getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'For you' });
    await page.getByText('Ranked by a model of your saved and liked papers').waitFor({ timeout: 120_000 });
    const after = await page.evaluate(() => window.__rows.long);
    main.forYou.push([(await busy()) - before[0], after.slice(before[1])]);
    await context.close();
  }
  const all = done.length ? `${median(done).toFixed(0)} (${done.map((x) => x.toFixed(0)).join(' ')})` : 'not shown (no preview: the first rows came with the last)';
  console.log(`${name}: first rows ${median(first).toFixed(0)} (${first.map((x) => x.toFixed(0)).join(' ')}); every paper in and indexed: ${all}`);
  if (engineWork.length) console.log(`  the engine's longest piece of work while loading (in its worker): ${median(engineWork).toFixed(0)} ms (${engineWork.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`  received: ${Object.entries(arrived).map(([kind, ends]) => `${kind === 'json' ? 'feed' : 'index'} ${median(ends).toFixed(0)}`).join(', ')}`);
  console.log(`  a source of ${EXTRA} papers added afterwards, counted in the list after ${median(added).toFixed(0)} (${added.map((x) => x.toFixed(0)).join(' ')})`);
  for (const [phase, runs] of [['loading, until every paper is in', main.load], ['For you fitting, from Save to the ranked list', main.forYou]]) {
    const longest = runs.map(([, long]) => Math.max(0, ...long.map(([, d]) => d)));
    const counts = runs.map(([, long]) => long.length);
    console.log(`  main thread while ${phase}: busy ${median(runs.map(([b]) => b)).toFixed(0)} ms; longest task ${median(longest).toFixed(0)} (${longest.map((x) => x.toFixed(0)).join(' ')}); long tasks ${median(counts)}`);
  }
  await app.close();
}
await browser.close();
