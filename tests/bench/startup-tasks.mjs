// The main thread at start-up, as Lighthouse's mobile profile weighs it: the release build on
// loopback in headless Chromium, a first visit (fresh context, empty cache) on a phone-sized
// screen under a fourfold CPU slowdown, until the app's first rows are on screen and 2.5 s
// more. For each run: the first contentful paint (the build's copy of the first rows), the
// long tasks after it that the page observed, and their blocking time (each task's time over
// 50 ms, summed: Lighthouse's TBT, measured rather than simulated), and the same summed over
// every long task from navigation start. With --warm, each first visit is followed by a return
// in the same profile: the service worker serves the app, which draws itself (no copy of the
// first rows: its first paint is the app's), and Chromium may reuse the wasm code it compiled
// and cached the first time. With --compare DIST another
// build is measured in the same run, the builds alternating; with --js-flags FLAGS each is
// measured again with those V8 flags (e.g. --no-wasm-lazy-compilation, to see what compiling
// the wasm's functions on first call costs the main thread).
//
//   node tests/bench/startup-tasks.mjs [--runs N] [--compare DIST] [--js-flags FLAGS] [--warm]   (after `trunk build --release`)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../e2e/browser.mjs';
import { serveStatic } from '../e2e/server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const warm = process.argv.includes('--warm');
const runs = Number(args.runs ?? 5);
const builds = [['this build', join(ROOT, 'dist')], ...(args.compare ? [['compared build', args.compare]] : [])];
for (const [, dist] of builds) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`missing ${dist}/index.html: run \`trunk build --release\` first`);
    process.exit(2);
  }
}
const engines = [['default flags', []], ...(args['js-flags'] ? [[args['js-flags'], [`--js-flags=${args['js-flags']}`]]] : [])];
const PHONE = { width: 412, height: 823 };

/** The page's long tasks until its first rows are on screen and 2.5 s more: FCP, and the
 * blocking time after it and from navigation start, in ms. */
async function measure(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('ol.papers:not([aria-busy]) article'));
  // What follows the first rows (the rest of the page drawn, the index built) counts too.
  await page.waitForTimeout(2500);
  const { fcp, tasks } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    tasks: window.longTasks,
  }));
  const over = (ds) => ds.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  const after = tasks.filter(([start]) => start >= fcp).map(([, d]) => d);
  return { fcp, blocking: over(after), all: over(tasks.map(([, d]) => d)), longest: Math.max(0, ...after), count: after.length };
}

/** A first visit in a fresh profile, and with --warm the return that follows it. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const first = await measure(page, url);
  let back = null;
  if (warm) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    back = await measure(page, url);
  }
  await context.close();
  return { first, back };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = new Map();
for (const [engine, flags] of engines) {
  const browser = await launch(flags);
  const servers = await Promise.all(builds.map(([, dist]) => serveStatic(dist)));
  for (let run = 0; run < runs; run += 1) {
    for (const [i, [name]] of builds.entries()) {
      const key = `${name}, ${engine}`;
      if (!results.has(key)) results.set(key, []);
      const { first, back } = await visit(browser, servers[i].url);
      results.get(key).push(first);
      if (back) {
        if (!results.has(`${key}, returning`)) results.set(`${key}, returning`, []);
        results.get(`${key}, returning`).push(back);
      }
    }
  }
  await Promise.all(servers.map((s) => s.close()));
  await browser.close();
}
const ms = (x) => `${Math.round(x)}`;
console.log(`start-up on a ${PHONE.width}×${PHONE.height} phone, 4× CPU slowdown, ${runs} runs each (median; runs in brackets)`);
for (const [key, rs] of results) {
  const col = (f) => `${ms(median(rs.map(f)))} (${rs.map((r) => ms(f(r))).join(', ')})`;
  console.log(`${key}:\n  first contentful paint ${col((r) => r.fcp)} ms\n  blocking time after it ${col((r) => r.blocking)} ms\n  blocking time from navigation ${col((r) => r.all)} ms\n  longest task after it ${col((r) => r.longest)} ms\n  long tasks after it ${col((r) => r.count)}`);
}
